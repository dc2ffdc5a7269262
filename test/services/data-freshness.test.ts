import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imports } from "../../db/schema";
import { dataFreshness } from "../../src/services/data-freshness";
import { createTestDb, type TestDb } from "../helpers/db";

describe("data freshness (Personaldata per …, kursdata per …)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.cleanup());

  const add = (kind: "staff" | "completions" | "attendance", v: Record<string, string>) =>
    t.db.insert(imports).values({ kind, fileName: "f", sha256: "x", ...v });

  it("is unknown with no imports", async () => {
    expect(await dataFreshness(t.db)).toEqual({ staffAsOf: null, coursesAsOf: null });
  });

  it("takes the latest applied staff list's as-of date and the latest course file's day", async () => {
    await add("staff", { asOf: "2025-12-31", createdAt: "2026-01-03T09:00:00.000Z" });
    await add("staff", { asOf: "2026-03-31", createdAt: "2026-04-02T09:00:00.000Z" });
    // An undone staff list does not count.
    await add("staff", {
      asOf: "2026-06-30",
      createdAt: "2026-07-01T09:00:00.000Z",
      status: "undone",
    });
    await add("completions", { createdAt: "2026-02-10T08:00:00.000Z" });
    // 23:30 UTC on 14 April is 15 April in Stockholm.
    await add("attendance", { createdAt: "2026-04-14T23:30:00.000Z" });
    expect(await dataFreshness(t.db)).toEqual({
      staffAsOf: "2026-03-31",
      coursesAsOf: "2026-04-15",
    });
  });
});
