import type { Db } from "../../db/client";
import { ALL_UNITS } from "../auth/scope";
import { stockholmDate } from "../domain/dates";
import type { CourseFigures } from "../domain/requirements-figures";
import { UserError } from "../domain/user-error";
import { findCourse, listCourses } from "../services/courses";
import { getCoverage } from "../services/coverage";
import { findUnitMatches } from "../services/units";
import { dateFlag, onlyOne, type ParsedArgs } from "./args";
import type { CliIo, CliOutput } from "./io";

export async function reportCoverage(db: Db, args: ParsedArgs, io: CliIo): Promise<CliOutput> {
  const asOf = dateFlag(args.values["as-of"], "as-of") ?? stockholmDate(io.now());
  const unitArg = onlyOne(args.values.unit, "unit");
  const courseArg = args.values.course;
  const course = courseArg === undefined ? null : await findCourse(db, courseArg);
  if (courseArg !== undefined && !course) {
    const known = (await listCourses(db)).map((c) => c.id).join(", ");
    throw new UserError(`Hittar ingen kurs '${courseArg}'. Kurser: ${known}.`);
  }
  // The CLI runs with the database owner's rights: it sees every unit.
  const matches = unitArg ? await findUnitMatches(db, ALL_UNITS, unitArg) : [];
  if (unitArg && matches.length === 0) {
    throw new UserError(`Hittar ingen enhet med kod eller namn '${unitArg}'.`);
  }
  if (matches.length > 1) {
    const which = matches.map((u) => u.code ?? `utan kod, id ${u.id}`).join(", ");
    throw new UserError(
      `Det finns ${matches.length} enheter som heter '${matches[0]!.name}' (${which}): ange enhetskoden.`,
    );
  }
  const unit = matches[0] ?? null;
  const result = await getCoverage(db, ALL_UNITS, { asOf, unit, courseId: course?.id });
  // Without --course the document is exactly the original contract's; with it, overdue and
  // exempt follow each figure set (DESIGN.md, "Command line").
  const targetFields = (f: CourseFigures) =>
    course ? { overdue: f.overdue, exempt: f.exempt } : {};
  const json = {
    unit: unit ? { code: unit.code, name: unit.name } : null,
    asOf: result.asOf,
    course: result.course,
    headcount: result.headcount,
    reached: result.reached,
    completed: result.completed,
    ...targetFields(result),
    children: result.children.map((c) => ({
      code: c.unit.code,
      name: c.unit.name,
      headcount: c.headcount,
      reached: c.reached,
      completed: c.completed,
      ...targetFields(c),
    })),
  };
  const extra = (f: CourseFigures) =>
    course ? ` ${String(f.overdue).padStart(5)} ${String(f.exempt).padStart(5)}` : "";
  const lines = [
    `${unit ? unit.name : "Hela förvaltningen"} per ${asOf} (${result.course})`,
    `Anställda: ${result.headcount}  Påbörjat/genomfört: ${result.reached}  Genomfört: ${result.completed}` +
      (course ? `  Försenade: ${result.overdue}  Undantagna: ${result.exempt}` : ""),
    ...(course && result.ruleCount === 0
      ? ["Kursen har ingen målgrupp (inga kravregler): ingen behöver gå den."]
      : []),
    ...result.exemptReasons.map((r) => `  Undantagna, ${r.reason}: ${r.count}`),
    ...result.children.map(
      (c) =>
        `  ${c.unit.name.padEnd(50)} ${String(c.headcount).padStart(5)} ${String(c.reached).padStart(5)} ${String(c.completed).padStart(5)}${extra(c)}`,
    ),
  ];
  return { json, text: lines.join("\n") };
}
