/** URLs of the report pages, built in one place so links and forms agree. */
function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const urls = {
  coverage: (unitId: number | null, asOf: string) =>
    `/tackning${query({ enhet: unitId, datum: asOf })}`,
  coverageExport: (unitId: number | null, asOf: string, format: "xlsx" | "csv") =>
    `/tackning/export.${format}${query({ enhet: unitId, datum: asOf })}`,
  staff: (unitId: number, asOf: string) => `/tackning/enhet/${unitId}${query({ datum: asOf })}`,
  staffExport: (unitId: number, asOf: string, format: "xlsx" | "csv") =>
    `/tackning/enhet/${unitId}/export.${format}${query({ datum: asOf })}`,
  person: (personId: number, asOf: string) => `/person/${personId}${query({ datum: asOf })}`,
  annual: (year: number, unitId?: number | null) => `/rapport/${year}${query({ enhet: unitId })}`,
  lock: (year: number) => `/rapport/${year}/las`,
  annualExport: (year: number, unitId: number | null | undefined, format: "xlsx" | "csv") =>
    `/rapport/${year}/export.${format}${query({ enhet: unitId })}`,
};
