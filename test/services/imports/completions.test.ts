import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALL_UNITS } from "../../../src/auth/scope";
import { getCoverage } from "../../../src/services/coverage";
import { importCompletions } from "../../../src/services/imports/completions";
import { importStaff } from "../../../src/services/imports/staff";
import { undoLatestImport } from "../../../src/services/imports/undo";
import {
  dismissUnmatched,
  linkUnmatched,
  listOpenUnmatched,
} from "../../../src/services/imports/unmatched";
import { createTestDb, type TestDb } from "../../helpers/db";
import { utf8 } from "../../helpers/files";
import { expectNoEmploymentsEndingBeforeStart } from "../../helpers/import-invariants";
import { count, dumpData, example } from "../../helpers/imports";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await importStaff(t.db, {
    ...example("personal-2025-12-31.xlsx"),
    asOf: "2025-12-31",
    dryRun: false,
    userId: null,
  });
});
afterEach(async () => {
  await expectNoEmploymentsEndingBeforeStart(t.db);
  t.cleanup();
});

const run = (file: { bytes: Uint8Array; fileName: string }, dryRun = false) =>
  importCompletions(t.db, { ...file, dryRun, userId: null });
const csv = (text: string, name = "export.csv") => ({ bytes: utf8(text), fileName: name });
const coverage = (asOf: string, courseId = "vbe-webb") =>
  getCoverage(t.db, ALL_UNITS, { asOf, courseId });
const WEB = "Våldsbejakande extremism – webbutbildning";

