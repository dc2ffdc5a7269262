import type { CliIo } from "../../src/cli/io";
import { spawnOwned } from "./process";

/**
 * A CliIo that captures stdout/stderr for in-process `runCli` tests, with a pinned clock
 * (default 2026-11-25 10:00 UTC) and optional environment and stdin.
 */
export function captureIo(
  opts: { env?: Record<string, string>; now?: string; stdin?: string } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t: string) => {
      out.push(t);
    },
    stderr: (t: string) => {
      err.push(t);
    },
    env: opts.env ?? {},
    now: () => new Date(opts.now ?? "2026-11-25T10:00:00Z"),
    ...(opts.stdin === undefined ? {} : { stdin: async () => opts.stdin as string }),
  };
  return { out, err, io, json: () => JSON.parse(out.join("")) };
}

export interface CliProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Longest a spawned CLI may run before it is killed (a busy 2-core box starts tsx slowly). */
const CLI_PROCESS_TIMEOUT_MS = 60_000;

/**
 * The CLI as a real process, for the few tests that prove the contract end to end (exit
 * code, stdout/stderr, DATABASE_URL). Node runs the CLI bundle (src/launch.mjs, as `npm run cli`) directly,
 * without npx or npm in between, in a process group this helper owns and always ends.
 */
export async function runCliProcess(
  argv: readonly string[],
  opts: { env?: Record<string, string>; stdin?: string } = {},
): Promise<CliProcessResult> {
  const proc = spawnOwned(process.execPath, ["src/launch.mjs", "cli", ...argv], {
    env: { ...process.env, ...opts.env },
    stdin: opts.stdin,
  });
  const timer = setTimeout(() => void proc.stop(0), CLI_PROCESS_TIMEOUT_MS);
  try {
    const code = await proc.exited;
    return { code, stdout: proc.stdout(), stderr: proc.stderr() };
  } finally {
    clearTimeout(timer);
    await proc.stop(0);
  }
}

/** Test timeout for a test that spawns the CLI once or twice. */
export const CLI_PROCESS_TEST_TIMEOUT_MS = 120_000;
