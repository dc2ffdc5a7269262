import type { Db } from "../../db/client";
import { ALL_UNITS } from "../auth/scope";
import { sameFigures } from "../domain/annual";
import { computeAnnualReport, getLockedReport } from "../services/annual-report";
import { type ParsedArgs, yearFlag } from "./args";
import type { CliIo, CliOutput } from "./io";

/**
 * `report annual --year Y`: the figures of DESIGN.md computed fresh from the data (the same
 * code as the web page). When the year is locked, the human text also says whether the
 * locked figure still agrees; the JSON document keeps exactly the contract's fields.
 */
export async function reportAnnual(db: Db, args: ParsedArgs, _io: CliIo): Promise<CliOutput> {
  const year = yearFlag(args.values.year);
  // The CLI runs with the database owner's rights: the whole organisation.
  const [r, locked] = await Promise.all([
    computeAnnualReport(db, ALL_UNITS, { year }),
    getLockedReport(db, year),
  ]);
  const json = {
    year: r.year,
    asOf: r.asOf,
    course: r.course,
    headcount: r.headcount,
    reached: r.reached,
    completed: r.completed,
    reachedInYear: r.reachedInYear,
    deepened: r.deepened,
    sentence: r.sentence,
  };
  const lockLine = !locked
    ? "Rapporten är inte låst."
    : sameFigures(locked.figures, r)
      ? `Låst ${locked.lockedAt?.slice(0, 10) ?? ""}; siffrorna stämmer fortfarande.`
      : `Låst ${locked.lockedAt?.slice(0, 10) ?? ""} med andra siffror: ${locked.sentence}`;
  const text = [
    `Årsrapport ${year} (per ${r.asOf}, ${r.course})`,
    r.sentence,
    `Anställda: ${r.headcount}  Påbörjat/genomfört: ${r.reached}  Genomfört: ${r.completed}  Nådda under året: ${r.reachedInYear}  Fördjupade: ${r.deepened}`,
    lockLine,
    ...r.deepenedCourses.map((d) => d.sentence),
  ].join("\n");
  return { json, text };
}
