/**
 * Retention (gallring): how long personal data is kept, and who is due. Pure rules over
 * plain data; the purge service applies them.
 *
 * A leaver's identity (names, e-mail, employee number, links and raw file rows) goes a set
 * number of years after their last employment ended. Their employments and course events
 * stay, without a name, so every figure — locked annual reports included — is unchanged.
 */

export interface RetentionPolicy {
  /** Years after the last employment ended before a leaver's identity is removed. */
  leaverYears: number;
  /** Years the audit log and the access log are kept. */
  logYears: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { leaverYears: 3, logYears: 2 };

export const RETENTION_LIMITS = { min: 1, max: 10 } as const;

/** A Swedish message for an unusable period, or null. */
export function retentionProblem(policy: RetentionPolicy): string | null {
  const { min, max } = RETENTION_LIMITS;
  for (const [value, what] of [
    [policy.leaverYears, "Tiden för personuppgifter om dem som slutat"],
    [policy.logYears, "Tiden för loggarna"],
  ] as const) {
    if (!Number.isInteger(value) || value < min || value > max) {
      return `${what} ska vara ett helt antal år mellan ${min} och ${max}.`;
    }
  }
  return null;
}

/** `date` minus whole years; 29 February falls back to 28 February. */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, "0")}-${md === "02-29" && !leap ? "02-28" : md}`;
}

export interface RetentionCutoffs {
  /** A leaver whose last employment ended before this date is due. */
  leaverEndedBefore: string;
  /** Log entries from before this date (Stockholm calendar date) go. */
  logsBefore: string;
}

export function retentionCutoffs(today: string, policy: RetentionPolicy): RetentionCutoffs {
  return {
    leaverEndedBefore: yearsBefore(today, policy.leaverYears),
    logsBefore: yearsBefore(today, policy.logYears),
  };
}

export interface PersonEmploymentSpan {
  /** Null when the person has no employment at all. */
  lastEnded: string | null;
  /** True while any employment is open (valid_to null). */
  current: boolean;
}

/**
 * Due when every employment has ended and the latest end lies before the cutoff. Someone
 * still employed, or without any employment on record, is never due by this rule.
 */
export function leaverIsDue(span: PersonEmploymentSpan, cutoffs: RetentionCutoffs): boolean {
  if (span.current || span.lastEnded === null) return false;
  return span.lastEnded < cutoffs.leaverEndedBefore;
}

/** What a pseudonymised person is shown as in historical staff lists. */
export const PSEUDONYM_LAST_NAME = "(gallrad)";

/** The identity fields after pseudonymisation: nothing left that points at the person. */
export function pseudonymisedIdentity(): {
  firstName: string;
  lastName: string;
  email: null;
  employeeNo: null;
} {
  return { firstName: "", lastName: PSEUDONYM_LAST_NAME, email: null, employeeNo: null };
}

/**
 * An import effect's `before` values (people's columns, camelCase) with the identity fields
 * replaced: undoing an old import must not bring a purged name back.
 */
export function scrubIdentity(before: Record<string, unknown>): Record<string, unknown> {
  const blank: Record<string, unknown> = pseudonymisedIdentity();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(before)) out[k] = k in blank ? blank[k] : v;
  return out;
}