describe("importCompletions", () => {
  it("imports the cumulative export sample", async () => {
    const r = await run(example("webbutbildning-export.csv"));
    expect(r).toMatchObject({
      fileKind: "completions",
      rows: 9,
      matched: 5,
      unmatched: 1,
      ignored: 3,
      newEvents: 8,
      errors: [],
    });
    expect(await count(t.db, "completions")).toBe(8);
    expect(await count(t.db, "unmatched", "status = 'open'")).toBe(1);
    expect(await coverage("2025-12-31")).toMatchObject({ headcount: 10, reached: 5, completed: 3 });
    expect(await coverage("2025-06-30")).toMatchObject({ reached: 2, completed: 2 });
  });

  it("imports the attendance list as deepened completions on Datum", async () => {
    const r = await run(example("narvaro-fordjupning.xlsx"));
    expect(r).toMatchObject({
      fileKind: "attendance",
      rows: 3,
      matched: 3,
      unmatched: 0,
      ignored: 0,
    });
    const rows = await t.db.all<{ course_id: string; kind: string; date: string }>(
      sql`SELECT DISTINCT course_id, kind, date FROM completions`,
    );
    expect(rows).toEqual([{ course_id: "vbe-fordjupning", kind: "completed", date: "2025-10-14" }]);
  });

  it("a dry run counts the same and writes nothing", async () => {
    const before = await dumpData(t.db);
    const dry = await run(example("webbutbildning-export.csv"), true);
    expect(await dumpData(t.db)).toEqual(before);
    const real = await run(example("webbutbildning-export.csv"));
    expect({ ...real, dryRun: true, importId: null }).toEqual(dry);
  });

  it("the identical file again changes nothing; a later cumulative export only adds what is new", async () => {
    await run(example("webbutbildning-export.csv"));
    const before = await dumpData(t.db);
    const again = await run(example("webbutbildning-export.csv"));
    expect(again).toMatchObject({
      alreadyImportedAs: expect.any(Number),
      newEvents: 0,
      matched: 5,
    });
    expect(await dumpData(t.db)).toEqual(before);

    // Same rows with today's status: Mohammed finished, Karin restarted (status shows Påbörjad),
    // Anna redid the course later. The vikarie is still unmatched (queued only once).
    const later = csv(
      [
        "Namn,E-postadress,Kurs,Status,Startdatum,Slutförd datum",
        `"Berg, Anna",anna.berg@skarholmen.example.se,${WEB},Genomförd,2026-02-01,2026-02-01`,
        `Mohammed Ali,mohammed.ali@skarholmen.example.se,${WEB},Genomförd,2025-11-20,2026-01-10`,
        `"Lindqvist, Karin",karin.lindqvist@skarholmen.example.se,${WEB},Påbörjad,2026-01-15,`,
        `"Okänd, Vikarie",vikarie.okand@gmail.example.com,${WEB},Genomförd,2025-06-11,2025-06-11`,
      ].join("\n"),
    );
    const r = await run(later);
    expect(r).toMatchObject({ matched: 3, unmatched: 1, newEvents: 4 });
    expect(await count(t.db, "unmatched")).toBe(1);
    // Earliest dates win, nothing downgrades: the 2025 figures are the same as before.
    expect(await coverage("2025-12-31")).toMatchObject({ reached: 5, completed: 3 });
    expect(await coverage("2026-01-31")).toMatchObject({ reached: 5, completed: 4 });
    const [anna] = await t.db.all<{ d: string }>(
      sql`SELECT MIN(c.date) AS d FROM completions c JOIN people p ON p.id = c.person_id
          WHERE p.employee_no = '100001' AND c.kind = 'completed'`,
    );
    expect(anna!.d).toBe("2025-03-04");
  });

  it("writes nothing when a row has an error", async () => {
    const r = await run(
      csv(
        `Namn,E-post,Kurs,Status,Slutförd datum\nAnna,anna.berg@skarholmen.example.se,${WEB},Genomförd,31/02/2025\n`,
      ),
    );
    expect(r.errors).toEqual([
      { row: 2, message: "Rad 2, kolumn Slutförd datum: '31/02/2025' är inget datum" },
    ]);
    expect(await count(t.db, "completions")).toBe(0);
    expect(await count(t.db, "imports", "kind <> 'staff'")).toBe(0);
  });

  it("matches by employee number first, then e-mail", async () => {
    const r = await run(
      csv(
        `Anställningsnummer;Namn;E-post;Kurs;Status;Slutförd datum\n0100003;X;fel@x.se;VBE webbutbildning;Klar;2025-05-19\n;Y;SVEN.OLSSON@skarholmen.example.se ;VBE webbutbildning;Klar;2025-05-20\n`,
      ),
    );
    expect(r).toMatchObject({ matched: 2, unmatched: 0 });
  });

  it("HR links an unmatched row: its events are written and later files match through the link", async () => {
    await run(example("webbutbildning-export.csv"));
    const [row] = await listOpenUnmatched(t.db);
    expect(row).toMatchObject({
      name: "Okänd, Vikarie",
      email: "vikarie.okand@gmail.example.com",
      courseId: "vbe-webb",
    });
    expect(JSON.stringify(row!.raw)).toContain("Okänd, Vikarie");
    const [p] = await t.db.all<{ id: number }>(
      sql`SELECT id FROM people WHERE employee_no = '100010'`,
    );
    const linked = await linkUnmatched(t.db, {
      unmatchedId: row!.id,
      personId: p!.id,
      userId: null,
    });
    expect(linked).toEqual({ linked: 1, events: 2 });
    expect(await listOpenUnmatched(t.db)).toEqual([]);
    expect(await count(t.db, "person_links", "key = 'email:vikarie.okand@gmail.example.com'")).toBe(
      1,
    );
    expect(await coverage("2025-12-31")).toMatchObject({ reached: 6, completed: 4 });

    const next = await run(
      csv(
        `Namn,E-post,Kurs,Status,Slutförd datum\nVikarie Okänd,Vikarie.Okand@gmail.example.com,${WEB},Genomförd,2025-06-11\n`,
      ),
    );
    expect(next).toMatchObject({ matched: 1, unmatched: 0, newEvents: 0 });
  });

  it("HR dismisses an unmatched row", async () => {
    await run(example("webbutbildning-export.csv"));
    const [row] = await listOpenUnmatched(t.db);
    expect(await dismissUnmatched(t.db, { unmatchedIds: [row!.id], userId: null })).toBe(1);
    expect(await listOpenUnmatched(t.db)).toEqual([]);
    expect(await count(t.db, "unmatched", "status = 'dismissed'")).toBe(1);
  });

  it("undo reverts exactly the latest import, including links made from its queue", async () => {
    await run(example("narvaro-fordjupning.xlsx"));
    const before = await dumpData(t.db);
    await run(example("webbutbildning-export.csv"));
    const [row] = await listOpenUnmatched(t.db);
    const [p] = await t.db.all<{ id: number }>(
      sql`SELECT id FROM people WHERE employee_no = '100010'`,
    );
    await linkUnmatched(t.db, { unmatchedId: row!.id, personId: p!.id, userId: null });
    await undoLatestImport(t.db, "completions", { userId: null });
    expect(await dumpData(t.db)).toEqual(before);
    await undoLatestImport(t.db, "attendance", { userId: null });
    expect(await count(t.db, "completions")).toBe(0);
  });

  it("a staff import cannot be undone while later events use its people", async () => {
    await run(example("webbutbildning-export.csv"));
    await expect(undoLatestImport(t.db, "staff", { userId: null })).rejects.toThrow(
      /kan inte ångras/,
    );
    expect(await count(t.db, "people")).toBe(10);
  });
});
