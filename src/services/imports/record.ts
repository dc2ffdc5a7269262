/** The imports table and its effects: what an import wrote, so that undo can revert exactly that. */
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { type ImportKind, importEffects, imports } from "../../../db/schema";

export type Effect = typeof importEffects.$inferInsert;
export type EffectEntity = Effect["entity"];

const CHUNK = 400;

/** Hex SHA-256 of the file (Web Crypto: runs on Node and Workers). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The applied import of this kind with the same file (and, for staff, the same as-of date). */
export async function findSameFile(
  db: DbOrTx,
  kind: ImportKind,
  sha256: string,
  asOf: string | null,
): Promise<number | null> {
  const rows = await db
    .select({ id: imports.id, asOf: imports.asOf })
    .from(imports)
    .where(and(eq(imports.kind, kind), eq(imports.sha256, sha256), eq(imports.status, "applied")));
  return rows.find((r) => r.asOf === asOf)?.id ?? null;
}

export async function latestApplied(db: DbOrTx, kind: ImportKind) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.kind, kind), eq(imports.status, "applied")))
    .orderBy(desc(imports.id))
    .limit(1);
  return row ?? null;
}

/** The latest as-of date of an applied staff snapshot (before `before`, if given), or null. */
export async function latestStaffAsOf(db: DbOrTx, before?: string): Promise<string | null> {
  const bound = before ?? "9999-12-31";
  const [row] = await db.all<{ d: string | null }>(
    sql`SELECT MAX(as_of) AS d FROM imports
        WHERE kind = 'staff' AND status = 'applied' AND as_of < ${bound}`,
  );
  return row?.d ?? null;
}

export async function createImport(
  db: DbOrTx,
  v: {
    kind: ImportKind;
    fileName: string;
    sha256: string;
    asOf: string | null;
    userId: number | null;
  },
): Promise<number> {
  const [row] = await db.insert(imports).values(v).returning({ id: imports.id });
  if (!row) throw new Error("insert into imports returned no row");
  return row.id;
}

export async function finishImport(db: DbOrTx, id: number, counts: Record<string, number>) {
  await db.update(imports).set({ counts }).where(eq(imports.id, id));
}

/** Records effects in the order they happened (undo replays them newest first). */
export async function recordEffects(db: DbOrTx, effects: readonly Effect[]): Promise<void> {
  for (let i = 0; i < effects.length; i += CHUNK) {
    await db.insert(importEffects).values(effects.slice(i, i + CHUNK));
  }
}

export function inChunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
