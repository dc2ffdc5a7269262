/**
 * The one way tests start another process. The child gets its own process group
 * (`detached: true`), so stopping it signals every process below it too — `child.kill()` on a
 * wrapper such as `npx` would leave the real server running, re-parented to init. Stopping
 * waits for the exit and falls back to SIGKILL; `treePids` lets a test check that nothing
 * survived.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { processGroupAlive } from "../../src/ops/process-group";

export interface OwnedProcess {
  readonly child: ChildProcess;
  /** Process-group id (= the child's pid): every process the child starts shares it. */
  readonly pid: number;
  /** Everything written to stdout and stderr so far, in order. */
  output: () => string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM to the whole group, wait, then SIGKILL what is left. Safe to call twice. */
  stop: (graceMs?: number) => Promise<void>;
}

/** Grace period between SIGTERM and SIGKILL; generous for a busy 2-core machine. */
const DEFAULT_GRACE_MS = 10_000;

export function spawnOwned(
  command: string,
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; stdin?: string } = {},
): OwnedProcess {
  const child = spawn(command, args, {
    env: opts.env ?? process.env,
    cwd: opts.cwd,
    detached: true,
    stdio: [opts.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  let out = "";
  let err = "";
  let all = "";
  child.stdout?.on("data", (d) => {
    out += d;
    all += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
    all += d;
  });
  if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    // "close" fires after stdout/stderr are drained, so the output is complete.
    else child.once("close", (code) => resolve(code));
  });
  const stop = async (graceMs = DEFAULT_GRACE_MS) => {
    signalGroup(pid, "SIGTERM");
    const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!done) signalGroup(pid, "SIGKILL");
    await exited;
    // The leader may be gone while a grandchild still runs in the group.
    signalGroup(pid, "SIGKILL");
    // A signal is delivered asynchronously: on a busy machine a killed grandchild can still be
    // running for a moment after kill() returns. Wait (bounded) until the group is really empty.
    const deadline = Date.now() + 10_000;
    while (processGroupAlive(pid) && Date.now() < deadline) await sleep(20);
  };
  return {
    child,
    pid,
    output: () => all,
    stdout: () => out,
    stderr: () => err,
    exited,
    stop,
  };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True while `pid` is a live process (a zombie waiting to be reaped counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  return procState(pid) !== "Z";
}

/** `pid` and all its descendants now, read from /proc (Linux; just `pid` elsewhere). */
export function treePids(pid: number): number[] {
  const parents = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [pid];
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = procParent(Number(name));
    if (ppid === null) continue;
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
  }
  const tree: number[] = [];
  const todo = [pid];
  while (todo.length > 0) {
    const next = todo.pop()!;
    tree.push(next);
    todo.push(...(parents.get(next) ?? []));
  }
  return tree;
}

/** Fields of /proc/PID/stat after the command name (which may contain spaces). */
function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

const procState = (pid: number) => procStat(pid)?.[0] ?? null;

function procParent(pid: number): number | null {
  const ppid = procStat(pid)?.[1];
  return ppid === undefined ? null : Number(ppid);
}
