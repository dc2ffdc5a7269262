/**
 * The web preview of a target-group import keeps its validated rows in `pending_uploads`, the
 * same store (and rules) as the staff and course imports: one preview per user, deleted with
 * its bytes zeroed on confirm or cancel, unusable after 50 minutes. The confirm takes it
 * inside the apply's transaction with `claimPending` (imports/runner.ts).
 */
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { type Db, isEmbeddedFile } from "../../../db/client";
import { pendingUploads } from "../../../db/schema";
import { PENDING_UPLOAD_MAX_AGE_MS, purgeStalePendingUploads } from "../imports/pending";
import { truncateWriteAheadLog, zeroDeletedContent } from "../privacy/secure-delete";
import { TARGET_IMPORT_KINDS, type TargetImportKind } from "./kind";
import type { ParsedTargetFile } from "./run";

export interface PendingTargetImport {
  id: string;
  kind: TargetImportKind;
  fileName: string;
  parsed: ParsedTargetFile<unknown>;
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Saves a preview; the user's earlier previews (of any kind) and stale ones go. */
export async function savePendingTargetImport(
  db: Db,
  userId: number,
  upload: Omit<PendingTargetImport, "id">,
  now: Date,
): Promise<string> {
  await purgeStalePendingUploads(db, now);
  const embedded = isEmbeddedFile(db);
  const id = randomId();
  await db.transaction(async (tx) => {
    await zeroDeletedContent(tx, embedded);
    await tx.delete(pendingUploads).where(eq(pendingUploads.userId, userId));
    // The column's TypeScript enum names the older kinds only; the table takes any text.
    await tx.run(sql`INSERT INTO pending_uploads (id, user_id, kind, file_name, as_of, content, created_at)
      VALUES (${id}, ${userId}, ${upload.kind}, ${upload.fileName}, NULL, ${JSON.stringify(upload.parsed)}, ${now.toISOString()})`);
  });
  if (embedded) await truncateWriteAheadLog(db);
  return id;
}

/** The user's own fresh preview of a target-group import, or null. Not deleted here. */
export async function loadPendingTargetImport(
  db: Db,
  userId: number,
  id: string,
  now: Date,
): Promise<PendingTargetImport | null> {
  const fresh = new Date(now.getTime() - PENDING_UPLOAD_MAX_AGE_MS).toISOString();
  const [row] = await db
    .select()
    .from(pendingUploads)
    .where(
      and(
        eq(pendingUploads.id, id),
        eq(pendingUploads.userId, userId),
        gte(pendingUploads.createdAt, fresh),
        inArray(sql`${pendingUploads.kind}`, [...TARGET_IMPORT_KINDS]),
      ),
    );
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.content) as ParsedTargetFile<unknown>;
    return {
      id: row.id,
      kind: row.kind as unknown as TargetImportKind,
      fileName: row.fileName,
      parsed,
    };
  } catch {
    return null;
  }
}
