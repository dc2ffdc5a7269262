/** Request bodies are capped app-wide (the public login form too); uploads keep their own limit. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { createApp } from "../../src/app";
import { FORM_BODY_LIMIT_BYTES } from "../../src/auth/guard";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN } from "../helpers/http";

describe("request body limit", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDb();
    app = createApp({ db: t.db, uploadLimitBytes: 1024 * 1024 });
  });
  afterAll(() => t.cleanup());

  const huge = `email=a%40b.se&password=${"x".repeat(FORM_BODY_LIMIT_BYTES + 1)}`;

  it("refuses an oversized anonymous login post before the form is parsed", async () => {
    const res = await app.request("/login", {
      method: "POST",
      body: huge,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("Begäran är för stor.");
    expect(await t.db.select().from(auditLog)).toEqual([]);
  });

  it("also when the body streams without a Content-Length", async () => {
    const bytes = new TextEncoder().encode(huge);
    const body = new ReadableStream<Uint8Array>({
      start(ctrl) {
        for (let i = 0; i < bytes.length; i += 65536) ctrl.enqueue(bytes.subarray(i, i + 65536));
        ctrl.close();
      },
    });
    const res = await app.request("/login", {
      method: "POST",
      body,
      // @ts-expect-error Node's fetch needs this for a stream body
      duplex: "half",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
    });
    expect(res.status).toBe(413);
  });

  it("an upload larger than the form limit still reaches the import route", async () => {
    const { cookie } = await loginAs(t.db, "hr");
    const csv = `Anställningsnummer;Förnamn;Efternamn\n${"1;A;B\n".repeat(60_000)}`;
    expect(csv.length).toBeGreaterThan(FORM_BODY_LIMIT_BYTES);
    const form = new FormData();
    form.set("kind", "staff");
    form.set("file", new File([csv], "personal.csv"));
    const res = await app.request("/imports/preview", {
      method: "POST",
      body: form,
      headers: { cookie, origin: ORIGIN },
    });
    expect(res.status).not.toBe(413);
    // The reader got the file: it names what the file lacks.
    expect(await res.text()).toContain("Personalfilen saknar kolumnen Enhet");
  });
});
