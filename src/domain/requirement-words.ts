/**
 * A requirement rule in words, as HR reads it on the course's page and in previews:
 * "Alla medarbetare", "Enheter under Socialtjänst med funktionsnivå förhindrande/åtgärdande",
 * "Befattning Socialsekreterare*", "senast 2026-06-30" or "inom 90 dagar från anställningens start".
 */
import type { FunctionLevel } from "../../db/schema";
import { FUNCTION_LEVEL_LABEL } from "./function-level";

export interface RuleConditions {
  unitName: string | null;
  functionLevel: FunctionLevel | null;
  tag: string | null;
  titlePattern: string | null;
  deadline: string | null;
  daysAfterStart: number | null;
}

const levelWords = (level: FunctionLevel) => FUNCTION_LEVEL_LABEL[level].toLocaleLowerCase("sv");

/** Who the rule covers ("Alla medarbetare" when it sets no condition). */
export function ruleWho(r: RuleConditions): string {
  const places: string[] = [];
  if (r.unitName !== null) places.push(`under ${r.unitName}`);
  if (r.functionLevel !== null) places.push(`med funktionsnivå ${levelWords(r.functionLevel)}`);
  if (r.tag !== null) places.push(`${r.functionLevel !== null ? "och " : "med "}taggen ${r.tag}`);
  const parts: string[] = [];
  if (places.length > 0) parts.push(`Enheter ${places.join(" ")}`);
  if (r.titlePattern !== null)
    parts.push(`${parts.length > 0 ? "befattning" : "Befattning"} ${r.titlePattern}`);
  return parts.length === 0 ? "Alla medarbetare" : parts.join(", ");
}

/** When the course must be done, or null without a deadline. */
export function ruleDeadline(
  r: Pick<RuleConditions, "deadline" | "daysAfterStart">,
): string | null {
  if (r.deadline !== null) return `senast ${r.deadline}`;
  if (r.daysAfterStart !== null)
    return `inom ${r.daysAfterStart} ${r.daysAfterStart === 1 ? "dag" : "dagar"} från anställningens start`;
  return null;
}

/** The whole rule in one line: "Befattning Socialsekreterare*, senast 2026-06-30". */
export function ruleInWords(r: RuleConditions): string {
  const when = ruleDeadline(r);
  return when ? `${ruleWho(r)}, ${when}` : ruleWho(r);
}
