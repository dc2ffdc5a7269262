import { asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { auditLog, users } from "../../db/schema";

/** Actions recorded in the audit log (who did what, when). */
export type AuditAction =
  | "login.ok"
  | "login.failed"
  | "login.locked"
  | "login.sso_refused"
  | "logout"
  | "password.changed"
  | "import.applied"
  | "import.undone"
  | "unmatched.linked"
  | "unmatched.dismissed"
  | "export"
  | "report.locked"
  | "plan.imported"
  | "plan.changed"
  | "plan.copied"
  | "user.created"
  | "user.role_changed"
  | "user.units_changed"
  | "user.deactivated"
  | "user.activated"
  | "user.password_link"
  | "privacy.retention_changed"
  | "privacy.purged"
  | "user.sso_unlinked"
  | "unit.attributes_changed"
  | "requirements.changed"
  | "exemption.created"
  | "exemption.ended"
  | "exemption.removed";

export interface AuditEntry {
  userId: number | null;
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
  /** When it happened; default the database's clock (callers with an injected clock pass it). */
  at?: Date;
}

export async function audit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: entry.userId,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
    ...(entry.at ? { at: entry.at.toISOString() } : {}),
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, optionally one action, one page at a time (admin's audit page). */
export async function listAudit(db: DbOrTx, opts: { action?: string | null; page: number }) {
  const where = opts.action ? eq(auditLog.action, opts.action) : undefined;
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      target: auditLog.target,
      detail: auditLog.detail,
      ip: auditLog.ip,
      userName: users.name,
      userEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((opts.page - 1) * AUDIT_PAGE_SIZE);
  const actions = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(asc(auditLog.action));
  return {
    rows: rows.slice(0, AUDIT_PAGE_SIZE),
    hasMore: rows.length > AUDIT_PAGE_SIZE,
    actions: actions.map((a) => a.action),
  };
}
