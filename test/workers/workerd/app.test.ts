/**
 * Runs INSIDE workerd (vitest-pool-workers): the real Worker entry (src/worker.ts, with
 * wrangler.toml's settings) against libSQL over HTTP — real sqld started by globalSetup, behind a 20 ms latency proxy.
 */
import { env } from "cloudflare:workers";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../../src/services/demo/seed";
import worker from "../../../src/worker";
import { login, ORIGIN, request, sessionCookie } from "./worker-client";

describe("the Worker on workerd, libSQL over HTTP", () => {
  it("is configured with the URL and token of sqld (through the latency proxy), like Turso secrets", () => {
    expect(env.DATABASE_URL).toBe(inject("databaseUrl"));
    expect(env.DATABASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.DATABASE_AUTH_TOKEN).toBe(inject("databaseToken"));
  });

  it("sends anonymous visitors to the login form", async () => {
    const res = await request("/");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?next=%2F");
    const form = await request("/login");
    expect(await form.text()).toContain('action="/login"');
  });

  it("logs HR in (scrypt in JS) and shows the same coverage Node computes", async () => {
    const res = await login("hr@demo.se");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(res.headers.get("set-cookie")).toMatch(/Secure/i);

    const home = await request("/", { headers: { cookie: sessionCookie(res) } });
    expect(home.status).toBe(200);
    const html = await home.text();
    const expected = inject("expectedCoverage");
    expect(html).toContain(`per ${expected.asOfLabel}`);
    for (const figure of expected.figures) expect(html).toContain(figure);
    expect(html).toContain(expected.firstDepartment);
    expect(html).toContain('src="/static/vendor/htmx.min.js"');
  });

  it("scopes a chef to their own unit over the same remote database", async () => {
    const res = await login("chef@demo.se");
    const html = await (await request("/", { headers: { cookie: sessionCookie(res) } })).text();
    expect(html).toContain("Bredängs förskoleenhet");
    expect(html).not.toContain("Avdelningen för förskola");
  });

  it("refuses a wrong login with the Swedish message and no cookie", async () => {
    const res = await login("ingen@demo.se", "fel");
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toContain("Fel e-postadress eller lösenord.");
  });

  it("writes through HTTP: logout deletes the session row, the cookie stops working", async () => {
    const cookie = sessionCookie(await login("ledning@demo.se"));
    expect((await request("/", { headers: { cookie } })).status).toBe(200);
    const out = await request("/logout", { method: "POST", headers: { cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/login");
    const after = await request("/", { headers: { cookie } });
    expect(after.status).toBe(302);
  });

  it("answers 500 without DATABASE_URL and uses the token it is given, not a cached one", async () => {
    const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} };
    const call = (e: object) =>
      worker.fetch(new Request(`${ORIGIN}/login`), e as typeof env, ctx as never);
    const missing = await call({});
    expect(missing.status).toBe(500);
    expect(await missing.text()).toContain("DATABASE_URL saknas");
    const wrongToken = await call({ ...env, DATABASE_AUTH_TOKEN: "wrong" });
    expect(wrongToken.status).toBe(200); // the login form needs no database…
    const rejected = await worker.fetch(
      new Request(`${ORIGIN}/login`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
        body: new URLSearchParams({ email: "hr@demo.se", password: DEMO_PASSWORD }).toString(),
      }),
      { ...env, DATABASE_AUTH_TOKEN: "wrong" },
      ctx as never,
    );
    expect(rejected.status).toBe(500); // …a login does, and sqld refuses the token (401)
    expect((await call(env)).status).toBe(200);
  });

  it("imports a small completions file through the Worker, and undo takes it back", async () => {
    const person = inject("notStarted");
    const cookie = sessionCookie(await login("hr@demo.se"));
    const reachedOnPage = async () => {
      const html = await (await request("/", { headers: { cookie } })).text();
      return [...html.matchAll(/class="figure-value">([^<]+)</g)].map((m) => m[1])[1];
    };
    const before = await reachedOnPage();
    expect(before).not.toBe(inject("reachedAfterImport"));

    const csv = [
      "Anställningsnummer;Namn;E-post;Kurs;Status;Startdatum;Slutförd datum",
      `${person.employeeNo};${person.name};${person.email};Våldsbejakande extremism – webbutbildning;Genomförd;${person.asOf};${person.asOf}`,
    ].join("\r\n");
    const form = new FormData();
    form.set("kind", "completions");
    form.set("file", new File([new TextEncoder().encode(csv)], "export.csv"));
    const preview = await request("/imports/preview", {
      method: "POST",
      body: form,
      headers: { cookie },
    });
    expect(preview.status).toBe(200);
    const pending = /name="pending" value="([0-9a-f]{32})"/.exec(await preview.text())?.[1];
    expect(pending).toBeDefined();
    expect(await reachedOnPage()).toBe(before); // a preview writes nothing

    const confirm = await request("/imports/confirm", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ pending: pending! }).toString(),
    });
    expect(confirm.status).toBe(303);
    const importId = /done=(\d+)/.exec(confirm.headers.get("location") ?? "")?.[1];
    expect(importId).toBeDefined();
    expect(await reachedOnPage()).toBe(inject("reachedAfterImport"));

    const undo = await request(`/imports/${importId}/undo`, {
      method: "POST",
      headers: { cookie },
    });
    expect(undo.status).toBe(303);
    expect(await reachedOnPage()).toBe(before);
  });

  it("writes an .xlsx export in workerd: two sheets, date cells, 'Om rapporten'", async () => {
    const cookie = sessionCookie(await login("ledning@demo.se"));
    const res = await request("/tackning/export.xlsx", { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(strFromU8(files["xl/workbook.xml"]!)).toContain('<sheet name="Om rapporten"');
    expect(strFromU8(files["xl/worksheets/sheet1.xml"]!)).toMatch(/<c r="C2" s="2"><v>\d+<\/v>/);
  });
});
