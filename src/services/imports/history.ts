/** What the imports page lists: recent imports (with who), open queue size, people to link to. */
import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { type Import, imports, people, users } from "../../../db/schema";
import { normaliseEmail, normaliseEmployeeNo, normaliseName } from "../../../imports/people";
import { escapeLike, type Scope, unitScopeFilter } from "../scope";

export interface ImportListItem extends Import {
  userName: string | null;
  /** The newest applied import: it may be undone alone; older ones only with all newer ones. */
  undoable: boolean;
}

export async function listImports(db: Db, limit = 30): Promise<ImportListItem[]> {
  const rows = await db
    .select({ imp: imports, userName: users.name })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.userId))
    .orderBy(desc(imports.id))
    .limit(limit);
  const [newest] = await db
    .select({ id: sql<number | null>`MAX(${imports.id})` })
    .from(imports)
    .where(eq(imports.status, "applied"));
  return rows.map((r) => ({
    ...r.imp,
    userName: r.userName,
    undoable: newest?.id === r.imp.id,
  }));
}

export async function countOpenUnmatched(db: Db): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM unmatched WHERE status = 'open'`,
  );
  return row?.n ?? 0;
}

export interface PersonHit {
  id: number;
  employeeNo: string | null;
  name: string;
  email: string | null;
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
