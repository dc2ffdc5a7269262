/**
 * What an upload preview leaves in the database (issue 14): only what the apply needs — no
 * personnummer, no unused columns — deleted on confirm or cancel, one per user, none older
 * than the limit; checked on the database file's own bytes.
 */
import { readFileSync } from "node:fs";
import { encodeBase64 } from "@oslojs/encoding";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pendingUploads } from "../../db/schema";
import { createApp } from "../../src/app";
import { PENDING_UPLOAD_MAX_AGE_MS } from "../../src/services/imports/pending";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN, postForm } from "../helpers/http";

const PNR = "19700101-1234";
const SECRET_COLUMN = "Löneart-hemlig";
const CSV = [
  `Anst.nr;Förnamn;Efternamn;Personnummer;E-post;Enhet;${SECRET_COLUMN}`,
  `9001;Zacharias;Förhandsgranskningsson;${PNR};zacharias@x.se;Enhet Ett;Lönekod 77`,
  "9002;Yvonne;Yttersta;19800202-2345;yvonne@x.se;Enhet Ett;Lönekod 78",
].join("\r\n");

describe("upload previews and personal data", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let clock = new Date("2026-01-15T09:00:00Z");
  let hr: { cookie: string; userId: number };
  beforeEach(async () => {
    t = await createTestDb();
    app = createApp({ db: t.db, now: () => clock });
    hr = await loginAs(t.db, "hr");
  });
  afterEach(() => t.cleanup());

  const upload = async (cookie = hr.cookie, text = CSV) => {
    const form = new FormData();
    form.set("kind", "staff");
    form.set("asOf", "2025-12-31");
    form.set("file", new File([text], "personal.csv"));
    const res = await app.request("/imports/preview", {
      method: "POST",
      body: form,
      headers: { cookie, origin: ORIGIN },
    });
    expect(res.status).toBe(200);
    return /name="pending" value="([0-9a-f]{32})"/.exec(await res.text())![1]!;
  };
  const pendingCount = async () =>
    (await t.db.select({ n: sql<number>`count(*)` }).from(pendingUploads))[0]!.n;

  /** The file and its write-ahead log, after a checkpoint: what a copy of the database holds. */
  const databaseBytes = async () => {
    await t.db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    const path = t.url.slice("file:".length);
    let bytes = readFileSync(path);
    try {
      bytes = Buffer.concat([bytes, readFileSync(`${path}-wal`)]);
    } catch {
      // no log file
    }
    return bytes;
  };
  /** Plain, and base64 at each of the three byte alignments (a file stored base64). */
  const holds = (bytes: Buffer, text: string) => {
    const forms = [text];
    for (let shift = 0; shift < 3; shift++) {
      const b64 = encodeBase64(new TextEncoder().encode("x".repeat(shift) + text));
      forms.push(b64.slice(shift === 0 ? 0 : 4, -4));
    }
    return forms.some((f) => bytes.includes(Buffer.from(f)));
  };

  it("after a preview: no personnummer and no unused column, in any encoding", async () => {
    await upload();
    const bytes = await databaseBytes();
    expect(holds(bytes, PNR)).toBe(false);
    expect(holds(bytes, SECRET_COLUMN)).toBe(false);
    expect(holds(bytes, "Lönekod 77")).toBe(false);
    // What the apply needs is there (the test would pass on an empty table otherwise).
    expect(await pendingCount()).toBe(1);
    expect(holds(bytes, "Förhandsgranskningsson")).toBe(true);
  });

  it("after cancelling: the preview is gone, bytes included", async () => {
    const pending = await upload();
    const res = await postForm(app, "/imports/cancel", { pending }, { cookie: hr.cookie });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Importen är avbruten");
    expect(await pendingCount()).toBe(0);
    const bytes = await databaseBytes();
    expect(holds(bytes, "Förhandsgranskningsson")).toBe(false);
    expect(holds(bytes, "zacharias@x.se")).toBe(false);
    // The cancelled preview cannot be confirmed.
    const confirm = await postForm(app, "/imports/confirm", { pending }, { cookie: hr.cookie });
    expect(confirm.status).toBe(410);
  });

  it("confirm deletes the preview; someone else's cancel does not touch it", async () => {
    const pending = await upload();
    const other = await loginAs(t.db, "hr");
    await postForm(app, "/imports/cancel", { pending }, { cookie: other.cookie });
    expect(await pendingCount()).toBe(1);
    const res = await postForm(app, "/imports/confirm", { pending }, { cookie: hr.cookie });
    expect(res.status).toBe(303);
    expect(await pendingCount()).toBe(0);
  });

  it("keeps one preview per user: ten uploads leave one row", async () => {
    for (let i = 0; i < 10; i++) await upload();
    expect(await pendingCount()).toBe(1);
    const other = await loginAs(t.db, "hr");
    await upload(other.cookie);
    expect(await pendingCount()).toBe(2);
  });

  it("a preview older than the limit cannot be confirmed and is swept by the imports page", async () => {
    const pending = await upload();
    clock = new Date(clock.getTime() + PENDING_UPLOAD_MAX_AGE_MS + 1000);
    expect(PENDING_UPLOAD_MAX_AGE_MS).toBeLessThanOrEqual(60 * 60 * 1000);
    await app.request("/imports", { headers: { cookie: hr.cookie } });
    expect(await pendingCount()).toBe(0);
    const confirm = await postForm(app, "/imports/confirm", { pending }, { cookie: hr.cookie });
    expect(confirm.status).toBe(410);
  });
});
