/**
 * Uploads through the real Worker in workerd, on a second sqld with a tiny demo organisation:
 * a staff .xlsx goes upload → preview → confirm → undo; a file over 1.5 MB gets the app's 413
 * page and one over the row or cell cap its Swedish message, refused before parsing.
 */
import { createClient } from "@libsql/client/web";
import { describe, expect, inject, it } from "vitest";
import * as XLSX from "xlsx";
import { staffCsv, staffXlsx } from "../limits/staff-file";
import { signedIn } from "./worker-client";

const db = inject("importsDb");
const workerEnv = { DATABASE_URL: db.proxyUrl, DATABASE_AUTH_TOKEN: db.token };
const today = new Date().toISOString().slice(0, 10);

async function currentStaff(): Promise<number> {
  const client = createClient({ url: db.url, authToken: db.token });
  try {
    const res = await client.execute({
      sql: "SELECT COUNT(DISTINCT person_id) AS n FROM employments WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)",
      args: [today, today],
    });
    return Number(res.rows[0]?.n);
  } finally {
    client.close();
  }
}

function upload(kind: string, name: string, bytes: Uint8Array, extra: Record<string, string> = {}) {
  const body = new FormData();
  body.set("kind", kind);
  for (const [k, v] of Object.entries(extra)) body.set(k, v);
  body.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  return { method: "POST", body };
}

describe("uploads through the Worker (workerd, sqld)", () => {
  it("staff .xlsx: upload, preview, confirm, undo", async () => {
    const hr = await signedIn("hr@demo.se", workerEnv);
    const before = await currentStaff();
    expect(before).toBeGreaterThan(0);
    const preview = await hr(
      "/imports/preview",
      upload("staff", "personal.xlsx", staffXlsx(120), { asOf: today }),
    );
    const html = await preview.text();
    expect(preview.status, html).toBe(200);
    expect(html).toContain("Förhandsgranskning: personal.xlsx");
    expect(html).toMatch(/Nya personer[\s\S]{0,80}120/);
    const pending = /name="pending" value="([0-9a-f]{32})"/.exec(html)?.[1];
    expect(pending).toBeDefined();
    expect(await currentStaff()).toBe(before); // a preview writes nothing

    const confirm = await hr("/imports/confirm", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ pending: pending! }).toString(),
    });
    expect(confirm.status).toBe(303);
    const importId = /done=(\d+)/.exec(confirm.headers.get("location") ?? "")?.[1];
    expect(importId).toBeDefined();
    expect(await currentStaff()).toBe(120); // a full snapshot: the others have left
    const page = await (await hr(`/imports?done=${importId}`)).text();
    expect(page).toContain(`Importen är sparad (nr ${importId}).`);

    const undo = await hr(`/imports/${importId}/undo`, { method: "POST" });
    expect(undo.status).toBe(303);
    expect(await currentStaff()).toBe(before);
  });

  it("a file over 1.5 MB gets the app's own 413 page, not Cloudflare's", async () => {
    const hr = await signedIn("hr@demo.se", workerEnv);
    const big = new Uint8Array(1.6 * 1024 * 1024).fill(0x41);
    const res = await hr("/imports/preview", upload("staff", "stor.csv", big));
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("Filen är för stor; högst 1,5 MB tas emot.");
  });

  it("a CSV over the row cap is refused with a Swedish message before parsing", async () => {
    const hr = await signedIn("hr@demo.se", workerEnv);
    const csv = staffCsv(12_500);
    expect(csv.length).toBeLessThan(1.5 * 1024 * 1024);
    const res = await hr("/imports/preview", upload("staff", "personal.csv", csv));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Filen har fler än 12\u00a0000 rader");
  });

  it("a compact .xlsx over the cell cap (small file, many cells) is refused before parsing", async () => {
    const hr = await signedIn("hr@demo.se", workerEnv);
    const rows = Array.from({ length: 11_000 }, (_, i) => Array.from({ length: 12 }, () => i % 10));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Blad1");
    const bytes = new Uint8Array(
      XLSX.write(book, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer,
    );
    expect(bytes.length).toBeLessThan(1.5 * 1024 * 1024);
    const res = await hr("/imports/preview", upload("staff", "personal.xlsx", bytes));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Filen har fler än 120\u00a0000 celler");
  });
});
