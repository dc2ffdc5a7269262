/**
 * Chef-scope check: a chef assigned one unit must get nothing of another unit through any
 * URL. Add every URL that shows unit, people or figures to CHEF_SCOPE_URLS; placeholders
 * are filled with the *other* unit's values: {unitId}, {unitCode}, {personId}, {employeeNo}.
 */
import { and, eq, isNull, like } from "drizzle-orm";
import type { Hono } from "hono";
import { expect } from "vitest";
import * as XLSX from "xlsx";
import type { Db } from "../../db/client";
import { employments, people, units } from "../../db/schema";
import type { AppEnv } from "../../src/env";
import { loginAs } from "./auth";

export interface ScopeCase {
  /** URL template; placeholders are replaced by the other unit's values. */
  url: string;
  /** An admin sees the other unit's data here (proves the check can fail); default true. */
  adminSees?: boolean;
  /** Extra request headers (e.g. HX-Request for htmx partials). */
  headers?: Record<string, string>;
}

export const CHEF_SCOPE_URLS: ScopeCase[] = [
  { url: "/", adminSees: false },
  { url: "/", adminSees: false, headers: { "HX-Request": "true" } },
  // Reports: the other unit by id, as htmx partial and as CSV export.
  { url: "/tackning?enhet={unitId}" },
  { url: "/tackning?enhet={unitId}", headers: { "HX-Request": "true" } },
  { url: "/tackning/enhet/{unitId}" },
  { url: "/tackning/enhet/{unitId}?visa=kvar" },
  { url: "/tackning/enhet/{unitId}/export.csv" },
  // A leaf unit's table export lists the unit itself (issue 17), so admin sees its name.
  { url: "/tackning/export.csv?enhet={unitId}" },
  { url: "/rapport/2025?enhet={unitId}" },
  { url: "/rapport/2025/export.csv?enhet={unitId}" },
  // Security review: every export format, other dates, htmx partials, the HR-only people search.
  { url: "/tackning/enhet/{unitId}/export.xlsx" },
  { url: "/tackning/enhet/{unitId}/export.csv?datum=2025-06-30" },
  { url: "/tackning/export.xlsx?enhet={unitId}" },
  { url: "/rapport/2025/export.xlsx?enhet={unitId}" },
  { url: "/rapport/2024?enhet={unitId}" },
  { url: "/tackning?enhet={unitId}&datum=2025-06-30" },
  { url: "/tackning/enhet/{unitId}?datum=2025-06-30", headers: { "HX-Request": "true" } },
  { url: "/tackning/enhet/{unitId}?visa=kvar", headers: { "HX-Request": "true" } },
  { url: "/tackning", adminSees: false },
  { url: "/rapport/2025", adminSees: false },
  { url: "/rapport/2025/export.xlsx", adminSees: false },
  { url: "/tackning/export.csv", adminSees: false },
  { url: "/imports/people?person={employeeNo}", headers: { "HX-Request": "true" } },
  // Issue 16: search, sort and paging of the staff list and its filtered export.
  { url: "/tackning/enhet/{unitId}?sok={employeeNo}" },
  { url: "/tackning/enhet/{unitId}?sortera=namn&ordning=fallande&sida=2" },
  { url: "/tackning/enhet/{unitId}?visa=kvar&sida=1", headers: { "HX-Request": "true" } },
  { url: "/tackning/enhet/{unitId}/export.xlsx?visa=kvar&sortera=namn" },
  { url: "/tackning/enhet/{unitId}/export.csv?sok={employeeNo}" },
  { url: "/imports/unmatched", adminSees: false },
];

/** The text a person would see: an .xlsx export is unpacked to CSV, anything else as is. */
async function visibleText(res: Response): Promise<string> {
  if (!res.headers.get("content-type")?.includes("spreadsheetml")) return res.text();
  const wb = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: "array" });
  return wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n]!)).join("\n");
}

interface UnitMarkers {
  values: Record<string, string>;
  /** Strings that only belong to the unit: its name, and its staff's names and numbers. */
  markers: string[];
}

async function markersOf(db: Db, code: string, exclude: string[]): Promise<UnitMarkers> {
  const unit = await db.query.units.findFirst({ where: eq(units.code, code) });
  if (!unit) throw new Error(`no unit ${code}`);
  const staff = await db
    .select({
      id: people.id,
      employeeNo: people.employeeNo,
      first: people.firstName,
      last: people.lastName,
    })
    .from(employments)
    .innerJoin(people, eq(people.id, employments.personId))
    .innerJoin(units, eq(units.id, employments.unitId))
    .where(and(like(units.path, `${unit.path}%`), isNull(employments.validTo)));
  if (staff.length === 0) throw new Error(`unit ${code} has no staff`);
  const names = staff.map((s) => `${s.first} ${s.last}`).filter((n) => !exclude.includes(n));
  const numbers = staff.map((s) => s.employeeNo).filter((n): n is string => !!n);
  return {
    values: {
      unitId: String(unit.id),
      unitCode: code,
      personId: String(staff[0]!.id),
      employeeNo: staff[0]!.employeeNo ?? "",
    },
    markers: [unit.name, ...names, ...numbers.filter((n) => n.length >= 4)],
  };
}

async function staffNames(db: Db, code: string): Promise<string[]> {
  const unit = await db.query.units.findFirst({ where: eq(units.code, code) });
  const rows = await db
    .select({ first: people.firstName, last: people.lastName })
    .from(employments)
    .innerJoin(people, eq(people.id, employments.personId))
    .innerJoin(units, eq(units.id, employments.unitId))
    .where(like(units.path, `${unit!.path}%`));
  return rows.map((r) => `${r.first} ${r.last}`);
}

/** Asserts, URL by URL, that a chef of `own` sees no trace of `other`. */
export async function expectChefSeesNothingOf(
  app: Hono<AppEnv>,
  db: Db,
  cases: ScopeCase[] = CHEF_SCOPE_URLS,
  own: string | string[] = "FSK01",
  other = "FSK02",
): Promise<void> {
  const owns = Array.isArray(own) ? own : [own];
  const ownNames = (
    await Promise.all(owns.filter((o) => o !== other).map((o) => staffNames(db, o)))
  ).flat();
  const target = await markersOf(db, other, ownNames);
  const chef = await loginAs(db, "chef", owns);
  const admin = await loginAs(db, "admin");
  for (const c of cases) {
    const url = c.url.replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = target.values[k];
      if (v === undefined) throw new Error(`unknown placeholder {${k}} in ${c.url}`);
      return encodeURIComponent(v);
    });
    const res = await app.request(url, { headers: { ...c.headers, cookie: chef.cookie } });
    const body = await visibleText(res);
    const leaked = target.markers.filter((m) => body.includes(m));
    expect(
      leaked,
      `${url} as chef of ${own} shows ${other}: ${leaked.slice(0, 3).join(", ")}`,
    ).toEqual([]);
    expect(res.status, `${url} as chef`).toBeLessThan(500);
    if (c.adminSees !== false) {
      const adminBody = await visibleText(
        await app.request(url, { headers: { ...c.headers, cookie: admin.cookie } }),
      );
      expect(
        target.markers.some((m) => adminBody.includes(m)),
        `${url}: admin should see ${other}, else this check proves nothing`,
      ).toBe(true);
    }
  }
}
