/**
 * Uploads kept between the web preview and HR's confirm. Personal data, so kept as briefly
 * and as small as possible: one preview per user (a new upload replaces the last), gone when
 * the confirm's apply commits (runner.ts claimPending, inside the write transaction) or on cancel, and unusable — then deleted — within the hour. Deleting zeroes the bytes
 * on the embedded database (secure-delete.ts), so a copy of the file does not keep them.
 */
import { and, eq, gte, lt, ne } from "drizzle-orm";
import { type Db, type DbOrTx, isEmbeddedFile } from "../../../db/client";
import { pendingUploads } from "../../../db/schema";
import { truncateWriteAheadLog, zeroDeletedContent } from "../privacy/secure-delete";
import type { ParsedUpload } from "./parse";

/**
 * A saved preview: what confirm needs to know before it runs. The validated rows themselves
 * (only the columns the import uses — never a personnummer nor any other column of the
 * file), the format label and the file's SHA-256 are kept as JSON in `content`, which the
 * import runner reads (pendingContent): on the Node server in the import's worker thread,
 * never on the thread that answers requests.
 */
export interface PendingUpload {
  id: string;
  kind: "staff" | "completions";
  fileName: string;
  asOf: string | null;
}
/** A preview before it has an id: the parsed rows, as objects or already as JSON. */
export interface NewPendingUpload {
  kind: "staff" | "completions";
  fileName: string;
  asOf: string | null;
  parsed: ParsedUpload | string;
}

/** Tags parsed rows with their kind (what the preview saves for the confirm). */
export function newPendingUpload(
  kind: "staff" | "completions",
  fileName: string,
  asOf: string | null,
  parsed: ParsedUpload | string,
): NewPendingUpload {
  return { kind, fileName, asOf, parsed };
}

/**
 * A preview is usable for 50 minutes; the Node server sweeps every 5 minutes, so none is
 * kept for more than an hour (on Workers: swept by every upload, the imports page and the
 * retention purge).
 */
export const PENDING_UPLOAD_MAX_AGE_MS = 50 * 60 * 1000;
export const PENDING_UPLOAD_SWEEP_MS = 5 * 60 * 1000;

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const staleBefore = (now: Date) =>
  new Date(now.getTime() - PENDING_UPLOAD_MAX_AGE_MS).toISOString();

/** Deletes in one transaction with deleted content zeroed, then empties the write-ahead log. */
async function deleteZeroed(db: Db, run: (tx: DbOrTx) => Promise<number>): Promise<number> {
  const embedded = isEmbeddedFile(db);
  const n = await db.transaction(async (tx) => {
    await zeroDeletedContent(tx, embedded);
    return run(tx);
  });
  if (n > 0) await truncateWriteAheadLog(db);
  return n;
}

async function deleteWhere(tx: DbOrTx, where: ReturnType<typeof and>): Promise<number> {
  const rows = await tx.delete(pendingUploads).where(where).returning({ id: pendingUploads.id });
  return rows.length;
}

/** Every user's previews older than an hour (also called by the retention purge's caller). */
export function purgeStalePendingUploads(db: Db, now: Date): Promise<number> {
  return deleteZeroed(db, (tx) => deleteWhere(tx, lt(pendingUploads.createdAt, staleBefore(now))));
}

/** Saves a preview; the user's earlier previews and everyone's stale ones go. */
export async function savePendingUpload(
  db: Db,
  userId: number,
  upload: NewPendingUpload,
  now: Date,
): Promise<string> {
  const id = randomId();
  await deleteZeroed(db, async (tx) => {
    const n = await deleteWhere(
      tx,
      and(lt(pendingUploads.createdAt, staleBefore(now)), ne(pendingUploads.userId, userId)),
    );
    return n + (await deleteWhere(tx, eq(pendingUploads.userId, userId)));
  });
  await db.insert(pendingUploads).values({
    id,
    userId,
    kind: upload.kind,
    fileName: upload.fileName,
    asOf: upload.asOf,
    content: typeof upload.parsed === "string" ? upload.parsed : JSON.stringify(upload.parsed),
    createdAt: now.toISOString(),
  });
  return id;
}

/**
 * The user's own fresh pending upload, or null (someone else's id is as good as none). It is
 * NOT deleted here: the apply takes it inside its write transaction (runner.ts claimPending),
 * so a confirm that fails can simply be retried. The rows are not read here (pendingContent).
 */
export async function loadPendingUpload(
  db: Db,
  userId: number,
  id: string,
  now: Date,
): Promise<PendingUpload | null> {
  const mine = and(eq(pendingUploads.id, id), eq(pendingUploads.userId, userId));
  const [row] = await db
    .select({
      id: pendingUploads.id,
      kind: pendingUploads.kind,
      fileName: pendingUploads.fileName,
      asOf: pendingUploads.asOf,
    })
    .from(pendingUploads)
    .where(and(mine, gte(pendingUploads.createdAt, staleBefore(now))));
  // Target-group previews (units/requirements/exemptions) share the table; not ours to confirm.
  if (!row || (row.kind !== "staff" && row.kind !== "completions")) return null;
  const kind = row.kind === "staff" ? "staff" : "completions";
  return { id: row.id, kind, fileName: row.fileName, asOf: row.asOf };
}

/**
 * The preview's "use the file's date" choice: the same saved rows, planned and later applied
 * as of another date. Only the user's own staff preview.
 */
export async function setPendingAsOf(
  db: Db,
  pending: { id: string; userId: number },
  asOf: string,
): Promise<void> {
  await db
    .update(pendingUploads)
    .set({ asOf })
    .where(
      and(
        eq(pendingUploads.id, pending.id),
        eq(pendingUploads.userId, pending.userId),
        eq(pendingUploads.kind, "staff"),
      ),
    );
}

/** The saved rows (JSON) of the user's preview, or null when it is gone. */
export async function pendingContent(
  db: DbOrTx,
  pending: { id: string; userId: number },
): Promise<string | null> {
  const [row] = await db
    .select({ content: pendingUploads.content })
    .from(pendingUploads)
    .where(and(eq(pendingUploads.id, pending.id), eq(pendingUploads.userId, pending.userId)));
  return row?.content ?? null;
}

/** Cancel on the preview page: the user's preview is deleted at once. */
export async function cancelPendingUpload(db: Db, userId: number, id: string): Promise<boolean> {
  const mine = and(eq(pendingUploads.id, id), eq(pendingUploads.userId, userId));
  return (await deleteZeroed(db, (tx) => deleteWhere(tx, mine))) > 0;
}
