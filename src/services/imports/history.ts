/** What the imports page lists: recent imports (with who) and the open queue size. */
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { type Import, imports, users } from "../../../db/schema";

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

export async function findImport(db: Db, id: number): Promise<Import | undefined> {
  return db.query.imports.findFirst({ where: eq(imports.id, id) });
}

export async function countOpenUnmatched(db: Db): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM unmatched WHERE status = 'open'`,
  );
  return row?.n ?? 0;
}

/** Who saved the import (null: the command line). */
export async function importUserName(db: Db, imp: Pick<Import, "userId">): Promise<string | null> {
  if (imp.userId === null) return null;
  const user = await db.query.users.findFirst({ where: eq(users.id, imp.userId) });
  return user?.name ?? null;
}
