/**
 * Register extract (registerutdrag, GDPR art. 15): everything stored about one person, for
 * the data-protection officer to hand over. The same document feeds the JSON download, the
 * readable page and the CLI.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import {
  accessLog,
  completions,
  courses,
  employments,
  exemptions,
  imports,
  people,
  personLinks,
  units,
  unmatched,
  users,
} from "../../../db/schema";
import { namesPerson } from "./access-log";

export interface RegisterExtract {
  generatedAt: string;
  person: {
    employeeNo: string | null;
    firstName: string;
    lastName: string;
    email: string | null;
    createdAt: string;
    updatedAt: string | null;
    pseudonymisedAt: string | null;
  };
  employments: Array<{
    unit: string;
    unitCode: string | null;
    title: string | null;
    validFrom: string;
    validTo: string | null;
  }>;
  courseEvents: Array<{
    course: string;
    kind: "started" | "completed";
    date: string;
    sourceFile: string | null;
  }>;
  /** Manual links HR made so later files match this person (e-mail or name as written there). */
  links: Array<{ key: string; createdAt: string }>;
  /** Exemptions from courses (course null = all courses), with period and reason. */
  exemptions: Array<{ course: string | null; from: string; to: string | null; reason: string }>;
  /** File rows HR linked to this person by hand, as they stood in the file. */
  linkedFileRows: Array<{ file: string; row: number; values: Record<string, string> }>;
  /** Who viewed or exported lists or pages that named this person. */
  accessLog: Array<{
    at: string;
    by: string | null;
    kind: string;
    unit: string | null;
    asOf: string | null;
  }>;
}

/** The extract for the person with this employee number, or null when there is none. */
export async function registerExtract(
  db: DbOrTx,
  employeeNo: string,
  now: Date,
): Promise<RegisterExtract | null> {
  const person = await db.query.people.findFirst({ where: eq(people.employeeNo, employeeNo) });
  if (!person) return null;
  const id = person.id;
  const [jobs, events, links, rows, access, excused] = await Promise.all([
    db
      .select({
        unit: units.name,
        unitCode: units.code,
        title: employments.title,
        validFrom: employments.validFrom,
        validTo: employments.validTo,
      })
      .from(employments)
      .innerJoin(units, eq(units.id, employments.unitId))
      .where(eq(employments.personId, id))
      .orderBy(asc(employments.validFrom), asc(employments.id)),
    db
      .select({
        course: courses.title,
        kind: completions.kind,
        date: completions.date,
        sourceFile: imports.fileName,
      })
      .from(completions)
      .innerJoin(courses, eq(courses.id, completions.courseId))
      .leftJoin(imports, eq(imports.id, completions.importId))
      .where(eq(completions.personId, id))
      .orderBy(asc(completions.date), asc(completions.id)),
    db
      .select({ key: personLinks.key, createdAt: personLinks.createdAt })
      .from(personLinks)
      .where(eq(personLinks.personId, id))
      .orderBy(asc(personLinks.id)),
    db
      .select({ file: imports.fileName, row: unmatched.rowNumber, values: unmatched.raw })
      .from(unmatched)
      .innerJoin(imports, eq(imports.id, unmatched.importId))
      .where(and(eq(unmatched.personId, id)))
      .orderBy(asc(unmatched.id)),
    db
      .select({
        at: accessLog.at,
        by: users.name,
        kind: accessLog.kind,
        unit: units.name,
        asOf: accessLog.asOf,
      })
      .from(accessLog)
      .leftJoin(users, eq(users.id, accessLog.userId))
      .leftJoin(units, eq(units.id, accessLog.unitId))
      .where(namesPerson(id))
      .orderBy(sql`${accessLog.id} DESC`),
    db
      .select({
        course: courses.title,
        from: exemptions.fromDate,
        to: exemptions.toDate,
        reason: exemptions.reason,
      })
      .from(exemptions)
      .leftJoin(courses, eq(courses.id, exemptions.courseId))
      .where(eq(exemptions.personId, id))
      .orderBy(asc(exemptions.fromDate), asc(exemptions.id)),
  ]);
  return {
    generatedAt: now.toISOString(),
    person: {
      employeeNo: person.employeeNo,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
      pseudonymisedAt: person.pseudonymisedAt,
    },
    employments: jobs,
    courseEvents: events,
    links,
    exemptions: excused,
    linkedFileRows: rows,
    accessLog: access,
  };
}

/** The person's id for an employee number (to filter the access log), or null. */
export async function personIdByEmployeeNo(db: DbOrTx, employeeNo: string): Promise<number | null> {
  const row = await db.query.people.findFirst({
    where: eq(people.employeeNo, employeeNo),
    columns: { id: true },
  });
  return row?.id ?? null;
}
