/**
 * CPU time and memory of the workerd process that Miniflare started for us, read from
 * /proc (Linux). CPU time, unlike wall time, stays steady on a busy machine: it is what
 * Cloudflare bills and limits. workerd has no heap API, so memory is its resident set;
 * the peak (VmHWM) can be reset through clear_refs to measure one piece of work.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { runInWorkerd } from "./workerd-probe";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // "pid (comm) state ppid …": fields after the comm, which may contain spaces.
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** workerd processes started by this process or its children. */
export function workerdPids(root = process.pid): number[] {
  const children = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const pid = Number(entry);
      const ppid = Number(statFields(pid)[1]);
      names.set(pid, readFileSync(`/proc/${pid}/comm`, "utf8").trim());
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // exited while we looked
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (names.get(child) === "workerd") found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** User + system CPU time of a process so far, in ms (10 ms resolution). */
export function cpuMs(pid: number): number {
  const f = statFields(pid);
  return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SECOND;
}

function statusBytes(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
    readFileSync(`/proc/${pid}/status`, "utf8"),
  );
  if (!line) throw new Error(`no ${field} for ${pid}`);
  return Number(line[1]) * 1024;
}

/** Runs `work` and returns how far workerd's resident set rose above where it started. */
export async function peakRssGrowth(pid: number, work: () => Promise<unknown>): Promise<number> {
  writeFileSync(`/proc/${pid}/clear_refs`, "5"); // reset VmHWM to the current RSS
  const before = statusBytes(pid, "VmRSS");
  await work();
  return statusBytes(pid, "VmHWM") - before;
}

/**
 * In a fresh workerd (nothing freed and kept by the allocator yet): warms the code up with a
 * cheap hash, then verifies `hash` `count` times at once and returns the RSS growth.
 */
export async function concurrentVerifyRssGrowth(hash: string, count: number): Promise<number> {
  const before = new Set(workerdPids());
  const probe = await runInWorkerd("test/workers/limits/probe-worker.ts");
  try {
    const pid = workerdPids().find((p) => !before.has(p));
    if (!pid) throw new Error("could not find the workerd process");
    const cheap =
      "scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    await (await probe.fetch("/verify", { method: "POST", body: cheap })).arrayBuffer();
    const verify = async () =>
      (await probe.fetch("/verify", { method: "POST", body: hash })).json();
    return await peakRssGrowth(pid, () => Promise.all(Array.from({ length: count }, verify)));
  } finally {
    await probe.dispose();
  }
}
