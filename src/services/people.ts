/**
 * People have one owner: searching and resolving a person goes through here, always within
 * the request's scope (someone counts as inside it when they have, or had, an employment in
 * one of its units).
 */
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { people } from "../../db/schema";
import { normaliseEmail, normaliseEmployeeNo, normaliseName } from "../../imports/people";
import { escapeLike, type Scope, unitScopeFilter } from "../auth/scope";

export interface PersonHit {
  id: number;
  employeeNo: string | null;
  name: string;
  email: string | null;
  /** The unit of the person's latest employment (current first), to tell namesakes apart. */
  unit: string | null;
}

/**
 * People HR may link a row to, found by employee number, e-mail or name, limited to people
 * who have (had) an employment inside the user's scope.
 */
export async function findPeople(
  db: Db,
  scope: Scope,
  query: string,
  limit = 10,
): Promise<PersonHit[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const like = `%${escapeLike(q.toLocaleLowerCase("sv-SE"))}%`;
  const rows = await db
    .select({
      id: people.id,
      employeeNo: people.employeeNo,
      first: people.firstName,
      last: people.lastName,
      email: people.email,
      unit: sql<string | null>`(SELECT u.name FROM employments e JOIN units u ON u.id = e.unit_id
        WHERE e.person_id = people.id
        ORDER BY e.valid_to IS NOT NULL, e.valid_to DESC, e.valid_from DESC LIMIT 1)`,
    })
    .from(people)
    .where(
      and(
        or(
          eq(people.employeeNo, normaliseEmployeeNo(q)),
          eq(people.email, normaliseEmail(q) || q.toLowerCase()),
          sql`lower(${people.firstName} || ' ' || ${people.lastName}) LIKE ${like} ESCAPE '\\'`,
          sql`lower(${people.lastName} || ', ' || ${people.firstName}) LIKE ${like} ESCAPE '\\'`,
        ),
        sql`EXISTS (SELECT 1 FROM employments e JOIN units u ON u.id = e.unit_id
                    WHERE e.person_id = ${people.id} AND ${unitScopeFilter(scope, sql`u.path`)})`,
      ),
    )
    .orderBy(people.lastName, people.firstName)
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    employeeNo: r.employeeNo,
    name: `${r.first} ${r.last}`.trim(),
    email: r.email,
    unit: r.unit,
  }));
}

/** The one person a typed reference means (employee number, e-mail or an unambiguous name). */
export async function resolvePerson(db: Db, scope: Scope, ref: string): Promise<PersonHit | null> {
  const hits = await findPeople(db, scope, ref, 50);
  const exact = hits.filter(
    (h) =>
      h.employeeNo === normaliseEmployeeNo(ref) ||
      (h.email !== null && h.email === normaliseEmail(ref)) ||
      normaliseName(h.name) === normaliseName(ref),
  );
  if (exact.length === 1) return exact[0]!;
  return hits.length === 1 ? hits[0]! : null;
}
