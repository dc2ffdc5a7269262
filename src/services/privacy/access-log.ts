/**
 * The access log: who viewed or exported people's data. One row per request (the unit
 * subtree, the date and how many people were shown), so a staff list of 300 writes one
 * row, not 300. Which entries named a given person is derived from their employments: the
 * list for unit U on date D showed everyone employed in U's subtree on D.
 */
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { type AccessKind, accessLog, people, units, users } from "../../../db/schema";

export interface AccessEntry {
  userId: number | null;
  kind: AccessKind;
  /** The subtree shown; null = the whole organisation. */
  unitId: number | null;
  asOf: string | null;
  count: number;
  /** For a view of one person. */
  personId?: number | null;
  detail?: string | null;
  ip?: string | null;
}

export async function logAccess(db: DbOrTx, entry: AccessEntry, now: Date): Promise<void> {
  await db.insert(accessLog).values({
    at: now.toISOString(),
    userId: entry.userId,
    kind: entry.kind,
    unitId: entry.unitId,
    asOf: entry.asOf,
    count: entry.count,
    personId: entry.personId ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
  });
}

/**
 * Entries that named the person: views of them alone, and lists of a subtree on a date on
 * which they were employed there.
 */
export function namesPerson(personId: number): SQL {
  return sql`(${accessLog.personId} = ${personId} OR (${accessLog.personId} IS NULL
    AND ${accessLog.asOf} IS NOT NULL AND EXISTS (
      SELECT 1 FROM employments e JOIN units eu ON eu.id = e.unit_id
      WHERE e.person_id = ${personId}
        AND e.valid_from <= ${accessLog.asOf}
        AND (e.valid_to IS NULL OR e.valid_to >= ${accessLog.asOf})
        AND (${accessLog.unitId} IS NULL
          OR eu.path LIKE (SELECT su.path FROM units su WHERE su.id = ${accessLog.unitId}) || '%'))))`;
}

export const ACCESS_PAGE_SIZE = 50;

export interface AccessRow {
  id: number;
  at: string;
  kind: AccessKind;
  asOf: string | null;
  count: number;
  detail: string | null;
  ip: string | null;
  userName: string | null;
  userEmail: string | null;
  unitName: string | null;
  unitCode: string | null;
  personName: string | null;
}

/** Newest first, optionally only entries naming one person, one page at a time. */
export async function listAccess(
  db: DbOrTx,
  q: { personId?: number | null; page: number; pageSize?: number },
): Promise<{ rows: AccessRow[]; hasMore: boolean }> {
  const size = q.pageSize ?? ACCESS_PAGE_SIZE;
  const rows = await db
    .select({
      id: accessLog.id,
      at: accessLog.at,
      kind: accessLog.kind,
      asOf: accessLog.asOf,
      count: accessLog.count,
      detail: accessLog.detail,
      ip: accessLog.ip,
      userName: users.name,
      userEmail: users.email,
      unitName: units.name,
      unitCode: units.code,
      personName: sql<string | null>`trim(${people.firstName} || ' ' || ${people.lastName})`,
    })
    .from(accessLog)
    .leftJoin(users, eq(users.id, accessLog.userId))
    .leftJoin(units, eq(units.id, accessLog.unitId))
    .leftJoin(people, eq(people.id, accessLog.personId))
    .where(and(q.personId ? namesPerson(q.personId) : undefined))
    .orderBy(desc(accessLog.id))
    .limit(size + 1)
    .offset((q.page - 1) * size);
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}
