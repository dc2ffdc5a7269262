/**
 * Admin's privacy pages: retention periods and the purge (with its dry run), the access
 * log filtered by person, and a person's register extract as a page and as JSON.
 */
import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { PrivacyPage } from "../../views/pages/admin/privacy";
import { AccessPage } from "../../views/pages/admin/privacy-access";
import { ExtractPage } from "../../views/pages/admin/privacy-extract";
import { CAN, requireRole } from "../auth/roles";
import { stockholmDate } from "../domain/dates";
import type { AppEnv, SignedInEnv } from "../env";
import { listAccess, logAccess } from "../services/privacy/access-log";
import { personIdByEmployeeNo, registerExtract } from "../services/privacy/extract";
import { planPurge, runPurge } from "../services/privacy/purge";
import { getRetentionPolicy, setRetentionPolicy } from "../services/privacy/retention-settings";
import { formValidator } from "./form";
import { badQuery } from "./params";
import { page } from "./render";

const employeeNoQuery = z.object({
  anstnr: z.string().trim().max(64).optional(),
  sida: z.coerce.number().int().min(1).max(10_000).catch(1).optional(),
});
const validEmployeeNoQuery = zValidator("query", employeeNoQuery, badQuery);

const policyForm = z.object({
  leaverYears: z.coerce.number(),
  logYears: z.coerce.number(),
});

const actor = (c: Context<SignedInEnv>) => ({ userId: c.get("user").id, ip: c.get("clientIp") });
const today = (c: Context<SignedInEnv>) => {
  const now = c.get("now")();
  return { now, today: stockholmDate(now) };
};

async function overview(
  c: Context<SignedInEnv>,
  message: { error?: string; notice?: string; done?: Awaited<ReturnType<typeof runPurge>> } = {},
) {
  const db = c.get("db");
  const [policy, plan] = await Promise.all([getRetentionPolicy(db), planPurge(db, today(c))]);
  return page(
    c,
    "Integritet",
    <PrivacyPage policy={policy} plan={plan} {...message} />,
    message.error ? 400 : 200,
  );
}

/** Logs that admin looked at this person's extract (the extract lists it next time). */
async function logExtract(c: Context<SignedInEnv>, personId: number, detail: string) {
  await logAccess(
    c.get("db"),
    {
      ...actor(c),
      kind: "register_extract",
      unitId: null,
      asOf: null,
      count: 1,
      personId,
      detail,
    },
    c.get("now")(),
  );
}

const admin = requireRole(...CAN.manageUsers);

export const privacyRoutes = new Hono<AppEnv>()
  .get("/admin/integritet", admin, (c) => overview(c))
  .post("/admin/integritet/lagringstider", admin, formValidator(policyForm), async (c) => {
    const problem = await setRetentionPolicy(c.get("db"), c.req.valid("form"), actor(c));
    return problem
      ? overview(c, { error: problem })
      : overview(c, { notice: "Lagringstiderna är sparade." });
  })
  .post(
    "/admin/integritet/gallra",
    admin,
    formValidator(z.object({ confirm: z.string().optional() })),
    async (c) => {
      if (c.req.valid("form").confirm !== "ja") {
        return overview(c, { error: "Kryssa i rutan för att bekräfta gallringen." });
      }
      const done = await runPurge(c.get("db"), { ...today(c), actor: actor(c) });
      return overview(c, {
        done,
        notice: `Gallringen är klar: ${done.counts.people} personer avidentifierade.`,
      });
    },
  )
  .get("/admin/integritet/atkomst", admin, validEmployeeNoQuery, async (c) => {
    const db = c.get("db");
    const { anstnr, sida } = c.req.valid("query");
    const employeeNo = anstnr || null;
    const pageNo = sida ?? 1;
    const personId = employeeNo ? await personIdByEmployeeNo(db, employeeNo) : null;
    if (employeeNo && !personId) {
      const error = `Ingen person har anställningsnummer ${employeeNo}.`;
      return page(
        c,
        "Åtkomstlogg",
        <AccessPage rows={[]} employeeNo={employeeNo} page={1} hasMore={false} error={error} />,
        404,
      );
    }
    const result = await listAccess(db, { personId, page: pageNo });
    return page(c, "Åtkomstlogg", <AccessPage {...result} employeeNo={employeeNo} page={pageNo} />);
  })
  .get(
    "/admin/integritet/registerutdrag",
    admin,
    zValidator("query", employeeNoQuery, badQuery),
    async (c) => {
      const db = c.get("db");
      const employeeNo = c.req.valid("query").anstnr || null;
      const extract = employeeNo ? await registerExtract(db, employeeNo, c.get("now")()) : null;
      c.header("Cache-Control", "private, no-store");
      if (employeeNo && !extract) {
        const error = `Ingen person har anställningsnummer ${employeeNo}.`;
        return page(
          c,
          "Registerutdrag",
          <ExtractPage employeeNo={employeeNo} extract={null} error={error} />,
          404,
        );
      }
      if (extract) await logExtract(c, (await personIdByEmployeeNo(db, employeeNo!))!, "sida");
      return page(c, "Registerutdrag", <ExtractPage employeeNo={employeeNo} extract={extract} />);
    },
  )
  .get("/admin/integritet/registerutdrag/:file{.+\\.json}", admin, async (c) => {
    const db = c.get("db");
    const employeeNo = decodeURIComponent(c.req.param("file").replace(/\.json$/, ""));
    const extract = await registerExtract(db, employeeNo, c.get("now")());
    if (!extract)
      return c.json({ error: `Ingen person har anställningsnummer ${employeeNo}.` }, 404);
    await logExtract(c, (await personIdByEmployeeNo(db, employeeNo))!, "json");
    c.header("Cache-Control", "private, no-store");
    c.header(
      "Content-Disposition",
      `attachment; filename="registerutdrag-${employeeNo.replace(/[^\w-]/g, "_")}.json"`,
    );
    return c.json(extract);
  });
