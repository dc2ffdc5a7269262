/** Calendar dates are ISO `YYYY-MM-DD` strings throughout; "today" is Stockholm's today. */

// Made on first use, not at load: a formatter with a time zone loads ICU's zone data
// (≈30 ms), which a CLI call such as --help would otherwise pay for nothing.
let stockholmDateFormat: Intl.DateTimeFormat | undefined;

/** The Stockholm calendar date of an instant (sv-SE formats as YYYY-MM-DD). */
export function stockholmDate(instant: Date): string {
  stockholmDateFormat ??= new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return stockholmDateFormat.format(instant);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in ISO form (rejects 2019-02-31). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The years the app reports on, the same for the web, the exports and the CLI. Data starts
 * well after 1990; far-future dates would only produce empty figures (or overflow a chart).
 */
export const FIRST_REPORT_YEAR = 1990;
export const LAST_REPORT_YEAR = 2100;

export function isReportYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_REPORT_YEAR && year <= LAST_REPORT_YEAR;
}

/** A real ISO date within the report years. */
export function isReportDate(value: string): boolean {
  return isIsoDate(value) && isReportYear(Number(value.slice(0, 4)));
}

/** `date` plus `days` (negative to go back), in ISO form. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "25 november 2026" — how dates read in Swedish running text. */
export function formatSwedishDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("sv-SE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
