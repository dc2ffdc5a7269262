/**
 * Why each queued row matched no one, judged against the people known now (a later staff list
 * may have added them since: then the reason says the row can be linked).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { unmatchedReason } from "../../domain/unmatched-reason";
import type { UnmatchedRow } from "./unmatched";

/** Row id → reason, two grouped queries for the whole queue. */
export async function unmatchedReasons(
  db: Db,
  rows: readonly Pick<UnmatchedRow, "id" | "employeeNo" | "email">[],
): Promise<Map<number, string>> {
  const numbers = [...new Set(rows.map((r) => r.employeeNo).filter((v) => v))];
  const emails = [...new Set(rows.map((r) => r.email).filter((v) => v))];
  const [byNo, byEmail] = await Promise.all([
    db.all<{ k: string; n: number }>(
      sql`SELECT employee_no AS k, COUNT(*) AS n FROM people
          WHERE employee_no IN (SELECT value FROM json_each(${JSON.stringify(numbers)}))
          GROUP BY employee_no`,
    ),
    db.all<{ k: string; n: number }>(
      sql`SELECT email AS k, COUNT(*) AS n FROM people
          WHERE email IN (SELECT value FROM json_each(${JSON.stringify(emails)}))
          GROUP BY email`,
    ),
  ]);
  const noCount = new Map(byNo.map((r) => [r.k, Number(r.n)]));
  const emailCount = new Map(byEmail.map((r) => [r.k, Number(r.n)]));
  const lookup = {
    employeeNoCount: (no: string) => noCount.get(no) ?? 0,
    emailCount: (email: string) => emailCount.get(email) ?? 0,
  };
  return new Map(rows.map((r) => [r.id, unmatchedReason(r, lookup).text]));
}
