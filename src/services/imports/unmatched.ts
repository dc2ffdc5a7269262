/** The queue of rows that matched no person: HR links them (remembered) or dismisses them. */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { personLinks, unmatched } from "../../../db/schema";
import { linkKeys } from "../../../imports/people";
import { ImportFileError } from "../../../imports/read/types";
import { UserError } from "../../domain/user-error";
import { audit } from "../audit";
import { insertEvents } from "./completions";
import { type Effect, recordEffects } from "./record";

export type UnmatchedRow = typeof unmatched.$inferSelect;

export async function listOpenUnmatched(db: Db): Promise<UnmatchedRow[]> {
  return db.select().from(unmatched).where(eq(unmatched.status, "open")).orderBy(asc(unmatched.id));
}

/** One row of the queue (any status), or undefined. */
export async function findUnmatched(db: Db, id: number): Promise<UnmatchedRow | undefined> {
  return db.query.unmatched.findFirst({ where: eq(unmatched.id, id) });
}

/** The link key a row is remembered by: its e-mail when it has one, else its name. */
export function linkKeyOf(row: Pick<UnmatchedRow, "email" | "name">): string | null {
  return linkKeys({ email: row.email ?? "", name: row.name ?? "" })[0] ?? null;
}

/**
 * Links an open row (and every open row with the same e-mail or name) to a person, remembers
 * the link for later files and writes the rows' events. All of it is recorded as effects of
 * the row's import, so undoing that import undoes the link too.
 */
export async function linkUnmatched(
  db: Db,
  input: { unmatchedId: number; personId: number; userId: number | null; ip?: string | null },
): Promise<{ linked: number; events: number }> {
  const row = await db.query.unmatched.findFirst({ where: eq(unmatched.id, input.unmatchedId) });
  if (row?.status !== "open" || !row)
    throw new ImportFileError("Raden finns inte eller är redan hanterad.", 409);
  const person = await db.query.people.findFirst({
    where: (p, { eq }) => eq(p.id, input.personId),
  });
  if (!person) throw new UserError("Personen finns inte.", 409);
  const key = linkKeyOf(row);
  const open = await db.select().from(unmatched).where(eq(unmatched.status, "open"));
  const same = open.filter((r) => r.id === row.id || (key !== null && linkKeyOf(r) === key));
  const now = new Date().toISOString();
  let events = 0;
  await db.transaction(async (tx) => {
    const effects: Effect[] = [];
    if (key) {
      const existing = await tx.query.personLinks.findFirst({ where: eq(personLinks.key, key) });
      if (!existing) {
        const [link] = await tx
          .insert(personLinks)
          .values({ key, personId: person.id, createdBy: input.userId })
          .returning({ id: personLinks.id });
        effects.push({
          importId: row.importId,
          entity: "person_links",
          entityId: link!.id,
          action: "insert",
        });
      }
    }
    for (const r of same) {
      const evs = [
        r.startedOn ? { kind: "started" as const, date: r.startedOn } : null,
        r.completedOn ? { kind: "completed" as const, date: r.completedOn } : null,
      ].filter((e) => e !== null);
      const inserted = r.courseId
        ? await insertEvents(
            tx,
            evs.map((e) => ({
              ...e,
              personId: person.id,
              courseId: r.courseId!,
              importId: r.importId,
              sourceRow: r.rowNumber,
            })),
            r.importId,
          )
        : [];
      events += inserted.length;
      effects.push(...inserted);
      await tx
        .update(unmatched)
        .set({ status: "linked", personId: person.id, resolvedBy: input.userId, resolvedAt: now })
        .where(eq(unmatched.id, r.id));
      effects.push({
        importId: r.importId,
        entity: "unmatched",
        entityId: r.id,
        action: "update",
        before: { status: "open", personId: null, resolvedBy: null, resolvedAt: null },
      });
    }
    await recordEffects(tx, effects);
    await audit(tx, {
      userId: input.userId,
      action: "unmatched.linked",
      target: `person:${person.id}`,
      detail: { rows: same.map((r) => r.id), key, events },
      ip: input.ip ?? null,
    });
  });
  return { linked: same.length, events };
}

export async function dismissUnmatched(
  db: Db,
  input: { unmatchedIds: number[]; userId: number | null; ip?: string | null },
): Promise<number> {
  const now = new Date().toISOString();
  const done = await db
    .update(unmatched)
    .set({ status: "dismissed", resolvedBy: input.userId, resolvedAt: now })
    .where(and(inArray(unmatched.id, input.unmatchedIds), eq(unmatched.status, "open")))
    .returning({ id: unmatched.id });
  if (done.length > 0) {
    await audit(db, {
      userId: input.userId,
      action: "unmatched.dismissed",
      target: `unmatched:${done.map((d) => d.id).join(",")}`,
      ip: input.ip ?? null,
    });
  }
  return done.length;
}
