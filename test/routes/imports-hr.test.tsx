/**
 * What HR checks before an import and before a destructive step (issue 16): per-person changes
 * with reasons, the file's own date, why course rows did not match, and confirmation pages.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { importStaff } from "../../src/services/imports/staff";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { utf8 } from "../helpers/files";
import { ORIGIN, postForm } from "../helpers/http";
import { count, example } from "../helpers/imports";

let t: TestDb;
let app: ReturnType<typeof createApp>;
let cookie: string;
beforeEach(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, now: () => new Date("2026-04-15T09:00:00Z") });
  ({ cookie } = await loginAs(t.db, "hr"));
});
afterEach(() => t.cleanup());

function upload(
  kind: "staff" | "completions",
  file: { bytes: Uint8Array; fileName: string },
  asOf?: string,
) {
  const form = new FormData();
  form.set("kind", kind);
  if (asOf) form.set("asOf", asOf);
  form.set("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.fileName));
  return app.request("/imports/preview", {
    method: "POST",
    body: form,
    headers: { cookie, origin: ORIGIN },
  });
}
const post = (path: string, fields: Record<string, string> = {}) =>
  postForm(app, path, fields, { cookie });
const get = async (path: string) => (await app.request(path, { headers: { cookie } })).text();
const pendingOf = (html: string) => /name="pending" value="([0-9a-f]{32})"/.exec(html)![1]!;

const HEADER = "Anställningsnummer;Förnamn;Efternamn;E-post;Enhet;Befattning";
/** Twenty people: 1–10 in Enhet A, 11–20 in Enhet B, all Undersköterska. */
const person = (
  n: number,
  changes: Partial<Record<"no" | "email" | "unit" | "title", string>> = {},
) =>
  [
    changes.no ?? String(100000 + n),
    `Förnamn${n}`,
    `Efternamn${n}`,
    changes.email ?? `p${n}@x.se`,
    changes.unit ?? (n <= 10 ? "Enhet A" : "Enhet B"),
    changes.title ?? "Undersköterska",
  ].join(";");
const staffFile = (lines: string[]) => utf8([HEADER, ...lines].join("\n"));

async function twentyPeople() {
  const all = Array.from({ length: 20 }, (_, i) => person(i + 1));
  await importStaff(t.db, {
    bytes: staffFile(all),
    fileName: "base.csv",
    asOf: "2025-12-31",
    dryRun: false,
    userId: null,
  });
}

/** 1 moves and changes title, 2 changes e-mail, 4, 6 and 7 are gone, 5 comes back under a new number. */
function nextFile() {
  const lines: string[] = [];
  for (let n = 1; n <= 20; n++) {
    if (n === 4 || n === 6 || n === 7) continue;
    if (n === 1) lines.push(person(1, { unit: "Enhet B", title: "Sjuksköterska" }));
    else if (n === 2) lines.push(person(2, { email: "ny2@x.se" }));
    else if (n === 5) lines.push(person(5, { no: "200005" }));
    else lines.push(person(n));
  }
  return { bytes: staffFile(lines), fileName: "personal-2026-03-31.csv" };
}

