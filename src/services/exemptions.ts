/**
 * Exemptions for hr/admin: listed with filters (person, course, active on a date), added for a
 * person found by employee number or name, ended on a date, removed. Every change is audited.
 * Inside an exemption's period the person leaves the course's denominator (figures: src/domain).
 */
import { and, desc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { courses, exemptions, people } from "../../db/schema";
import { normaliseEmployeeNo } from "../../imports/people";
import { ALL_UNITS, escapeLike } from "../auth/scope";
import { UserError } from "../domain/user-error";
import { audit } from "./audit";
import { findPeople } from "./people";
import { periodText } from "./target-imports/exemptions";

export interface ExemptionItem {
  id: number;
  personId: number;
  personName: string;
  employeeNo: string | null;
  courseId: string | null;
  courseTitle: string | null;
  fromDate: string;
  toDate: string | null;
  reason: string;
  importId: number | null;
}

export interface ExemptionFilter {
  /** Employee number or part of a name. */
  person?: string;
  /** A course id, or "alla" for exemptions from every course. */
  course?: string;
  /** Only those in force on this date. */
  activeOn?: string;
}

export async function listExemptions(
  db: Db,
  f: ExemptionFilter,
  limit = 500,
): Promise<ExemptionItem[]> {
  const conds = [];
  const q = f.person?.trim();
  if (q) {
    const like = `%${escapeLike(q.toLocaleLowerCase("sv-SE"))}%`;
    conds.push(
      or(
        eq(people.employeeNo, normaliseEmployeeNo(q)),
        sql`lower(${people.firstName} || ' ' || ${people.lastName}) LIKE ${like} ESCAPE '\\'`,
      ),
    );
  }
  if (f.course === "alla") conds.push(isNull(exemptions.courseId));
  else if (f.course) conds.push(eq(exemptions.courseId, f.course));
  if (f.activeOn)
    conds.push(
      lte(exemptions.fromDate, f.activeOn),
      or(isNull(exemptions.toDate), gte(exemptions.toDate, f.activeOn)),
    );
  const rows = await db
    .select({
      e: exemptions,
      first: people.firstName,
      last: people.lastName,
      employeeNo: people.employeeNo,
      courseTitle: courses.title,
    })
    .from(exemptions)
    .innerJoin(people, eq(people.id, exemptions.personId))
    .leftJoin(courses, eq(courses.id, exemptions.courseId))
    .where(and(...conds))
    .orderBy(desc(exemptions.fromDate), desc(exemptions.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.e.id,
    personId: r.e.personId,
    personName: `${r.first} ${r.last}`.trim(),
    employeeNo: r.employeeNo,
    courseId: r.e.courseId,
    courseTitle: r.courseTitle,
    fromDate: r.e.fromDate,
    toDate: r.e.toDate,
    reason: r.e.reason,
    importId: r.e.importId,
  }));
}

type Who = { userId: number; ip: string | null };

/** The one person a typed employee number or name means, or a Swedish error saying what to type. */
async function personFor(db: Db, ref: string) {
  // hr sees every unit; people without any employment cannot be exempted from anything.
  const hits = await findPeople(db, ALL_UNITS, ref, 20);
  const exact = hits.filter((h) => h.employeeNo === normaliseEmployeeNo(ref));
  if (exact.length === 1) return exact[0]!;
  if (hits.length === 1) return hits[0]!;
  if (hits.length === 0)
    throw new UserError(`Hittar ingen person med anställningsnummer eller namn '${ref}'.`);
  throw new UserError(
    `Flera personer passar '${ref}': ${hits
      .slice(0, 6)
      .map((h) => `${h.name} (${h.employeeNo ?? h.email ?? "utan nummer"})`)
      .join(", ")}${hits.length > 6 ? " …" : ""}. Skriv anställningsnumret.`,
  );
}

export async function addExemption(
  db: Db,
  input: {
    person: string;
    courseId: string | null;
    fromDate: string;
    toDate: string | null;
    reason: string;
  },
  who: Who,
): Promise<void> {
  if (input.toDate !== null && input.toDate < input.fromDate)
    throw new UserError(`Till (${input.toDate}) ligger före Från (${input.fromDate}).`);
  if (input.reason.trim() === "") throw new UserError("Skriv en orsak, t.ex. föräldraledighet.");
  const person = await personFor(db, input.person);
  await db.transaction(async (tx) => {
    if (input.courseId !== null) {
      const [c] = await tx
        .select({ id: courses.id })
        .from(courses)
        .where(eq(courses.id, input.courseId));
      if (!c) throw new UserError("Kursen finns inte.");
    }
    const [row] = await tx
      .insert(exemptions)
      .values({
        personId: person.id,
        courseId: input.courseId,
        fromDate: input.fromDate,
        toDate: input.toDate,
        reason: input.reason.trim(),
        createdBy: who.userId,
      })
      .returning({ id: exemptions.id });
    await audit(tx, {
      userId: who.userId,
      action: "exemption.created",
      target: `exemption:${row!.id}`,
      detail: {
        personId: person.id,
        employeeNo: person.employeeNo,
        courseId: input.courseId,
        period: periodText(input.fromDate, input.toDate),
        reason: input.reason.trim(),
      },
      ip: who.ip,
    });
  });
}

/** Ends an exemption on `toDate` (its last day). */
export async function endExemption(db: Db, id: number, toDate: string, who: Who): Promise<void> {
  await db.transaction(async (tx) => {
    const [e] = await tx.select().from(exemptions).where(eq(exemptions.id, id));
    if (!e) throw new UserError("Undantaget finns inte.", 404);
    if (toDate < e.fromDate)
      throw new UserError(
        `Undantaget börjar ${e.fromDate}; det kan inte sluta före dess. Ta bort det i stället.`,
      );
    await tx.update(exemptions).set({ toDate }).where(eq(exemptions.id, id));
    await audit(tx, {
      userId: who.userId,
      action: "exemption.ended",
      target: `exemption:${id}`,
      detail: { personId: e.personId, before: e.toDate, after: toDate },
      ip: who.ip,
    });
  });
}

export async function removeExemption(db: Db, id: number, who: Who): Promise<void> {
  await db.transaction(async (tx) => {
    const [e] = await tx.select().from(exemptions).where(eq(exemptions.id, id));
    if (!e) throw new UserError("Undantaget finns inte.", 404);
    await tx.delete(exemptions).where(eq(exemptions.id, id));
    await audit(tx, {
      userId: who.userId,
      action: "exemption.removed",
      target: `exemption:${id}`,
      detail: {
        personId: e.personId,
        courseId: e.courseId,
        period: periodText(e.fromDate, e.toDate),
        reason: e.reason,
      },
      ip: who.ip,
    });
  });
}
