import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { importStaff } from "../../src/services/imports/staff";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { utf8 } from "../helpers/files";
import { ORIGIN, postForm } from "../helpers/http";
import { count, dumpData, example } from "../helpers/imports";

let t: TestDb;
let app: ReturnType<typeof createApp>;
let cookie: string;
beforeEach(async () => {
  t = await createTestDb();
  app = createApp({
    db: t.db,
    now: () => new Date("2026-01-15T09:00:00Z"),
    uploadLimitBytes: 64 * 1024,
  });
  ({ cookie } = await loginAs(t.db, "hr"));
});
afterEach(() => t.cleanup());

function upload(
  kind: "staff" | "completions",
  file: { bytes: Uint8Array; fileName: string },
  opts: { asOf?: string; htmx?: boolean } = {},
) {
  const form = new FormData();
  form.set("kind", kind);
  if (opts.asOf) form.set("asOf", opts.asOf);
  form.set("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.fileName));
  return app.request("/imports/preview", {
    method: "POST",
    body: form,
    // Same-origin, as a browser sends it (the app refuses foreign-origin posts).
    headers: { cookie, origin: ORIGIN, ...(opts.htmx ? { "HX-Request": "true" } : {}) },
  });
}
const post = (path: string, fields: Record<string, string> = {}) =>
  postForm(app, path, fields, { cookie });

describe("import pages", () => {
  it("are for admin and hr only", async () => {
    const ledning = await loginAs(t.db, "ledning");
    expect((await app.request("/imports", { headers: { cookie: ledning.cookie } })).status).toBe(
      403,
    );
    expect((await app.request("/imports")).status).toBe(302);
    expect((await app.request("/imports/unmatched")).status).toBe(302);
    expect(
      (await app.request("/imports/unmatched", { headers: { cookie: ledning.cookie } })).status,
    ).toBe(403);
    expect(
      (await app.request("/imports/people?person=an", { headers: { cookie: ledning.cookie } }))
        .status,
    ).toBe(403);
    const page = await app.request("/imports", { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('hx-encoding="multipart/form-data"');
    expect(html).toContain("<progress");
    expect(html).toContain('href="/imports"');
  });

  it("upload → preview (nothing written) → confirm → undo", async () => {
    const empty = await dumpData(t.db);
    const res = await upload("staff", example("personal-2025-12-31.xlsx"), { asOf: "2025-12-31" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Förhandsgranskning: personal-2025-12-31.xlsx per 2025-12-31");
    expect(html).toMatch(/Nya personer<\/dt><dd>10</);
    expect(html).toContain("<summary>Nya (10)</summary>");
    expect(html).toContain("Anna Berg (100001)");
    expect(await dumpData(t.db)).toEqual(empty);
    const pending = /name="pending" value="([0-9a-f]{32})"/.exec(html)![1]!;

    const confirm = await post("/imports/confirm", { pending });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get("location")).toMatch(/^\/imports\?done=\d+$/);
    expect(await count(t.db, "people")).toBe(10);
    expect(await count(t.db, "pending_uploads")).toBe(0);
    expect(
      await count(t.db, "audit_log", "action = 'import.applied' AND user_id IS NOT NULL"),
    ).toBe(1);
    // The same preview cannot be confirmed twice.
    expect((await post("/imports/confirm", { pending })).status).toBe(410);

    const list = await (await app.request("/imports", { headers: { cookie } })).text();
    expect(list).toContain("personal-2025-12-31.xlsx");
    const id = /action="\/imports\/(\d+)\/undo"/.exec(list)![1]!;
    const undo = await post(`/imports/${id}/undo`);
    expect(undo.status).toBe(303);
    expect(await dumpData(t.db)).toEqual(empty);
  });

  it("htmx gets the preview fragment with 200, row errors included", async () => {
    const bytes = new TextEncoder().encode(
      "Anst.nr;Namn;Enhet;Anställningsdatum\n1;Anna Berg;X;31/02/2019\n",
    );
    const res = await upload("staff", { bytes, fileName: "fel.csv" }, { htmx: true });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain("<!DOCTYPE html>");
    expect(html).toContain("Rad 2, kolumn Anställningsdatum: &#39;31/02/2019&#39; är inget datum");
    expect(html).not.toContain('name="pending"');
  });

  it.each([
    ["a file that is no spreadsheet", { bytes: new Uint8Array(500).fill(7), fileName: "x.xlsx" }],
    ["an empty file", { bytes: new Uint8Array(0), fileName: "x.csv" }],
    ["a file over the limit", { bytes: new Uint8Array(200 * 1024).fill(65), fileName: "x.csv" }],
  ])(
    "htmx upload of %s gets only the message for #import-result, not a second page",
    async (_, file) => {
      const res = await upload("staff", file, { htmx: true });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toMatch(/^<p class="notice error">[^<]+<\/p>$/);
      expect(html).not.toContain("<form");
    },
  );

  it("without htmx a bad upload is a full page with the message and a way back", async () => {
    const res = await app.request("/imports/preview", {
      method: "POST",
      body: (() => {
        const form = new FormData();
        form.set("kind", "staff");
        form.set("file", new File([new Uint8Array(0)], "x.csv"));
        return form;
      })(),
      headers: { cookie, origin: ORIGIN, referer: `${ORIGIN}/imports` },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="sv">/);
    expect(html).toContain("Filen är tom");
    expect(html).toContain('<a href="/imports">Tillbaka</a>');
  });

  it.each([
    [
      "random bytes named .xlsx",
      { bytes: new Uint8Array(500).fill(7), fileName: "x.xlsx" },
      422,
      "ingen Excel-fil",
    ],
    ["empty file", { bytes: new Uint8Array(0), fileName: "x.csv" }, 422, "Filen är tom"],
    [
      "oversized upload",
      { bytes: new Uint8Array(200 * 1024).fill(65), fileName: "x.csv" },
      413,
      "för stor",
    ],
    [
      "file just over the limit",
      { bytes: new Uint8Array(100 * 1024).fill(65), fileName: "x.csv" },
      422,
      "Filen är 100 kB; högst 64 kB tas emot.",
    ],
  ])("%s → Swedish message, nothing written", async (_, file, status, message) => {
    const res = await upload("staff", file);
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(message);
    expect(await count(t.db, "pending_uploads")).toBe(0);
    expect(await count(t.db, "imports")).toBe(0);
  });

  it("the unmatched queue: link a row to a person by employee number, dismiss another", async () => {
    await post("/imports/confirm", {
      pending: /value="([0-9a-f]{32})"/.exec(
        await (
          await upload("staff", example("personal-2025-12-31.xlsx"), { asOf: "2025-12-31" })
        ).text(),
      )![1]!,
    });
    const preview = await (
      await upload("completions", example("webbutbildning-export.csv"))
    ).text();
    expect(preview).toMatch(/Omatchade \(hamnar i kön\)<\/dt><dd>1</);
    await post("/imports/confirm", { pending: /value="([0-9a-f]{32})"/.exec(preview)![1]! });
    const queue = await (await app.request("/imports/unmatched", { headers: { cookie } })).text();
    expect(queue).toContain("Okänd, Vikarie");
    const id = /action="\/imports\/unmatched\/(\d+)\/link"/.exec(queue)![1]!;

    const search = await app.request("/imports/people?person=Yusuf", { headers: { cookie } });
    expect(await search.text()).toContain('<option value="100010">Ahmed Yusuf');

    const bad = await post(`/imports/unmatched/${id}/link`, { person: "Nobody Atall" });
    expect(bad.status).toBe(422);
    const ok = await post(`/imports/unmatched/${id}/link`, { person: "100010" });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("1 rad kopplad till Ahmed Yusuf");
    expect(await count(t.db, "person_links")).toBe(1);
    expect(await count(t.db, "unmatched", "status = 'open'")).toBe(0);
    expect((await post(`/imports/unmatched/${id}/dismiss`)).status).toBe(409);
  });

  it("the staff preview says what happens to someone with several posts", async () => {
    const header = "Anställningsnummer;Förnamn;Efternamn;Enhet;Befattning;Sysselsättningsgrad";
    const bredang = "900001;Anna;Berg;Hemtjänst Bredäng;Undersköterska;50 %";
    const natt = "900001;Anna;Berg;Nattpatrullen;Undersköterska;50 %";
    const both = utf8([header, bredang, natt].join("\n"));
    await importStaff(t.db, {
      bytes: both,
      fileName: "a.csv",
      asOf: "2025-12-31",
      dryRun: false,
      userId: null,
    });
    const one = { bytes: utf8([header, bredang].join("\n")), fileName: "b.csv" };
    const res = await upload("staff", one, { asOf: "2026-01-15" });
    const html = await res.text();
    expect(html).toContain("Flera tjänster (1)");
    expect(html).toContain(
      "Anna Berg (900001): slutar på Nattpatrullen, är kvar på Hemtjänst Bredäng",
    );
  });
});
