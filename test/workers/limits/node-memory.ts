/** Runs parse-memory.mjs in a child Node (optionally with a capped heap) on one file. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./parse-memory.mjs", import.meta.url));

export interface ParseMemory {
  rows: number;
  ms: number;
  liveBytes: number;
  retainedBytes: number;
}

/** `null` when the child ran out of memory under `maxOldSpaceMb`. */
export function parseMemoryInNode(file: string, maxOldSpaceMb?: number): ParseMemory | null {
  const args = ["--expose-gc", ...(maxOldSpaceMb ? [`--max-old-space-size=${maxOldSpaceMb}`] : [])];
  const child = spawnSync(process.execPath, [...args, SCRIPT, file], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (child.status !== 0) {
    if (/heap out of memory|Allocation failed/i.test(child.stderr)) return null;
    throw new Error(`parse-memory failed (${child.status}): ${child.stderr}`);
  }
  return JSON.parse(child.stdout) as ParseMemory;
}
