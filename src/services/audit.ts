import type { DbOrTx } from "../../db/client";
import { auditLog } from "../../db/schema";

/** Actions recorded in the audit log (who did what, when). */
export type AuditAction =
  | "login.ok"
  | "login.failed"
  | "logout"
  | "password.changed"
  | "import.applied"
  | "import.undone"
  | "unmatched.linked"
  | "unmatched.dismissed"
  | "export"
  | "report.locked"
  | "user.created"
  | "user.role_changed"
  | "user.units_changed"
  | "user.deactivated";

export interface AuditEntry {
  userId: number | null;
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
}

export async function audit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: entry.userId,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
  });
}
