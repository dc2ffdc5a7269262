/** URLs of the report pages, built in one place so links and forms agree. */
import { DEFAULT_STAFF_QUERY, type StaffQuery } from "../src/domain/staff-query";

/**
 * A staff list's filter, sort and page as URL parameters; defaults are left out. `course`
 * (?kurs=) is null for the mandatory course, the default.
 */
export type StaffUrlQuery = Partial<StaffQuery> & { course?: string | null };

function staffParams(q: StaffUrlQuery = {}, withPage = true) {
  return {
    visa: q.onlyRemaining ? "kvar" : null,
    sok: q.search?.trim() || null,
    sortera: q.sort && q.sort !== DEFAULT_STAFF_QUERY.sort ? q.sort : null,
    ordning: q.direction && q.direction !== DEFAULT_STAFF_QUERY.direction ? q.direction : null,
    sida: withPage && q.page && q.page > 1 ? q.page : null,
    kurs: q.course ?? null,
  };
}

function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const urls = {
  // `course` (?kurs=) is null for the mandatory course, the default: those links stay as
  // they always were (routes pass `coursePart` from src/routes/course-param.ts).
  coverage: (unitId: number | null, asOf: string, course?: string | null) =>
    `/tackning${query({ enhet: unitId, datum: asOf, kurs: course })}`,
  coverageExport: (
    unitId: number | null,
    asOf: string,
    format: "xlsx" | "csv",
    course?: string | null,
  ) => `/tackning/export.${format}${query({ enhet: unitId, datum: asOf, kurs: course })}`,
  staff: (unitId: number, asOf: string, q?: StaffUrlQuery) =>
    `/tackning/enhet/${unitId}${query({ datum: asOf, ...staffParams(q) })}`,
  /** The export holds every row the filter matches, in the list's order: no page. */
  staffExport: (unitId: number, asOf: string, format: "xlsx" | "csv", q?: StaffUrlQuery) =>
    `/tackning/enhet/${unitId}/export.${format}${query({ datum: asOf, ...staffParams(q, false) })}`,
  person: (personId: number, asOf: string) => `/person/${personId}${query({ datum: asOf })}`,
  annual: (year: number, unitId?: number | null) => `/rapport/${year}${query({ enhet: unitId })}`,
  lock: (year: number) => `/rapport/${year}/las`,
  annualExport: (year: number, unitId: number | null | undefined, format: "xlsx" | "csv") =>
    `/rapport/${year}/export.${format}${query({ enhet: unitId })}`,
};
