/**
 * Undo, newest first across all kinds: a later import may build on an earlier one (a course
 * export matched people by the e-mails a staff list wrote), so an import is undone alone only
 * when it is the newest applied one, or together with all newer ones. Each import's effects
 * are replayed newest first — inserted rows deleted, updated rows given their `before` columns
 * back, withdrawn rows inserted again — set-based, all in one transaction.
 */
import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../../db/client";
import { type Import, type ImportKind, importEffects, imports } from "../../../db/schema";
import { ImportFileError } from "../../../imports/read/types";
import { describeImport } from "../../domain/import-label";
import { audit } from "../audit";
import { type Effect, latestApplied } from "./record";
import { assertNothingDependsOn } from "./undo-checks";
import { revertEffects } from "./undo-revert";

export interface UndoResult {
  importId: number;
  kind: ImportKind;
  fileName: string;
  reverted: number;
  /** Newer imports undone with it (newest first); empty when it was the newest. */
  alsoUndone: Array<{ id: number; kind: ImportKind; fileName: string }>;
}

type Who = { userId: number | null; ip?: string | null };

/** Applied imports newer than `imp`, newest first: what must be undone before it. */
export async function newerImports(db: DbOrTx, imp: Pick<Import, "id">): Promise<Import[]> {
  return db
    .select()
    .from(imports)
    .where(and(eq(imports.status, "applied"), gt(imports.id, imp.id)))
    .orderBy(desc(imports.id));
}

/** Why `imp` cannot be undone alone, in Swedish, naming the newer imports. */
export function blockedByNewerMessage(imp: Import, newer: readonly Import[]): string {
  return `Import ${describeImport(imp)} kan inte ångras ensam: ${newer.length === 1 ? "en senare import" : `${newer.length} senare importer`} kan bygga på den (${newer.map(describeImport).join(", ")}). Ångra den senaste först, eller ångra den tillsammans med alla senare.`;
}

export async function undoLatestImport(db: Db, kind: ImportKind, who: Who): Promise<UndoResult> {
  const latest = await latestApplied(db, kind);
  if (!latest) throw new ImportFileError("Det finns ingen import av det slaget att ångra.", 409);
  return undoImport(db, latest, who);
}

/** Undoes `imp`; with `withNewer` also every newer applied import (newest first). */
export async function undoImport(
  db: Db,
  imp: Import,
  who: Who,
  opts: { withNewer?: boolean } = {},
): Promise<UndoResult> {
  if (imp.status !== "applied") throw new ImportFileError("Importen är redan ångrad.", 409);
  const newer = await newerImports(db, imp);
  if (newer.length > 0 && !opts.withNewer) {
    throw new ImportFileError(blockedByNewerMessage(imp, newer), 409);
  }
  let reverted = 0;
  await db.transaction(async (tx) => {
    // Read again under the write lock: a confirm that landed meanwhile is undone too or refused.
    const chain = await newerImports(tx, { id: imp.id - 1 });
    if (chain.length !== newer.length + 1 || chain.at(-1)?.id !== imp.id) {
      throw new ImportFileError(
        "Importlistan ändrades medan du ångrade. Ladda om sidan och försök igen.",
        409,
      );
    }
    for (const one of chain) reverted += await undoOne(tx, one, who);
  });
  return {
    importId: imp.id,
    kind: imp.kind,
    fileName: imp.fileName,
    reverted,
    alsoUndone: newer.map((n) => ({ id: n.id, kind: n.kind, fileName: n.fileName })),
  };
}

async function undoOne(tx: Tx, imp: Import, who: Who): Promise<number> {
  const effects: Effect[] = await tx
    .select()
    .from(importEffects)
    .where(eq(importEffects.importId, imp.id))
    .orderBy(asc(importEffects.id));
  await assertNothingDependsOn(tx, imp.id, effects);
  await revertEffects(tx, effects);
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
  return effects.length;
}