describe("the staff preview for HR", () => {
  it("shows old → new per person, why people leave, the file's date, and a confirm that must be ticked", async () => {
    await twentyPeople();
    const html = await (await upload("staff", nextFile(), "2026-04-01")).text();
    expect(html).toContain(
      "filnamnet anger 2026-03-31, men förhandsgranskningen gäller per 2026-04-01",
    );
    expect(html).toContain("<td>Enhet A → Enhet B</td><td>Undersköterska → Sjuksköterska</td>");
    expect(html).toContain("<td>p2@x.se → ny2@x.se</td>");
    expect(html).toContain(
      "Filen har e-postadressen p5@x.se på rad 5 men med anställningsnummer 200005, inte 100005: räknas som en ny person. Anställningen avslutas 2026-03-31.",
    );
    expect(html).toContain(
      "Filen saknar anställningsnummer 100004. Anställningen avslutas 2026-03-31.",
    );
    // 4 of 20 leave: the confirm asks HR to tick that the list is complete.
    expect(html).toMatch(/name="acceptLeavers" value="1" required=""/);
    expect(html).toContain("4 av 20 anställda (20 %) ska få sin anställning avslutad 2026-03-31");

    // The full list as a download, from the saved preview.
    const csv = await app.request(`/imports/preview/${pendingOf(html)}/changes.csv`, {
      headers: { cookie },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("andringar-2026-04-01.csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Swedish Excel needs
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe(
      "Ändring;Namn;Anställningsnummer;E-post;Enhet före;Enhet efter;Befattning före;Befattning efter;E-post före;Namn före;Förklaring",
    );
    expect(text).toContain(
      "Slutar;Förnamn4 Efternamn4;100004;p4@x.se;Enhet A;;Undersköterska;;;;Filen saknar anställningsnummer 100004. Anställningen avslutas 2026-03-31.",
    );
    expect(text).toContain(
      "Ändrad;Förnamn2 Efternamn2;100002;ny2@x.se;Enhet A;Enhet A;Undersköterska;Undersköterska;p2@x.se;;",
    );
    expect(text).toContain("Ny;Förnamn5 Efternamn5;200005;p5@x.se;;Enhet A;;Undersköterska;;;");
    expect(text.trim().split("\r\n")).toHaveLength(1 + 4 + 2 + 1); // header, leavers, changed, new
    expect(await count(t.db, "access_log", "kind = 'staff_export'")).toBe(1);

    // One click takes the file's date instead; the saved rows are planned again.
    const again = await (
      await post("/imports/preview/as-of", { pending: pendingOf(html), asOf: "2026-03-31" })
    ).text();
    expect(again).toContain("Förhandsgranskning: personal-2026-03-31.csv per 2026-03-31");
    expect(again).not.toContain("filnamnet anger");
    expect(again).toContain(
      "Filen saknar anställningsnummer 100004. Anställningen avslutas 2026-03-30.",
    );
    // The same saved rows, now as of the file's date: the list of changes follows.
    expect(pendingOf(again)).toBe(pendingOf(html));
    const moved = await (
      await app.request(`/imports/preview/${pendingOf(html)}/changes.csv`, { headers: { cookie } })
    ).text();
    expect(moved).toContain("Anställningen avslutas 2026-03-30.");
    expect(await count(t.db, "employments", "valid_to IS NOT NULL")).toBe(0);
  });

  it("takes the date from a title row above the header", async () => {
    const html = await (
      await upload("staff", example("personal-2026-03-31.csv"), "2026-04-15")
    ).text();
    expect(html).toContain(
      "rubrikraden anger 2026-03-31, men förhandsgranskningen gäller per 2026-04-15",
    );
    expect(html).toContain('name="asOf" value="2026-03-31"');
  });
});

describe("unmatched rows for HR", () => {
  it("says why a row did not match, in the preview and in the queue; suggestions name unit and number; dismiss is confirmed", async () => {
    await post("/imports/confirm", {
      pending: pendingOf(
        await (await upload("staff", example("personal-2025-12-31.xlsx"), "2025-12-31")).text(),
      ),
    });
    const preview = await (
      await upload("completions", example("webbutbildning-export.csv"))
    ).text();
    const reason = "E-postadressen vikarie.okand@gmail.example.com finns inte hos någon anställd.";
    expect(preview).toContain("<li>Okänd e-postadress: 1</li>");
    expect(preview).toContain(reason);
    expect(preview).not.toContain('name="asOf"');
    await post("/imports/confirm", { pending: pendingOf(preview) });

    const queue = await get("/imports/unmatched");
    expect(queue).toContain(`<td>${reason}</td>`);
    const id = /href="\/imports\/unmatched\/(\d+)\/dismiss"/.exec(queue)![1]!;

    const options = await get("/imports/people?person=Yusuf");
    expect(options).toContain(
      '<option value="100010">Ahmed Yusuf · anst.nr 100010 · Hemtjänst Bredäng · ahmed.yusuf@',
    );

    const ask = await get(`/imports/unmatched/${id}/dismiss`);
    expect(ask).toContain("Avfärda raden för Okänd, Vikarie?");
    expect(ask).toContain(`<dd>${reason}</dd>`);
    expect(ask).toContain(`action="/imports/unmatched/${id}/dismiss"`);
    expect(await count(t.db, "unmatched", "status = 'open'")).toBe(1);
    expect((await post(`/imports/unmatched/${id}/dismiss`)).status).toBe(200);
    expect(await count(t.db, "unmatched", "status = 'open'")).toBe(0);
    expect(await get(`/imports/unmatched/${id}/dismiss`)).toContain("Raden är redan hanterad.");
  });
});

describe("deactivating an account", () => {
  it("asks first, with whose account and what happens", async () => {
    const admin = await loginAs(t.db, "admin");
    const chef = await loginAs(t.db, "chef");
    const html = await (
      await app.request(`/admin/users/${chef.userId}/deactivate`, {
        headers: { cookie: admin.cookie },
      })
    ).text();
    expect(html).toMatch(/Inaktivera kontot för [^?]+\?/);
    expect(html).toContain("loggas ut överallt direkt");
    expect(html).toContain(`action="/admin/users/${chef.userId}/deactivate"`);
    const detail = await (
      await app.request(`/admin/users/${chef.userId}`, { headers: { cookie: admin.cookie } })
    ).text();
    expect(detail).toContain(`href="/admin/users/${chef.userId}/deactivate"`);
    expect(
      (await app.request(`/admin/users/${chef.userId}/deactivate`, { headers: { cookie } })).status,
    ).toBe(403);
  });
});
