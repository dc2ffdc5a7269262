/**
 * Workers limits, timed INSIDE workerd: a whole login through the real Worker and a small
 * SheetJS parse must stay within the budgets (test/workers/limits/budgets.ts). Local workerd
 * does not enforce CPU time or memory, and locally Date.now() advances during computation
 * (in production it does not), so these wall times are upper bounds of the CPU time on this
 * machine. Memory is measured in test/workers/limits (Node, same V8): workerd has no heap API.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { hashPassword, verifyPassword } from "../../../src/auth/password";
import { DEMO_PASSWORD } from "../../../src/services/demo/seed";
import { BUDGETS } from "../limits/budgets";
import { staffCsv, staffXlsx } from "../limits/staff-file";

async function fastestOf<T>(
  runs: number,
  work: () => Promise<T>,
): Promise<{ ms: number; last: T }> {
  let ms = Number.POSITIVE_INFINITY;
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    last = await work();
    ms = Math.min(ms, Date.now() - t0);
  }
  return { ms, last: last as T };
}

describe("Workers limits in workerd", () => {
  it("a login through the Worker (scrypt N=2^15, r=8, p=3, over HTTP) stays within budget", async () => {
    const { ms, last } = await fastestOf(2, () =>
      exports.default.fetch(
        new Request("https://genomford.example/login", {
          method: "POST",
          redirect: "manual",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            origin: "https://genomford.example",
          },
          body: new URLSearchParams({ email: "hr@demo.se", password: DEMO_PASSWORD }).toString(),
        }),
      ),
    );
    console.log(`workerd (vitest pool) login: ${ms} ms`);
    expect(last.status).toBe(303);
    expect(ms).toBeGreaterThan(50); // scrypt really ran…
    expect(ms).toBeLessThan(BUDGETS.loginMs); // …within budget
  });

  it("scrypt verify alone stays within the login budget", async () => {
    const stored = await hashPassword("lösenord");
    const { ms, last } = await fastestOf(2, () => verifyPassword(stored, "lösenord"));
    console.log(`workerd (vitest pool) scrypt verify: ${ms} ms`);
    expect(last).toBe(true);
    expect(ms).toBeLessThan(BUDGETS.loginMs);
  });

  it.each([
    ["xlsx", staffXlsx, 1002],
    ["csv", staffCsv, 1001],
  ] as const)(
    "a small %s upload (1000 staff rows) parses within budget",
    async (_kind, make, rows) => {
      const bytes = make(1000);
      const { ms, last } = await fastestOf(2, async () => {
        const book = XLSX.read(bytes, { type: "array", dense: true, cellDates: true });
        const sheet = book.Sheets[book.SheetNames[0]!]!;
        return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
      });
      console.log(`workerd (vitest pool) parse 1000 rows ${_kind}: ${ms} ms`);
      expect(last).toHaveLength(rows);
      expect(last[rows - 1]?.[0]).toBe("E100999");
      expect(ms).toBeLessThan(BUDGETS.smallParseMs);
    },
  );
});
