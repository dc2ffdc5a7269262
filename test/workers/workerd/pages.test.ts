/**
 * The rest of the app through the real Worker in workerd, on the demo database in sqld:
 * the annual report and its lock, the exports (xlsx and CSV), the admin pages, an account
 * created by the admin that sets its password through the one-time link, /healthz, and an
 * old N=2^15 password hash rewritten with today's parameters at sign-in.
 */
import { createClient } from "@libsql/client/web";
import { describe, expect, inject, it } from "vitest";
import * as XLSX from "xlsx";
import { OLD_HASH_EMAIL } from "../sqld/demo-accounts";
import { form, login, request, signedIn } from "./worker-client";

const lastYear = new Date().getUTCFullYear() - 1;

async function sql(query: string, args: string[] = []) {
  const client = createClient({ url: inject("sqldUrl"), authToken: inject("databaseToken") });
  try {
    return (await client.execute({ sql: query, args })).rows;
  } finally {
    client.close();
  }
}

describe("the whole app on workerd", () => {
  it("/healthz: the schema matches the code", async () => {
    const res = await request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      migration: expect.stringMatching(/^\d{4}_/),
    });
  });

  it("the annual report, then its lock (once)", async () => {
    const ledning = await signedIn("ledning@demo.se");
    const page = await ledning(`/rapport/${lastYear}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/(Under året|Totalt) har \d+ medarbetare av/);
    const confirm = await ledning(`/rapport/${lastYear}/las`);
    expect(await confirm.text()).toContain(`Lås årsrapporten ${lastYear}?`);
    const lock = await ledning(`/rapport/${lastYear}/las`, form({ bekrafta: "ja" }));
    expect(lock.status).toBe(303);
    expect(lock.headers.get("location")).toBe(`/rapport/${lastYear}?meddelande=locked`);
    expect(await (await ledning(`/rapport/${lastYear}?meddelande=locked`)).text()).toContain(
      "Årsrapporten är låst.",
    );
    const again = await ledning(`/rapport/${lastYear}/las`, form({ bekrafta: "ja" }));
    expect(again.headers.get("location")).toContain("meddelande=already_locked");
    const locked = await sql("SELECT year, locked_by FROM annual_reports WHERE year = ?", [
      String(lastYear),
    ]);
    expect(locked).toHaveLength(1);
  });

  it("exports: coverage and annual table as .xlsx (SheetJS on Workers) and CSV for Excel", async () => {
    const hr = await signedIn("hr@demo.se");
    const xlsx = await hr("/tackning/export.xlsx");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const book = XLSX.read(new Uint8Array(await xlsx.arrayBuffer()), { type: "array" });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, {
      header: 1,
    });
    expect(rows.length).toBeGreaterThan(2);
    expect(JSON.stringify(rows.slice(0, 3))).toContain("Enhet");

    const csv = await hr(`/rapport/${lastYear}/export.csv`);
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Swedish Excel reads UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(";");
    expect(text).toContain("\r\n");

    const unitId = (await sql("SELECT id FROM units WHERE code = 'FSK01'"))[0]?.id;
    expect(unitId).toBeDefined();
    const staff = await hr(`/tackning/enhet/${unitId}/export.csv`);
    expect(staff.status).toBe(200);
    const exports = await sql("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export'");
    expect(Number(exports[0]?.n)).toBeGreaterThanOrEqual(3); // every export is audited
  });

  it("admin pages; a new account sets its password through the one-time link", async () => {
    const admin = await signedIn("admin@demo.se");
    const list = await admin("/admin/users");
    expect(list.status).toBe(200);
    expect(await list.text()).toContain("hr@demo.se");
    expect((await admin("/admin/audit")).status).toBe(200);
    expect((await admin("/admin/users/new")).status).toBe(200);

    const created = await admin(
      "/admin/users",
      form({ name: "Nora Nyström", email: "nora.nystrom@demo.se", role: "ledning" }),
    );
    expect(created.status).toBe(201);
    const path = /(\/set-password\/[A-Za-z0-9_-]+)/.exec(await created.text())?.[1];
    expect(path).toBeDefined();
    const formPage = await request(path!);
    expect(formPage.status).toBe(200);
    expect(await formPage.text()).toContain("Välj lösenord");
    const password = "kanelbulle med kardemumma 1987";
    const set = await request(path!, form({ password, repeat: password }));
    expect(set.status).toBe(303);
    expect(set.headers.get("location")).toBe("/login?klart");
    const reused = await request(path!, form({ password, repeat: password }));
    expect(reused.status).toBe(410); // single use
    expect(await reused.text()).toContain("Länken gäller inte längre");
    const signIn = await login("nora.nystrom@demo.se", password);
    expect(signIn.status).toBe(303);
  });

  it("rewrites an old N=2^15, p=3 hash as N=2^14, p=6 at sign-in", async () => {
    const hash = async () =>
      String(
        (await sql("SELECT password_hash FROM users WHERE email = ?", [OLD_HASH_EMAIL]))[0]
          ?.password_hash,
      );
    expect(await hash()).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect((await login(OLD_HASH_EMAIL)).status).toBe(303);
    expect(await hash()).toMatch(/^scrypt\$16384\$8\$6\$/);
    expect((await login(OLD_HASH_EMAIL)).status).toBe(303);
  });
});
