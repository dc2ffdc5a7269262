/**
 * The shared schemas for what arrives in a URL, used with zValidator: one definition of a
 * year, an id and a date, so every route accepts and refuses the same values.
 */
import { zValidator } from "@hono/zod-validator";
import { HTTPException } from "hono/http-exception";
import { type ZodType, z } from "zod";
import { isReportDate, isReportYear } from "../domain/dates";
import { UserError } from "../domain/user-error";

/** `/rapport/:year`: four digits within the report years (FIRST_/LAST_REPORT_YEAR). */
export const yearParam = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .refine(isReportYear),
});

/** A database id in the path: a positive integer that fits in the id column. */
export const idParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number),
});

/** A calendar date `YYYY-MM-DD` within the report years. */
export const dateParam = z.string().refine(isReportDate);

/** zValidator for path parameters: a value that does not parse names nothing, hence 404. */
export function validParam<T extends ZodType>(schema: T, notFound: string) {
  return zValidator("param", schema, (result) => {
    if (!result.success) throw new HTTPException(404, { message: notFound });
  });
}

/**
 * The hook for `zValidator("query", schema, badQuery)`: a value that does not parse (a page
 * that is no number, a parameter given twice) is a Swedish 400 page through app.onError, not
 * zod's JSON.
 */
export function badQuery(result: { success: boolean }): void {
  if (!result.success) throw new UserError(BAD_QUERY);
}

export const BAD_QUERY =
  "Adressen innehåller ett värde som inte går att läsa (till exempel ett sidnummer som inte är ett tal). Gå tillbaka och försök igen.";
export const NO_SUCH_REPORT = "Det finns ingen årsrapport för det året.";
export const NO_SUCH_UNIT = "Enheten finns inte eller ingår inte i det du får se.";
