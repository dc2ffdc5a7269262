/**
 * File uploads get the deployment's upload limit, every other POST the form limit: the
 * action-plan import takes a file larger than a form and still refuses one over the limit with
 * the app's Swedish 413 page; the guard's UPLOAD_PATHS and the routes agree.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { FORM_BODY_LIMIT_BYTES, isUploadPath, UPLOAD_PATHS } from "../../src/auth/guard";
import { uploadBodyLimit } from "../../src/routes/upload-limit";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN } from "../helpers/http";
import { count } from "../helpers/imports";

const UPLOAD_LIMIT = 1024 * 1024;

/** A plan of 30 activities with long follow-up comments, as a municipality writes them. */
function planCsv(targetBytes: number): Uint8Array {
  const comment = "Uppföljning: genomfört enligt plan, se protokoll. ".repeat(
    Math.ceil(targetBytes / 30 / 50),
  );
  const lines = ["Område;Aktivitet;Ansvarig;Status;Kommentar"];
  for (let i = 1; i <= 30; i++) {
    lines.push(`Förebyggande;Aktivitet ${i};Förvaltningsledning;Genomförd;${comment.trim()}`);
  }
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

describe("upload limit of the file routes", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestDb();
    app = createApp({ db: t.db, uploadLimitBytes: UPLOAD_LIMIT });
    cookie = (await loginAs(t.db, "ledning")).cookie;
  });
  afterAll(() => t.cleanup());

  const uploadPlan = (bytes: Uint8Array, name: string) => {
    const body = new FormData();
    body.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
    return app.request("/handlingsplan/2025/import", {
      method: "POST",
      body,
      headers: { cookie, origin: ORIGIN },
    });
  };

  it("a 300 kB action plan (over the 256 kB form limit) is imported", async () => {
    const file = planCsv(300 * 1024);
    expect(file.length).toBeGreaterThan(FORM_BODY_LIMIT_BYTES);
    expect(file.length).toBeLessThan(UPLOAD_LIMIT);
    const res = await uploadPlan(file, "handlingsplan.csv");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      "/handlingsplan/2025?meddelande=importerad&nya=30&andrade=0",
    );
    expect(await count(t.db, "plan_activities", "year = 2025")).toBe(30);
  });

  it("a plan file over the upload limit gets the Swedish 413 page and writes nothing", async () => {
    const before = await count(t.db, "plan_activities");
    const res = await uploadPlan(planCsv(UPLOAD_LIMIT + 100 * 1024), "stor.csv");
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="sv">/);
    expect(html).toContain("Filen är för stor; högst 1 MB tas emot.");
    expect(await count(t.db, "plan_activities")).toBe(before);
  });

  it("an ordinary form on a plan page keeps the form limit", async () => {
    const res = await app.request("/handlingsplan/2025/kopiera", {
      method: "POST",
      body: `x=${"a".repeat(FORM_BODY_LIMIT_BYTES + 1)}`,
      headers: { cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("Begäran är för stor.");
  });

  it("every route with uploadBodyLimit is in UPLOAD_PATHS, and every pattern has one", () => {
    const uploadRoutes = app.routes
      .filter((r) => r.handler === uploadBodyLimit)
      .map((r) => `${r.method} ${r.path}`);
    expect(uploadRoutes.sort()).toEqual([
      "POST /handlingsplan/:year/import",
      "POST /imports/preview",
      "POST /malgrupper/import/preview",
    ]);
    for (const route of uploadRoutes) {
      const example = route.replace(/^POST /, "").replace(":year", "2025");
      expect(isUploadPath(example), route).toBe(true);
    }
    expect(UPLOAD_PATHS).toHaveLength(uploadRoutes.length);
    expect(isUploadPath("/handlingsplan/2025/kopiera")).toBe(false);
    expect(isUploadPath("/imports/confirm")).toBe(false);
  });
});
