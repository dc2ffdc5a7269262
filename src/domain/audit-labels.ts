/**
 * The audit log in words an administrator reads: Swedish event names, what an entry is about
 * ("Import nr 12" rather than "import:12") and its details as short "label: value" parts.
 * Checksums and identity-provider ids are left out: they mean nothing on screen (they stay in
 * the database for anyone who needs them).
 */

import { IMPORT_COUNT_LABEL } from "./import-label";

const ACTION_LABELS: Record<string, string> = {
  "login.ok": "Inloggning",
  "login.failed": "Misslyckad inloggning",
  "login.locked": "Inloggning spärrad (för många försök)",
  "login.sso_refused": "Inloggning via SSO nekad",
  logout: "Utloggning",
  "password.changed": "Lösenord bytt",
  "import.applied": "Import sparad",
  "import.undone": "Import ångrad",
  "unmatched.linked": "Omatchad rad kopplad",
  "unmatched.dismissed": "Omatchad rad avfärdad",
  export: "Export",
  "report.locked": "Årsrapport låst",
  "plan.imported": "Handlingsplan importerad",
  "plan.changed": "Handlingsplan ändrad",
  "plan.copied": "Handlingsplan kopierad",
  "user.created": "Konto skapat",
  "user.role_changed": "Roll ändrad",
  "user.units_changed": "Chefens enheter ändrade",
  "user.deactivated": "Konto avaktiverat",
  "user.activated": "Konto aktiverat",
  "user.password_link": "Länk för nytt lösenord skapad",
  "privacy.retention_changed": "Lagringstider ändrade",
  "privacy.purged": "Gallring",
  "user.sso_unlinked": "Inloggningskonto bortkopplat",
};

export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const TARGET_KINDS: Record<string, string> = {
  import: "Import nr",
  person: "Person nr",
  annual: "Årsrapport",
  plan: "Handlingsplan",
  plan_activity: "Aktivitet nr",
  unmatched: "Omatchad rad nr",
};

/** "import:12" → "Import nr 12"; an e-mail address or file name stays as it is. */
export function auditTargetText(target: string | null): string {
  if (!target) return "";
  const m = /^([a-z_]+):(.+)$/.exec(target);
  const kind = m ? TARGET_KINDS[m[1]!] : undefined;
  return m && kind ? `${kind} ${m[2]!.split(",").join(", ")}` : target;
}

/** Keys that are fingerprints, not information for a reader. */
const HIDDEN = new Set(["sha256", "hash", "sub", "token", "tokenHash"]);

const DETAIL_LABELS: Record<string, string> = {
  kind: "slag",
  fileName: "fil",
  format: "format",
  year: "år",
  asOf: "per",
  ...IMPORT_COUNT_LABEL,
  reverted: "återställda",
  role: "roll",
  unitIds: "enheter",
  from: "från",
  to: "till",
  key: "nyckel",
  copied: "kopierade",
  skipped: "hoppade över",
  done: "klara",
  reason: "orsak",
  count: "antal",
  policy: "regler",
  people: "personer",
  headcount: "anställda",
  reached: "påbörjat eller genomfört",
  completed: "genomfört",
  sentence: "mening",
  email: "e-post",
  unit: "enhet",
  course: "kurs",
};

const VALUE_LABELS: Record<string, string> = {
  admin: "administratör",
  hr: "HR",
  ledning: "ledning",
  chef: "chef",
  staff: "personallista",
  completions: "kursresultat",
  attendance: "närvarolista",
};

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (typeof value === "number") return new Intl.NumberFormat("sv-SE").format(value);
  if (typeof value === "string") return VALUE_LABELS[value] ?? value;
  if (Array.isArray(value)) return value.length === 0 ? "inga" : value.map(valueText).join(", ");
  if (typeof value === "object") {
    return `(${auditDetailParts(value as Record<string, unknown>).join(", ")})`;
  }
  return String(value);
}

/** The details as "label: value" parts, fingerprints left out, in the order they were written. */
export function auditDetailParts(detail: Record<string, unknown> | null): string[] {
  if (!detail) return [];
  return Object.entries(detail)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${DETAIL_LABELS[key] ?? key}: ${valueText(value)}`);
}
