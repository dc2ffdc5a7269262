/**
 * Follow-up statuses of action-plan activities: the five statuses, the words people write
 * for them in Word and Excel tables, and the mapping between the two.
 */
import type { PlanActivity } from "../../db/schema";

/** The stored statuses (db/schema.ts keeps the same list; a test holds them equal). */
export const PLAN_STATUSES = [
  "Genomförd",
  "Delvis genomförd",
  "Pågående",
  "Planerad",
  "Ej genomförd",
] as const satisfies ReadonlyArray<PlanActivity["status"]>;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Short keys of the CLI contract (`plan summary --json`, "byStatus"). */
export type PlanStatusKey = "genomford" | "delvis" | "pagaende" | "planerad" | "ej";

export const STATUS_KEY: Record<PlanStatus, PlanStatusKey> = {
  Genomförd: "genomford",
  "Delvis genomförd": "delvis",
  Pågående: "pagaende",
  Planerad: "planerad",
  "Ej genomförd": "ej",
};

/** The words met in real plans, per status (compared ignoring case, spaces and punctuation). */
const WORDS: Record<PlanStatus, readonly string[]> = {
  Genomförd: ["Genomförd", "Genomfört", "Genomförda", "Avslutad", "Avslutat"],
  "Delvis genomförd": ["Delvis genomförd", "Delvis genomfört", "Delvis genomförda", "Delvis"],
  Pågående: ["Pågående", "Pågår", "Påbörjad", "Påbörjat", "Pågår löpande"],
  Planerad: ["Planerad", "Planerat", "Planeras", "Planerade", "Ej påbörjad", "Ej påbörjat"],
  "Ej genomförd": [
    "Ej genomförd",
    "Ej genomfört",
    "Inte genomförd",
    "Inte genomfört",
    "Ej genomförda",
    "Skjuts fram",
    "Framskjuten",
    "Uppskjuten",
    "Utgår",
    "Har utgått",
  ],
};

/** Words that say more than their status ("postponed", not just "not done"): kept as comment. */
const SAYS_MORE = new Set(["skjuts fram", "framskjuten", "uppskjuten", "utgår", "har utgått"]);

/** "Delvis  genomfört " → "delvis genomfört": lower case, one space, no punctuation. */
function wordKey(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("sv-SE")
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/[.,:;!–—-]+$/g, "")
    .trim();
}

const BY_WORD: ReadonlyMap<string, PlanStatus> = new Map(
  (Object.entries(WORDS) as Array<[PlanStatus, readonly string[]]>).flatMap(([status, words]) =>
    words.map((w) => [wordKey(w), status] as const),
  ),
);

/**
 * Words that may start a longer cell, longest first ("Delvis genomförd" before "Delvis").
 * Plurals only count alone: "Genomförda utbildningar saknas" is no status.
 */
const PREFIXES = [...BY_WORD.keys()]
  .filter((w) => !/(förda|erade)$/.test(w))
  .sort((a, b) => b.length - a.length);

/** The status a word means, or null when it is not one we know. */
export function planStatusOf(word: string): PlanStatus | null {
  return BY_WORD.get(wordKey(word)) ?? null;
}

export interface StatusCell {
  status: PlanStatus;
  /** Text after the status word ("Genomförd. Alla chefer har …" → "Alla chefer har …"). */
  comment: string;
}

/**
 * A follow-up cell as people fill it in: the status word alone, or the status word first and
 * a comment after it ("Delvis genomförd – fortsätter 2020", "Skjuts fram till 2020"). Null
 * when no known status word starts the cell (the importer reports the row).
 */
export function parseStatusCell(cell: string): StatusCell | null {
  const text = cell.replace(/\u00a0/g, " ").trim();
  const exact = planStatusOf(text);
  if (exact) return { status: exact, comment: SAYS_MORE.has(wordKey(text)) ? text : "" };
  const lower = wordKey(text);
  for (const prefix of PREFIXES) {
    if (!lower.startsWith(prefix)) continue;
    const rest = text.slice(prefixLength(text, prefix));
    // The word must end there ("Pågår under hösten", "Genomförd. Alla …"):
    // "Genomförda utbildningar …" is not "Genomförd" + comment, but "Genomförda" is a word.
    const separated = /^(\s|[.,:;–—(-])/.test(rest);
    if (!separated) continue;
    // After a full stop, dash or line break the rest is the comment; a phrase that simply
    // goes on ("Skjuts fram till 2020") reads best whole.
    const punctuated = /^\s*([.,:;–—(-]|\n)/.test(rest);
    const comment = (punctuated ? rest.replace(/^\s*[.,:;–—-]?\s*/, "") : text)
      .replace(/\s+/g, " ")
      .trim();
    return { status: BY_WORD.get(prefix)!, comment };
  }
  return null;
}

/** Length in the original text of a prefix matched on its collapsed, lower-cased form. */
function prefixLength(text: string, prefix: string): number {
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < prefix.length) {
    const isSpace = /\s/.test(text[i]!);
    if (isSpace) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      seen++;
    } else {
      i++;
      seen++;
    }
  }
  return i;
}

/** The status words a user may write, for error messages. */
export const STATUS_HINT =
  "Genomförd, Delvis genomförd, Pågående, Planerad eller Ej genomförd (även t.ex. Genomfört, Pågår, Planeras, Inte genomförd, Skjuts fram)";
