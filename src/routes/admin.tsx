/** Admin: accounts, roles, a chef's unit subtrees, deactivation, and the audit log. */
import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { AuditPage } from "../../views/pages/admin/audit";
import {
  NewUserForm,
  PasswordLinkCreated,
  UserDetail,
  UserList,
} from "../../views/pages/admin/users";
import { ssoLabel } from "../auth/oidc-config";
import { setPasswordPath } from "../auth/password-tokens";
import { publicLink } from "../auth/public-origin";
import { CAN, requireRole } from "../auth/roles";
import { ROLES } from "../domain/roles";
import type { AppEnv, SignedInEnv } from "../env";
import { listAudit } from "../services/audit";
import {
  assignableUnits,
  changeRole,
  createUser,
  getUser,
  listUsers,
  newPasswordLink,
  setActive,
  setUserUnits,
  unlinkSso,
} from "../services/users";
import { formValidator } from "./form";
import { badQuery } from "./params";
import { page } from "./render";

const unitIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number))
  .pipe(z.array(z.number().int().positive()));

/** `?action=…&page=N`: a page that is no number is a Swedish 400, not silently page 1. */
const validAuditQuery = zValidator(
  "query",
  z.object({
    action: z.string().max(100).optional(),
    page: z
      .string()
      .regex(/^[1-9]\d{0,3}$/)
      .default("1")
      .transform(Number),
  }),
  badQuery,
);

const newUserForm = z.object({
  name: z.string().trim().max(200),
  email: z.string().trim().toLowerCase().max(254),
  role: z.enum(ROLES),
  unit: unitIds,
});

const idParam = (c: Context<SignedInEnv>) => {
  const id = Number(c.req.param("id"));
  if (!Number.isInteger(id) || id <= 0)
    throw new HTTPException(404, { message: "Kontot finns inte." });
  return id;
};

/** The provider's name for "kopplad till …" texts; null without SSO. */
const ssoName = (c: Context<SignedInEnv>) => {
  const oidc = c.get("oidc");
  return oidc ? ssoLabel(oidc) : null;
};

const actor = (c: Context<SignedInEnv>) => ({ userId: c.get("user").id, ip: c.get("clientIp") });

async function detail(
  c: Context<SignedInEnv>,
  id: number,
  message: { error?: string; notice?: string } = {},
) {
  const db = c.get("db");
  const user = await getUser(db, id);
  if (!user) throw new HTTPException(404, { message: "Kontot finns inte." });
  return page(
    c,
    user.name,
    <UserDetail
      user={user}
      units={await assignableUnits(db)}
      isSelf={user.id === c.get("user").id}
      ssoName={ssoName(c)}
      error={message.error ?? null}
      notice={message.notice ?? null}
    />,
    message.error ? 400 : 200,
  );
}

/** Runs an admin change; a refused change (a UserError, e.g. demoting yourself) goes to app.onError. */
async function change(
  c: Context<SignedInEnv>,
  id: number,
  notice: string,
  run: () => Promise<void>,
) {
  await run();
  return detail(c, id, { notice });
}

export const adminRoutes = new Hono<AppEnv>()
  .use("/admin/*", requireRole(...CAN.manageUsers))
  .get("/admin/users", requireRole(...CAN.manageUsers), async (c) =>
    page(c, "Användare", <UserList users={await listUsers(c.get("db"))} />),
  )
  .get("/admin/users/new", requireRole(...CAN.manageUsers), async (c) =>
    page(c, "Nytt konto", <NewUserForm units={await assignableUnits(c.get("db"))} />),
  )
  .post("/admin/users", requireRole(...CAN.manageUsers), formValidator(newUserForm), async (c) => {
    const db = c.get("db");
    const form = c.req.valid("form");
    const { user, token } = await createUser(
      db,
      { email: form.email, name: form.name, role: form.role, unitIds: form.unit },
      actor(c),
      c.get("now")(),
    );
    const link = publicLink(c, setPasswordPath(token!));
    return page(
      c,
      "Konto skapat",
      <PasswordLinkCreated user={(await getUser(db, user.id))!} link={link} ssoName={ssoName(c)} />,
      201,
    );
  })
  .get("/admin/users/:id", requireRole(...CAN.manageUsers), (c) => detail(c, idParam(c)))
  .post(
    "/admin/users/:id/role",
    requireRole(...CAN.manageUsers),
    formValidator(z.object({ role: z.enum(ROLES) })),
    (c) => {
      const id = idParam(c);
      const { role } = c.req.valid("form");
      return change(c, id, "Rollen är sparad.", () => changeRole(c.get("db"), id, role, actor(c)));
    },
  )
  .post(
    "/admin/users/:id/units",
    requireRole(...CAN.manageUsers),
    formValidator(z.object({ unit: unitIds })),
    (c) => {
      const id = idParam(c);
      const { unit } = c.req.valid("form");
      return change(c, id, "Enheterna är sparade.", () =>
        setUserUnits(c.get("db"), id, unit, actor(c)),
      );
    },
  )
  .post("/admin/users/:id/deactivate", requireRole(...CAN.manageUsers), (c) => {
    const id = idParam(c);
    return change(c, id, "Kontot är inaktiverat och utloggat överallt.", () =>
      setActive(c.get("db"), id, false, actor(c)),
    );
  })
  .post("/admin/users/:id/activate", requireRole(...CAN.manageUsers), (c) => {
    const id = idParam(c);
    return change(c, id, "Kontot är aktivt igen.", () =>
      setActive(c.get("db"), id, true, actor(c)),
    );
  })
  .post("/admin/users/:id/unlink-sso", requireRole(...CAN.manageUsers), (c) => {
    const id = idParam(c);
    return change(
      c,
      id,
      "Inloggningskontot är bortkopplat. Nästa inloggning med samma e-postadress kopplar kontot på nytt.",
      async () => {
        await unlinkSso(c.get("db"), id, actor(c));
      },
    );
  })
  .post("/admin/users/:id/password-link", requireRole(...CAN.manageUsers), async (c) => {
    const db = c.get("db");
    const id = idParam(c);
    const user = await getUser(db, id);
    if (!user) throw new HTTPException(404, { message: "Kontot finns inte." });
    const token = await newPasswordLink(db, id, actor(c), c.get("now")());
    const link = publicLink(c, setPasswordPath(token));
    return page(c, "Ny länk", <PasswordLinkCreated user={user} link={link} ssoName={ssoName(c)} />);
  })
  .get("/admin/audit", requireRole(...CAN.manageUsers), validAuditQuery, async (c) => {
    const query = c.req.valid("query");
    const action = query.action || null;
    const pageNo = query.page;
    const result = await listAudit(c.get("db"), { action, page: pageNo });
    return page(
      c,
      "Granskningslogg",
      <AuditPage
        rows={result.rows}
        actions={result.actions}
        action={action}
        page={pageNo}
        hasMore={result.hasMore}
      />,
    );
  });
