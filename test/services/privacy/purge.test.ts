/**
 * The retention purge on the demo organisation, run as if it were mid-2029: leavers who left
 * before mid-2026 lose their identity, and every figure — the locked 2025 report included —
 * stays exactly the same.
 */
import { readFileSync } from "node:fs";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessLog,
  auditLog,
  completions,
  employments,
  importEffects,
  imports,
  people,
  personLinks,
  unmatched,
  users,
} from "../../../db/schema";
import { ALL_UNITS } from "../../../src/auth/scope";
import {
  computeAnnualReport,
  getLockedReport,
  lockedFiguresOf,
} from "../../../src/services/annual-report";
import { getCoverage } from "../../../src/services/coverage";
import { seedDemoData } from "../../../src/services/demo/seed";
import { lockAnnualReport, lockSnapshot } from "../../../src/services/lock-report";
import { planPurge, runPurge } from "../../../src/services/privacy/purge";
import { setRetentionPolicy } from "../../../src/services/privacy/retention-settings";
import { createTestDb, type TestDb } from "../../helpers/db";

const TODAY = "2029-06-01";
const NOW = new Date(`${TODAY}T10:00:00Z`);

describe("retention purge", () => {
  let t: TestDb;
  let leaverId: number;
  let leaverEmail: string;
  let currentId: number;
  let seedAuditEntries: number;
  let testImportId: number;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
    // The seed goes through the real importers, which audit each import with the database
    // clock; pin those entries to the seed's day so the purge's cutoffs see the same log.
    await t.db.update(auditLog).set({ at: "2026-11-25T12:00:00.000Z" });
    seedAuditEntries = (await t.db.select().from(auditLog)).length;
    const [admin] = await t.db
      .insert(users)
      .values({ email: "dso@test.se", name: "Dataskydd", role: "admin" })
      .returning();
    const lock = await lockAnnualReport(t.db, {
      year: 2025,
      userId: admin!.id,
      now: new Date("2026-01-15T09:00:00Z"),
      today: "2026-01-15",
    });
    expect(lock.ok).toBe(true);
    // The lock's audit entry carries the database clock; pin it to the lock's date.
    await t.db
      .update(auditLog)
      .set({ at: "2026-01-15T09:00:00.000Z" })
      .where(eq(auditLog.action, "report.locked"));
    // A leaver who left in 2025 (before the 2029 cutoff of 2026-06-01), with HR's traces.
    const [leaver] = await t.db.all<{ id: number; email: string }>(sql`
      SELECT p.id, p.email FROM people p JOIN employments e ON e.person_id = p.id
      GROUP BY p.id HAVING sum(e.valid_to IS NULL) = 0 AND max(e.valid_to) < '2025-12-31'
      ORDER BY p.id LIMIT 1`);
    leaverId = leaver!.id;
    leaverEmail = leaver!.email;
    const [current] = await t.db.all<{ id: number }>(sql`
      SELECT person_id AS id FROM employments WHERE valid_to IS NULL ORDER BY person_id LIMIT 1`);
    currentId = current!.id;
    const [imp] = await t.db
      .insert(imports)
      .values({
        kind: "completions",
        fileName: "export-2025.csv",
        sha256: "x",
        createdAt: "2025-05-01T08:00:00.000Z",
      })
      .returning();
    testImportId = imp!.id;
    await t.db
      .insert(personLinks)
      .values({ key: `email:privat-${leaverEmail}`, personId: leaverId });
    await t.db.insert(unmatched).values({
      importId: imp!.id,
      rowNumber: 7,
      raw: { Namn: "Hemlig Person", "E-post": "hemlig@privat.se" },
      name: "Hemlig Person",
      email: "hemlig@privat.se",
      status: "linked",
      personId: leaverId,
    });
    await t.db.insert(importEffects).values({
      importId: imp!.id,
      entity: "people",
      entityId: leaverId,
      action: "update",
      before: { lastName: "Gammaltnamn", email: leaverEmail },
    });
    await t.db.insert(auditLog).values([
      { at: "2027-01-01T00:00:00.000Z", action: "export", target: "gammal.csv" },
      { at: "2028-01-01T00:00:00.000Z", action: "export", target: "ny.csv" },
    ]);
    await t.db.insert(accessLog).values([
      { at: "2027-01-01T00:00:00.000Z", kind: "staff_list", count: 3 },
      { at: "2028-12-01T00:00:00.000Z", kind: "staff_list", count: 4 },
    ]);
  });
  afterAll(() => t.cleanup());

  const coverageAt = (asOf: string) => getCoverage(t.db, ALL_UNITS, { asOf });

  it("the dry run lists who and what would go, and writes nothing", async () => {
    const before = await t.db.select().from(people).where(eq(people.id, leaverId));
    const plan = await planPurge(t.db, { today: TODAY, now: NOW });
    expect(plan.cutoffs).toEqual({ leaverEndedBefore: "2026-06-01", logsBefore: "2027-06-01" });
    expect(plan.people.map((p) => p.id)).toContain(leaverId);
    expect(plan.people.map((p) => p.id)).not.toContain(currentId);
    for (const p of plan.people) expect(p.lastEnded < "2026-06-01").toBe(true);
    expect(plan.counts).toMatchObject({
      personLinks: 1,
      unmatchedRows: 1,
      importEffects: 1,
      // the seed's imports and the lock (all 2026), and the 2027-01-01 export
      auditEntries: seedAuditEntries + 2,

      accessEntries: 1,
    });
    expect(await t.db.select().from(people).where(eq(people.id, leaverId))).toEqual(before);
    expect(await t.db.select().from(personLinks)).toHaveLength(1);
  });

  it("removes identities and old logs, keeps every figure and the locked report identical", async () => {
    const coverageBefore = await Promise.all(
      ["2025-06-30", "2025-12-31", "2026-11-25"].map(coverageAt),
    );
    const annualBefore = await computeAnnualReport(t.db, ALL_UNITS, { year: 2025 });
    const eventsBefore = (await t.db.select({ n: sql<number>`count(*)` }).from(completions))[0]!.n;
    const plan = await runPurge(t.db, {
      today: TODAY,
      now: NOW,
      actor: { userId: null, ip: "cli" },
    });
    expect(plan.dryRun).toBe(false);
    expect(plan.counts.people).toBeGreaterThan(0);

    const gone = await t.db
      .select()
      .from(people)
      .where(
        inArray(
          people.id,
          plan.people.map((p) => p.id),
        ),
      );
    for (const p of gone) {
      expect(p).toMatchObject({
        firstName: "",
        lastName: "(gallrad)",
        email: null,
        employeeNo: null,
      });
      expect(p.pseudonymisedAt).toBe(NOW.toISOString());
    }
    const kept = await t.db.query.people.findFirst({ where: eq(people.id, currentId) });
    expect(kept?.employeeNo).not.toBeNull();
    expect(await t.db.select().from(personLinks)).toHaveLength(0);
    const [row] = await t.db.select().from(unmatched);
    expect(row).toMatchObject({ raw: {}, name: null, email: null, employeeNo: null });
    const [effect] = await t.db
      .select()
      .from(importEffects)
      .where(and(eq(importEffects.importId, testImportId), eq(importEffects.entityId, leaverId)));
    expect(effect?.before).toEqual({ lastName: "(gallrad)", email: null });
    expect((await t.db.select().from(auditLog)).map((a) => a.target)).not.toContain("gammal.csv");
    expect(await t.db.select().from(accessLog)).toHaveLength(1);

    // Figures: identical, for the locked year and others; the lock still agrees.
    expect(await Promise.all(["2025-06-30", "2025-12-31", "2026-11-25"].map(coverageAt))).toEqual(
      coverageBefore,
    );
    const annualAfter = await computeAnnualReport(t.db, ALL_UNITS, { year: 2025 });
    expect(annualAfter).toEqual(annualBefore);
    const locked = await getLockedReport(t.db, 2025);
    expect(locked!.figures).toMatchObject(lockedFiguresOf(annualAfter));
    // Every unit's locked row too (the lock keeps the whole tree).
    expect(locked!.figures.tree).toEqual((await lockSnapshot(t.db, 2025)).figures.tree);
    expect((await t.db.select({ n: sql<number>`count(*)` }).from(completions))[0]!.n).toBe(
      eventsBefore,
    );
    expect(
      await t.db.select().from(employments).where(eq(employments.personId, leaverId)),
    ).not.toHaveLength(0);

    // The purge is audited with counts only, never the names it removed.
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "privacy.purged"));
    expect(entry?.detail).toMatchObject({
      people: plan.counts.people,
      leaverEndedBefore: "2026-06-01",
    });
    expect(JSON.stringify(entry)).not.toContain(leaverEmail);
  });

  it("a second run finds nothing more to do", async () => {
    const again = await planPurge(t.db, { today: TODAY, now: NOW });
    expect(again.counts).toEqual({
      people: 0,
      personLinks: 0,
      unmatchedRows: 0,
      importEffects: 0,
      auditEntries: 0,
      accessEntries: 0,
      pendingUploads: 0,
    });
  });

  it("the periods are configurable and validated", async () => {
    expect(
      await setRetentionPolicy(t.db, { leaverYears: 0, logYears: 2 }, { userId: null }),
    ).toContain("mellan 1 och 10");
    expect(
      await setRetentionPolicy(t.db, { leaverYears: 1, logYears: 1 }, { userId: null }),
    ).toBeNull();
    const plan = await planPurge(t.db, { today: TODAY, now: NOW });
    expect(plan.cutoffs).toEqual({ leaverEndedBefore: "2028-06-01", logsBefore: "2028-06-01" });
    expect(plan.counts.people).toBeGreaterThan(0); // leavers of 2026-06 … 2028-05
  });

  it("the database file no longer holds a purged e-mail address", async () => {
    await t.db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    const bytes = readFileSync(t.url.slice("file:".length));
    expect(bytes.includes(Buffer.from("hemlig@privat.se"))).toBe(false);
  });
});
