import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { units } from "../../db/schema";

/** Creates a unit under `parentPath` and writes its materialised path (`/1/7/`). */
export async function createUnit(
  db: DbOrTx,
  unit: { name: string; code?: string | null; parentId?: number | null; parentPath?: string },
): Promise<{ id: number; path: string }> {
  const [row] = await db
    .insert(units)
    .values({ name: unit.name, code: unit.code ?? null, parentId: unit.parentId ?? null })
    .returning({ id: units.id });
  if (!row) throw new Error("insert into units returned no row");
  const path = `${unit.parentPath ?? "/"}${row.id}/`;
  await db.update(units).set({ path }).where(eq(units.id, row.id));
  return { id: row.id, path };
}
