/** URLs of the report pages, built in one place so links and forms agree. */
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
  staff: (unitId: number, asOf: string, course?: string | null) =>
    `/tackning/enhet/${unitId}${query({ datum: asOf, kurs: course })}`,
  staffExport: (unitId: number, asOf: string, format: "xlsx" | "csv", course?: string | null) =>
    `/tackning/enhet/${unitId}/export.${format}${query({ datum: asOf, kurs: course })}`,
  person: (personId: number, asOf: string) => `/person/${personId}${query({ datum: asOf })}`,
  annual: (year: number, unitId?: number | null) => `/rapport/${year}${query({ enhet: unitId })}`,
  lock: (year: number) => `/rapport/${year}/las`,
  annualExport: (year: number, unitId: number | null | undefined, format: "xlsx" | "csv") =>
    `/rapport/${year}/export.${format}${query({ enhet: unitId })}`,
};
