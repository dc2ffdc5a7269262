import { describe, expect, it } from "vitest";
import { processGroupAlive } from "../../src/ops/process-group";
import { startServer } from "../e2e/server";
import { isRunning, sleep, spawnOwned, treePids } from "./process";

/** Waits until `pid` has at least `n` processes in its tree (children start asynchronously). */
async function treeOf(pid: number, n: number): Promise<number[]> {
  for (let i = 0; i < 200; i++) {
    const pids = treePids(pid);
    if (pids.length >= n) return pids;
    await sleep(50);
  }
  throw new Error(`process ${pid} never had ${n} processes`);
}

describe("spawned processes are owned as a tree", () => {
  it("stop() ends the leader and the grandchildren a wrapper started", async () => {
    // A shell that starts two sleepers and waits, like npx → tsx → node.
    const proc = spawnOwned("sh", ["-c", "sleep 300 & sleep 300 & wait"]);
    const pids = await treeOf(proc.pid, 3);
    expect(pids.every(isRunning)).toBe(true);
    await proc.stop(2_000);
    expect(pids.filter(isRunning)).toEqual([]);
  }, 30_000);

  it("a child that ignores SIGTERM is killed after the grace period", async () => {
    const proc = spawnOwned("sh", ["-c", "trap '' TERM; sleep 300 & wait"]);
    const pids = await treeOf(proc.pid, 2);
    await proc.stop(500);
    expect(pids.filter(isRunning)).toEqual([]);
    expect(processGroupAlive(proc.pid)).toBe(false);
  }, 30_000);

  it("the e2e server helper leaves no process of its tree running", async () => {
    const server = await startServer({ seedDemo: false });
    const pids = treePids(server.process.pid);
    try {
      const health = await fetch(`${server.baseUrl}/healthz`);
      expect(await health.json()).toMatchObject({ ok: true });
    } finally {
      // Stopped even when the check above fails: a failed test must not leave a server behind.
      await server.stop();
    }
    expect(pids.length).toBeGreaterThan(0);
    expect(pids.filter(isRunning)).toEqual([]);
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
  }, 120_000);
});
