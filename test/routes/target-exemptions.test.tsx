/** Exemptions: the import (CLI) and hr's page — add, filter, end, remove; audited; undoable. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, exemptions } from "../../db/schema";
import { createApp } from "../../src/app";
import { runCli } from "../../src/cli";
import { loginAs } from "../helpers/auth";
import { captureIo } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { utf8 } from "../helpers/files";
import { postForm } from "../helpers/http";
import { insertSmallOrg } from "../helpers/small-org-db";

let t: TestDb;
let app: ReturnType<typeof createApp>;
let hr: string;

beforeAll(async () => {
  t = await createTestDb();
  await insertSmallOrg(t.db);
  app = createApp({ db: t.db, now: () => new Date("2026-03-02T09:00:00Z") });
  ({ cookie: hr } = await loginAs(t.db, "hr"));
});
afterAll(() => t.cleanup());

const file = (name: string, text: string) => {
  const path = join(t.dir, name);
  writeFileSync(path, utf8(text));
  return path;
};

describe("exemptions import (CLI)", () => {
  it("unknown person, Från after Till, unknown course and a missing reason are row errors; nothing written", async () => {
    const path = file(
      "fel.csv",
      "Anställningsnummer;E-post;Kurs;Från;Till;Orsak\nX99;;;2026-01-01;;Föräldraledighet\nS1;;;2026-05-01;2026-04-01;Sjukskrivning\n;p2@test.se;Simning;2026-01-01;;Tjänstledighet\nS3;;;2026-01-01;;\n",
    );
    const io = captureIo();
    expect(await runCli(["exemptions", "import", path, "--json"], io.io, t.db)).toBe(1);
    const err = io.err.join("");
    expect(err).toContain(
      "Rad 2, kolumn Anställningsnummer: ingen person har anställningsnummer 'X99'",
    );
    expect(err).toContain("Rad 3, kolumn Till: 2026-04-01 ligger före Från (2026-05-01).");
    expect(err).toContain("Rad 4, kolumn Kurs: 'Simning' finns inte i kurskatalogen.");
    expect(err).toContain("Rad 5, kolumn Orsak: orsak saknas");
    expect(await t.db.select().from(exemptions)).toEqual([]);
  });

  it("adds exemptions (by number or e-mail, one course or all); the same file adds nothing; undo removes them", async () => {
    const path = file(
      "undantag.csv",
      "Anställningsnummer;E-post;Kurs;Från;Till;Orsak\nS1;;;2026-01-01;2026-06-30;Föräldraledighet\n;P2@TEST.SE;vbe-fordjupning;2026-02-01;;Kort uppdrag\n",
    );
    const dry = captureIo();
    expect(await runCli(["exemptions", "import", path, "--dry-run", "--json"], dry.io, t.db)).toBe(
      0,
    );
    expect(dry.json()).toEqual({
      kind: "exemptions",
      rows: 2,
      created: 2,
      unchanged: 0,
      errors: [],
      dryRun: true,
    });
    const io = captureIo();
    expect(await runCli(["exemptions", "import", path], io.io, t.db)).toBe(0);
    expect(io.out.join("")).toContain("alla kurser, 2026-01-01 – 2026-06-30, Föräldraledighet");
    const rows = await t.db.select().from(exemptions);
    expect(rows.map((r) => [r.courseId, r.fromDate, r.toDate, r.reason])).toEqual([
      [null, "2026-01-01", "2026-06-30", "Föräldraledighet"],
      ["vbe-fordjupning", "2026-02-01", null, "Kort uppdrag"],
    ]);
    const again = file(
      "undantag-igen.csv",
      "Anst.nr;Kurs;Från;Till;Orsak\nS1;;2026-01-01;2026-06-30;föräldraledighet\n",
    );
    const second = captureIo();
    expect(await runCli(["exemptions", "import", again, "--json"], second.io, t.db)).toBe(0);
    expect(second.json()).toMatchObject({ created: 0, unchanged: 1 });
    expect(await runCli(["import", "undo", "exemptions"], captureIo().io, t.db)).toBe(0);
    expect(await runCli(["import", "undo", "exemptions"], captureIo().io, t.db)).toBe(0);
    expect(await t.db.select().from(exemptions)).toEqual([]);
  });
});

describe("/malgrupper/undantag", () => {
  it("adds for a person found by number, filters, ends and removes — all audited", async () => {
    const add = await postForm(
      app,
      "/malgrupper/undantag",
      {
        person: "S1",
        courseId: "",
        fromDate: "2026-01-01",
        toDate: "",
        reason: "Långtidssjukskrivning",
      },
      { cookie: hr },
    );
    expect(add.status).toBe(303);
    await postForm(
      app,
      "/malgrupper/undantag",
      {
        person: "S2",
        courseId: "vbe-webb",
        fromDate: "2026-04-01",
        toDate: "2026-05-31",
        reason: "Kort uppdrag",
      },
      { cookie: hr },
    );
    const bad = await postForm(
      app,
      "/malgrupper/undantag",
      { person: "S2", fromDate: "2026-04-01", toDate: "2026-03-01", reason: "x" },
      { cookie: hr },
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("ligger före Från");
    const unknown = await postForm(
      app,
      "/malgrupper/undantag",
      { person: "Ingen Alls", fromDate: "2026-04-01", reason: "x" },
      { cookie: hr },
    );
    expect(await unknown.text()).toContain("Hittar ingen person");

    const all = await (
      await app.request("/malgrupper/undantag", { headers: { cookie: hr } })
    ).text();
    expect(all).toContain("2 undantag");
    expect(all).toContain("Långtidssjukskrivning");
    const active = await (
      await app.request("/malgrupper/undantag?aktiva=1", { headers: { cookie: hr } })
    ).text();
    expect(active).toContain("1 undantag");
    expect(active).not.toContain("<td>Kort uppdrag</td>");
    const byCourse = await (
      await app.request("/malgrupper/undantag?kurs=alla", { headers: { cookie: hr } })
    ).text();
    expect(byCourse).toContain("Långtidssjukskrivning");
    expect(byCourse).not.toContain("<td>Kort uppdrag</td>");

    const [open] = await t.db
      .select()
      .from(exemptions)
      .where(eq(exemptions.reason, "Långtidssjukskrivning"));
    expect(
      (
        await postForm(
          app,
          `/malgrupper/undantag/${open!.id}/avsluta`,
          { toDate: "2026-03-01" },
          { cookie: hr },
        )
      ).status,
    ).toBe(303);
    const [ended] = await t.db.select().from(exemptions).where(eq(exemptions.id, open!.id));
    expect(ended?.toDate).toBe("2026-03-01");
    expect(
      (await postForm(app, `/malgrupper/undantag/${open!.id}/ta-bort`, {}, { cookie: hr })).status,
    ).toBe(303);
    expect(await t.db.select().from(exemptions).where(eq(exemptions.id, open!.id))).toEqual([]);
    const actions = (await t.db.select().from(auditLog))
      .map((a) => a.action)
      .filter((a) => a.startsWith("exemption."));
    expect(actions).toEqual([
      "exemption.created",
      "exemption.created",
      "exemption.ended",
      "exemption.removed",
    ]);
  });

  it("is not for chefs or ledning", async () => {
    const { cookie } = await loginAs(t.db, "ledning");
    expect((await app.request("/malgrupper/undantag", { headers: { cookie } })).status).toBe(403);
  });
});
