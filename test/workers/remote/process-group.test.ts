/**
 * Issue 18's rule for servers the tests start: sqld (and anything in its process group) is
 * fully gone after stop(), and a process that ignores SIGTERM is SIGKILLed after the grace.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ownProcessGroup,
  processGroupAlive,
  stopProcessGroup,
} from "../../../src/ops/process-group";
import { startSqld } from "../../../src/ops/sqld";

describe("process trees the tests start", () => {
  it("stop() ends sqld's whole process group and removes its temp dir", async () => {
    const sqld = await startSqld();
    expect((await fetch(`${sqld.url}/health`)).ok).toBe(true);
    expect(processGroupAlive(sqld.pid)).toBe(true);
    await sqld.stop();
    expect(processGroupAlive(sqld.pid)).toBe(false);
    expect(existsSync(sqld.dir)).toBe(false);
    await expect(fetch(`${sqld.url}/health`)).rejects.toThrow();
  });

  it("SIGKILLs a group that ignores SIGTERM, grandchildren included", async () => {
    // A shell that ignores TERM and has a child of its own (sleep), like a wrapper script.
    const child = spawn("sh", ["-c", "trap '' TERM; sleep 60 & wait"], {
      detached: true,
      stdio: "ignore",
    });
    ownProcessGroup(child);
    await new Promise((r) => setTimeout(r, 200));
    expect(processGroupAlive(child.pid!)).toBe(true);
    const t0 = Date.now();
    await stopProcessGroup(child, 300);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250); // TERM was ignored, KILL followed
    expect(child.signalCode).toBe("SIGKILL");
    expect(processGroupAlive(child.pid!)).toBe(false); // the sleep went with it
  });
});
