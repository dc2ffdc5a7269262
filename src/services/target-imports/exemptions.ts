/**
 * Undantag: each row excuses one person (by Anställningsnummer, else E-post) from one course or
 * all (blank Kurs) for a period, with a reason. An exemption already recorded exactly so is
 * not added twice. Undo removes what the import added.
 */
import type { DbOrTx, Tx } from "../../../db/client";
import { courses, exemptions, people } from "../../../db/schema";
import {
  EXEMPTION_EXAMPLE,
  type ExemptionRows,
  parseExemptionRows,
} from "../../../imports/exemption-rows";
import { rowError } from "../../../imports/target-columns";
import { courseTitleIndex, matchCourse } from "../../domain/titles";
import type { Effect } from "../imports/record";
import { insertedEffects } from "./effects";
import type { TargetKindSpec, TargetPlan } from "./kind";

interface NewExemption {
  personId: number;
  courseId: string | null;
  fromDate: string;
  toDate: string | null;
  reason: string;
}

export interface ExemptionPlan extends TargetPlan {
  create: NewExemption[];
}

const key = (e: NewExemption) =>
  JSON.stringify([e.personId, e.courseId, e.fromDate, e.toDate, e.reason.toLocaleLowerCase("sv")]);

export function periodText(from: string, to: string | null): string {
  return to === null ? `från ${from} tills vidare` : `${from} – ${to}`;
}

async function planExemptions(db: DbOrTx, parsed: ExemptionRows): Promise<ExemptionPlan> {
  const [catalogue, everyone, existing] = await Promise.all([
    db.select().from(courses),
    db
      .select({
        id: people.id,
        employeeNo: people.employeeNo,
        email: people.email,
        first: people.firstName,
        last: people.lastName,
      })
      .from(people),
    db.select().from(exemptions),
  ]);
  const titles = courseTitleIndex(catalogue);
  const byNo = new Map(everyone.filter((p) => p.employeeNo).map((p) => [p.employeeNo!, p]));
  const byEmail = new Map(everyone.filter((p) => p.email).map((p) => [p.email!, p]));
  const known = new Set(existing.map((e) => key(e)));
  const plan: ExemptionPlan = { errors: [], counts: {}, details: [], empty: true, create: [] };
  let unchanged = 0;
  for (const row of parsed.rows) {
    const err = (field: Parameters<typeof rowError>[2], message: string) =>
      plan.errors.push(rowError(parsed.labels, row.row, field, message));
    const person = row.employeeNo ? byNo.get(row.employeeNo) : byEmail.get(row.email);
    if (!person) {
      if (row.employeeNo)
        err(
          "employeeNo",
          `ingen person har anställningsnummer '${row.employeeNo}'. Kontrollera numret; personer kommer in med personalimporten.`,
        );
      else
        err(
          "email",
          `ingen person har e-postadressen '${row.email}'. Kontrollera adressen eller skriv anställningsnumret.`,
        );
      continue;
    }
    if (row.employeeNo && row.email && person.email !== row.email) {
      err(
        "email",
        `${row.email} hör inte till anställningsnummer ${row.employeeNo} (${person.first} ${person.last}). Rätta en av dem.`,
      );
      continue;
    }
    let courseId: string | null = null;
    if (row.course !== "") {
      courseId = matchCourse(titles, row.course);
      if (!courseId) {
        err(
          "course",
          `'${row.course}' finns inte i kurskatalogen. Skriv kursens id eller titel, eller lämna tomt för alla kurser.`,
        );
        continue;
      }
    }
    const e: NewExemption = {
      personId: person.id,
      courseId,
      fromDate: row.fromDate,
      toDate: row.toDate,
      reason: row.reason,
    };
    if (known.has(key(e))) {
      unchanged++;
      continue;
    }
    known.add(key(e));
    plan.create.push(e);
    const course = courseId
      ? (catalogue.find((c) => c.id === courseId)?.title ?? courseId)
      : "alla kurser";
    plan.details.push(
      `${person.first} ${person.last} (${person.employeeNo ?? person.email}): ${course}, ${periodText(e.fromDate, e.toDate)}, ${e.reason}`,
    );
  }
  plan.counts = { created: plan.create.length, unchanged };
  plan.empty = plan.create.length === 0;
  return plan;
}

async function applyExemptions(
  tx: Tx,
  plan: ExemptionPlan,
  ctx: { importId: number; userId: number | null },
): Promise<Effect[]> {
  if (plan.create.length === 0) return [];
  const added = await tx
    .insert(exemptions)
    .values(plan.create.map((e) => ({ ...e, importId: ctx.importId, createdBy: ctx.userId })))
    .returning({ id: exemptions.id });
  return insertedEffects(ctx.importId, "exemptions", added);
}

export const EXEMPTIONS: TargetKindSpec<ExemptionRows, ExemptionPlan> = {
  kind: "exemptions",
  what: "fil med undantag",
  example: EXEMPTION_EXAMPLE,
  parse: parseExemptionRows,
  plan: planExemptions,
  apply: applyExemptions,
};
