import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";
import { captureIo } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { utf8 } from "../helpers/files";
import { insertSmallOrg } from "../helpers/small-org-db";

describe("undo of target-group imports goes newest first across kinds", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await insertSmallOrg(t.db);
  });
  afterAll(() => t.cleanup());

  it("an older units import cannot be undone alone and the message names the newer rules import", async () => {
    const units = join(t.dir, "enheter.csv");
    writeFileSync(units, utf8("Enhetskod;Taggar\nA;VBE\n"));
    const rules = join(t.dir, "krav.csv");
    writeFileSync(rules, utf8("Kurs;Tagg\nvbe-fordjupning;VBE\n"));
    expect(await runCli(["units", "import", units], captureIo().io, t.db)).toBe(0);
    expect(await runCli(["requirements", "import", rules], captureIo().io, t.db)).toBe(0);
    const io = captureIo();
    expect(await runCli(["import", "undo", "units"], io.io, t.db)).toBe(1);
    expect(io.err.join("")).toContain(
      "(enhetsuppgifter, enheter.csv) kan inte ångras ensam: en senare import kan bygga på den (nr 2 (kurskrav, krav.csv))",
    );
    expect(await runCli(["import", "undo", "requirements"], captureIo().io, t.db)).toBe(0);
    expect(await runCli(["import", "undo", "units"], captureIo().io, t.db)).toBe(0);
  });
});
