/**
 * Measurement worker, bundled with esbuild and run in plain workerd (Miniflare) by
 * workerd-probe.ts: times our scrypt and SheetJS parsing on the same bundling path as a
 * deploy (the workerd suite checks the same inside vitest-pool-workers). Locally Date.now()
 * advances during work; in production it does not, which is why this is a test harness and
 * not app code.
 */
import * as XLSX from "xlsx";
import { hashPassword, verifyPassword } from "../../../src/auth/password";

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
}

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/verify" && request.method === "POST") {
      // One verification of the stored hash in the body, as a login does.
      return json({ ok: await verifyPassword(await request.text(), "pw") });
    }
    if (url.pathname === "/scrypt") {
      const t0 = Date.now();
      const hash = await hashPassword("demo-genomford");
      const t1 = Date.now();
      const ok = await verifyPassword(hash, "demo-genomford");
      return json({ hashMs: t1 - t0, verifyMs: Date.now() - t1, ok });
    }
    if (url.pathname === "/parse") {
      const bytes = new Uint8Array(await request.arrayBuffer());
      const t0 = Date.now();
      const book = XLSX.read(bytes, { type: "array", dense: true, cellDates: true });
      const sheet = book.Sheets[book.SheetNames[0]!]!;
      const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
      return json({ ms: Date.now() - t0, rows: rows.length, bytes: bytes.length });
    }
    return new Response("not found", { status: 404 });
  },
};
