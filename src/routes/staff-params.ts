/**
 * The staff list's query parameters (`/tackning/enhet/:id` and its exports): date, "only
 * those who have not started", search, sort and page. Validated at the edge; a value that
 * does not parse is a Swedish 400 naming the parameter, never a 500 or zod's JSON.
 */
import { zValidator } from "@hono/zod-validator";
import * as z from "zod";
import {
  DEFAULT_STAFF_QUERY,
  describeStaffFilter,
  MAX_STAFF_SEARCH,
  SORT_DIRECTIONS,
  STAFF_SORT_KEYS,
  type StaffQuery,
} from "../domain/staff-query";
import { UserError } from "../domain/user-error";

const MAX_PAGE = 100_000;

/** "" is what an empty form field sends: the same as leaving the parameter out. */
const optional = <T extends z.ZodType>(schema: T) => z.union([z.literal(""), schema]).optional();

export const staffListQuery = z.object({
  datum: z.string().optional(),
  /** The course (id or title; blank = the mandatory course), as on /tackning. */
  kurs: z.string().max(100).optional(),
  visa: optional(z.enum(["kvar", "alla"])),
  sok: z.string().max(MAX_STAFF_SEARCH).optional(),
  sortera: optional(z.enum(STAFF_SORT_KEYS)),
  ordning: optional(z.enum(SORT_DIRECTIONS)),
  sida: optional(
    z
      .string()
      .regex(/^\d{1,6}$/)
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_PAGE),
  ),
});
export type StaffListParams = z.infer<typeof staffListQuery>;

const PROBLEM: Record<string, string> = {
  visa: "visa får vara ”kvar” (bara de som inte påbörjat) eller ”alla”.",
  sok: `Sökningen får vara högst ${MAX_STAFF_SEARCH} tecken.`,
  sortera: `sortera får vara ${STAFF_SORT_KEYS.map((k) => `”${k}”`).join(", ")}.`,
  ordning: "ordning får vara ”stigande” eller ”fallande”.",
  sida: "sida ska vara ett sidnummer (1, 2, 3 …).",
};

/** zValidator for the staff list: a bad parameter is a UserError (400) that says which. */
export const validStaffQuery = zValidator("query", staffListQuery, (result) => {
  if (result.success) return;
  const field = String(result.error.issues[0]?.path[0] ?? "");
  throw new UserError(
    `Adressen innehåller ett värde som inte går att använda. ${PROBLEM[field] ?? ""}`.trim(),
    400,
  );
});

/** The search, sort and page the parameters ask for, defaults filled in. */
export function staffQueryOf(p: StaffListParams): StaffQuery {
  return {
    search: p.sok ?? "",
    onlyRemaining: p.visa === "kvar",
    sort: p.sortera || DEFAULT_STAFF_QUERY.sort,
    direction: p.ordning || DEFAULT_STAFF_QUERY.direction,
    page: p.sida || 1,
  };
}

/** What the access log keeps about a staff-list view beyond unit and date. */
export function staffAccessDetail(q: StaffQuery, page: { page: number; pageCount: number }) {
  const filter = describeStaffFilter(q);
  const position = page.pageCount > 1 ? `sida ${page.page} av ${page.pageCount}` : null;
  return [filter, position].filter(Boolean).join(", ") || null;
}
