/**
 * The web upload takes LibreOffice's .ods like .xlsx (issue 17): the file input offers it, the
 * preview counts what the .xlsx of the same data counts, and SheetJS's warnings about ODS
 * number formats stay out of the server log.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN } from "../helpers/http";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/ods/${name}`, import.meta.url)));

describe("uploading an .ods on /imports", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestDb();
    app = createApp({ db: t.db, now: () => new Date("2026-01-15T09:00:00Z") });
    ({ cookie } = await loginAs(t.db, "hr"));
  });
  afterAll(() => {
    vi.restoreAllMocks();
    t.cleanup();
  });

  const preview = async (fileName: string) => {
    const form = new FormData();
    form.set("kind", "staff");
    form.set("asOf", "2025-12-31");
    form.set("file", new File([fixture(fileName) as Uint8Array<ArrayBuffer>], fileName));
    const res = await app.request("/imports/preview", {
      method: "POST",
      body: form,
      headers: { cookie, origin: ORIGIN },
    });
    expect(res.status).toBe(200);
    return res.text();
  };

  it("offers .ods and .fods in the file picker", async () => {
    const html = await (await app.request("/imports", { headers: { cookie } })).text();
    expect(html).toContain('accept=".xlsx,.xls,.ods,.fods,.csv"');
    expect(html).toContain("LibreOffice (.ods)");
  });

  it("previews an .ods and a .fods like the .xlsx, without console noise", async () => {
    const error = vi.spyOn(console, "error");
    const counts = (html: string) => /Nya personer<\/dt><dd>(\d+)</.exec(html)?.[1];
    const xlsx = await preview("personal-2025-12-31.xlsx");
    const ods = await preview("personal-2025-12-31.ods");
    const fods = await preview("personal-2025-12-31.fods");
    expect(counts(xlsx)).toBe("10");
    expect(counts(ods)).toBe("10");
    expect(counts(fods)).toBe("10");
    expect(ods).toContain("Förhandsgranskning: personal-2025-12-31.ods per 2025-12-31");
    expect(ods).toContain("Anna Berg");
    expect(ods).toContain("100001");
    expect(error).not.toHaveBeenCalled();
  });
});
