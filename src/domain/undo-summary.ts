/**
 * What undoing an import will do, in Swedish, from the counts the import saved: the summary
 * HR confirms before an undo. Only lines with something to undo are given.
 */
import type { ImportKind } from "../../db/schema";

const count = (n: number, one: string, many: string) =>
  `${new Intl.NumberFormat("sv-SE").format(n)} ${n === 1 ? one : many}`;

export function undoConsequences(
  kind: ImportKind,
  counts: Readonly<Record<string, number>> | null,
): string[] {
  const n = (key: string) => counts?.[key] ?? 0;
  const lines: string[] = [];
  if (kind === "staff") {
    if (n("created") > 0)
      lines.push(`${count(n("created"), "ny person", "nya personer")} tas bort.`);
    if (n("updated") > 0)
      lines.push(
        `${count(n("updated"), "ändrad person", "ändrade personer")} får tillbaka enhet, befattning, namn och e-post som före importen.`,
      );
    if (n("left") > 0)
      lines.push(
        `${count(n("left"), "avslutad anställning", "avslutade anställningar")} öppnas igen.`,
      );
  } else if (kind === "completions" || kind === "attendance") {
    if (n("events") > 0)
      lines.push(`${count(n("events"), "utbildningshändelse", "utbildningshändelser")} tas bort.`);
    if (n("unmatched") > 0)
      lines.push(
        `${count(n("unmatched"), "omatchad rad", "omatchade rader")} tas bort ur kön, även kopplingar som gjorts från dem.`,
      );
  }
  if (lines.length === 0) lines.push("Allt som importen skrev tas bort.");
  return lines;
}
