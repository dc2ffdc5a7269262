/** What the imports page lists: recent imports (with who) and the open queue size. */
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { type Import, imports, users } from "../../../db/schema";

export interface ImportListItem extends Import {
  userName: string | null;
  /** The latest applied import of its kind: the one that may be undone. */
  undoable: boolean;
}

export async function listImports(db: Db, limit = 30): Promise<ImportListItem[]> {
  const rows = await db
    .select({ imp: imports, userName: users.name })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.userId))
    .orderBy(desc(imports.id))
    .limit(limit);
  const latest = new Map<string, number>();
  const applied = await db
    .select({ kind: imports.kind, id: sql<number>`MAX(${imports.id})` })
    .from(imports)
    .where(eq(imports.status, "applied"))
    .groupBy(imports.kind);
  for (const a of applied) latest.set(a.kind, a.id);
  return rows.map((r) => ({
    ...r.imp,
    userName: r.userName,
    undoable: latest.get(r.imp.kind) === r.imp.id,
  }));
}

export async function findImport(db: Db, id: number): Promise<Import | undefined> {
  return db.query.imports.findFirst({ where: eq(imports.id, id) });
}

export async function countOpenUnmatched(db: Db): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM unmatched WHERE status = 'open'`,
  );
  return row?.n ?? 0;
}
