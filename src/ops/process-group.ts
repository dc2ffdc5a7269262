/**
 * Owning a child process tree in tests: the child gets its own process group (detached), so
 * stopping it signals the whole group — sqld and anything it spawns — with SIGTERM first and
 * SIGKILL when it has not exited in time. A process that exits without cleaning up (a crashed
 * vitest worker, Ctrl-C) still kills the group from its 'exit' handler, so no server outlives
 * the suite.
 */
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const owned = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const pid of owned) killGroup(pid, "SIGKILL");
  });
}

/** Registers a child started with `detached: true` as the leader of a group we own. */
export function ownProcessGroup(child: ChildProcess): void {
  if (!child.pid) throw new Error("child process has no pid (did it fail to start?)");
  installExitHook();
  owned.add(child.pid);
  child.once("exit", () => owned.delete(child.pid!));
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the leader has exited. */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  const pid = child.pid;
  if (!pid) return;
  if (!exited(child)) {
    const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    killGroup(pid, "SIGTERM");
    const timer = setTimeout(() => killGroup(pid, "SIGKILL"), graceMs);
    await done;
    clearTimeout(timer);
  }
  // Anything the leader left behind in its group goes too; wait until it is really gone.
  killGroup(pid, "SIGKILL");
  const deadline = Date.now() + 5_000;
  while (processGroupAlive(pid) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  owned.delete(pid);
}

/**
 * True while a process of group `pgid` is running. Read from /proc (Linux, like the sqld
 * binary we ship): `kill(-pgid, 0)` would also count zombies that a container's init never
 * reaps, which hold no resources.
 */
export function processGroupAlive(pgid: number): boolean {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp …": comm may contain spaces, so split after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X") return true;
  }
  return false;
}
