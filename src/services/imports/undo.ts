/**
 * Undo of the latest import of a kind: replays its effects newest first — inserted rows are
 * deleted, updated rows get their `before` columns back — in one transaction.
 */
import { and, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import {
  completions,
  employments,
  type Import,
  type ImportKind,
  importEffects,
  imports,
  people,
  personLinks,
  units,
  unmatched,
  userUnits,
} from "../../../db/schema";
import { ImportFileError } from "../../../imports/read/types";
import { audit } from "../audit";
import { type EffectEntity, inChunks, latestApplied } from "./record";

const TABLES = {
  units,
  people,
  employments,
  completions,
  person_links: personLinks,
  unmatched,
} as const;

export interface UndoResult {
  importId: number;
  kind: ImportKind;
  fileName: string;
  reverted: number;
}

export async function undoLatestImport(
  db: Db,
  kind: ImportKind,
  who: { userId: number | null; ip?: string | null },
): Promise<UndoResult> {
  const latest = await latestApplied(db, kind);
  if (!latest) throw new ImportFileError("Det finns ingen import av det slaget att ångra.", 409);
  return undoImport(db, latest, who);
}

export async function undoImport(
  db: Db,
  imp: Import,
  who: { userId: number | null; ip?: string | null },
): Promise<UndoResult> {
  const latest = await latestApplied(db, imp.kind);
  if (imp.status !== "applied" || latest?.id !== imp.id) {
    throw new ImportFileError("Bara den senaste importen av varje slag kan ångras.", 409);
  }
  const effects = await db
    .select()
    .from(importEffects)
    .where(eq(importEffects.importId, imp.id))
    .orderBy(desc(importEffects.id));
  await assertNothingDependsOn(db, imp.id, effects);
  await db.transaction(async (tx) => {
    let i = 0;
    while (i < effects.length) {
      const e = effects[i]!;
      if (e.action === "update") {
        await restore(tx, e.entity, e.entityId, e.before ?? {});
        i++;
        continue;
      }
      // A run of inserts into one table is deleted with one statement per chunk.
      let j = i;
      while (
        j < effects.length &&
        effects[j]!.action === "insert" &&
        effects[j]!.entity === e.entity
      )
        j++;
      const table = TABLES[e.entity];
      for (const ids of inChunks(effects.slice(i, j).map((x) => x.entityId))) {
        await tx.delete(table).where(inArray(table.id, ids));
      }
      i = j;
    }
    await tx
      .update(imports)
      .set({ status: "undone", undoneAt: new Date().toISOString(), undoneBy: who.userId })
      .where(eq(imports.id, imp.id));
    await audit(tx, {
      userId: who.userId,
      action: "import.undone",
      target: `import:${imp.id}`,
      detail: { kind: imp.kind, fileName: imp.fileName, reverted: effects.length },
      ip: who.ip ?? null,
    });
  });
  return { importId: imp.id, kind: imp.kind, fileName: imp.fileName, reverted: effects.length };
}

async function restore(tx: Tx, entity: EffectEntity, id: number, before: Record<string, unknown>) {
  const table = TABLES[entity];
  if (Object.keys(before).length === 0) return;
  await tx.update(table).set(before).where(eq(table.id, id));
}

/** People and units the import created must not be used by anything written later. */
async function assertNothingDependsOn(
  db: Db,
  importId: number,
  effects: ReadonlyArray<{ entity: EffectEntity; action: string; entityId: number }>,
) {
  const created = (entity: EffectEntity) =>
    effects.filter((e) => e.entity === entity && e.action === "insert").map((e) => e.entityId);
  const personIds = created("people");
  const unitIds = created("units");
  let used = 0;
  for (const ids of inChunks(personIds)) {
    const [a] = await db.all<{ n: number }>(sql`SELECT
      (SELECT COUNT(*) FROM completions WHERE person_id IN (${sql.join(ids, sql`, `)}))
      + (SELECT COUNT(*) FROM unmatched WHERE person_id IN (${sql.join(ids, sql`, `)}))
      + (SELECT COUNT(*) FROM person_links WHERE person_id IN (${sql.join(ids, sql`, `)})) AS n`);
    used += a?.n ?? 0;
  }
  if (used > 0) {
    throw new ImportFileError(
      "Importen kan inte ångras: personer som den lade till har fått utbildningshändelser eller kopplingar sedan dess. Ångra de senare kursimporterna först.",
      409,
    );
  }
  for (const ids of inChunks(unitIds)) {
    const other = await db
      .select({ id: employments.id })
      .from(employments)
      .where(
        and(
          inArray(employments.unitId, ids),
          sql`(${employments.importId} IS NULL OR ${employments.importId} <> ${importId})`,
        ),
      )
      .limit(1);
    const scoped = await db.select().from(userUnits).where(inArray(userUnits.unitId, ids)).limit(1);
    const children = await db
      .select({ id: units.id })
      .from(units)
      .where(and(inArray(units.parentId, ids), notInArray(units.id, unitIds)))
      .limit(1);
    if (other.length + scoped.length + children.length > 0) {
      throw new ImportFileError(
        "Importen kan inte ångras: enheter som den lade till används nu av annat (anställningar, chefsbehörigheter eller underenheter).",
        409,
      );
    }
  }
}
