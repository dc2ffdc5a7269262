/** `plan summary --year Y [--json]`: counts by status and the review's plan sentences. */
import type { Db } from "../../db/client";
import { planSummaryOf } from "../services/plan-review";
import { type ParsedArgs, yearFlag } from "./args";
import type { CliOutput } from "./io";

export async function planSummaryCommand(db: Db, args: ParsedArgs): Promise<CliOutput> {
  const year = yearFlag(args.values.year);
  const { summary, sentence } = await planSummaryOf(db, year);
  const b = summary.byStatus;
  return {
    json: { year, activities: summary.activities, byStatus: b, sentence },
    text: [
      `Handlingsplan ${year}: ${summary.activities} aktiviteter.`,
      `Genomförda: ${b.genomford}  Delvis genomförda: ${b.delvis}  Pågående: ${b.pagaende}  Planerade: ${b.planerad}  Ej genomförda: ${b.ej}`,
      "",
      sentence,
    ].join("\n"),
  };
}
