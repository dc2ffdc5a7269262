/** Uploads kept between the web preview and HR's confirm (table pending_uploads). */
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { pendingUploads } from "../../../db/schema";

export type PendingUpload = {
  id: string;
  kind: "staff" | "completions";
  fileName: string;
  asOf: string | null;
  bytes: Uint8Array;
};

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function savePendingUpload(
  db: Db,
  userId: number,
  upload: Omit<PendingUpload, "id">,
  now: Date,
): Promise<string> {
  const id = randomId();
  await db
    .delete(pendingUploads)
    .where(lt(pendingUploads.createdAt, new Date(now.getTime() - MAX_AGE_MS).toISOString()));
  await db.insert(pendingUploads).values({
    id,
    userId,
    kind: upload.kind,
    fileName: upload.fileName,
    asOf: upload.asOf,
    content: encodeBase64(upload.bytes),
  });
  return id;
}

/**
 * The user's own pending upload, or null (someone else's id is as good as none). It is NOT
 * deleted here: the apply takes it inside its write transaction (runner.ts claimPending), so
 * a confirm that fails can simply be retried.
 */
export async function loadPendingUpload(
  db: Db,
  userId: number,
  id: string,
): Promise<PendingUpload | null> {
  const where = and(eq(pendingUploads.id, id), eq(pendingUploads.userId, userId));
  const [row] = await db.select().from(pendingUploads).where(where);
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    asOf: row.asOf,
    bytes: decodeBase64(row.content),
  };
}
