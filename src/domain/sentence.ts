/**
 * The annual sentence, rounded the way a person writes it (DESIGN.md, "Figures"):
 * "Under året har 242 medarbetare av ca 1000 påbörjat eller helt genomfört utbildningen.
 *  Ca ett tjugotal medarbetare har även gått fördjupade utbildningar."
 *
 * Rules (README, "Figures and reports"):
 * - The main figure (reached) is always exact: it is the compliance measure.
 * - The headcount is "ca" + a round number: under 20 exact without "ca"; below 200 to the
 *   nearest 10; below 500 to the nearest 50; below 10 000 to the nearest 100 (957 → "ca
 *   1000", 1075 → "ca 1100"); above that to the nearest 1000 ("ca 12 000"). Halves round up.
 * - Small counts in words: 1–9 exact ("tre"); 10–12 "ett tiotal"; 13–17 "ett femtontal";
 *   18–94 the nearest ten ("ett tjugotal" … "ett nittiotal"); 95–104 "ett hundratal";
 *   from 105 "ca" + the rounded number.
 */
import type { AnnualFigures } from "./annual";

const UNITS = ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio"];
const TENS: Record<number, string> = {
  10: "tio",
  20: "tjugo",
  30: "trettio",
  40: "fyrtio",
  50: "femtio",
  60: "sextio",
  70: "sjuttio",
  80: "åttio",
  90: "nittio",
  100: "hundra",
};

/** Half-up rounding to a multiple of `step`. */
function roundTo(n: number, step: number): number {
  return Math.floor(n / step + 0.5) * step;
}

/** Digits grouped by a space from five digits on ("1000", "12 000"), as Swedish prose does. */
export function formatNumber(n: number): string {
  const digits = String(n);
  if (digits.length < 5) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** A headcount as a person would round it: the number and whether "ca" belongs before it. */
export function roundHeadcount(n: number): { value: number; approximate: boolean } {
  if (n < 20) return { value: n, approximate: false };
  const step = n < 200 ? 10 : n < 500 ? 50 : n < 10_000 ? 100 : 1000;
  return { value: roundTo(n, step), approximate: true };
}

/** "ca 1000", "12" — the headcount phrase. */
export function approxHeadcount(n: number): string {
  const { value, approximate } = roundHeadcount(n);
  return approximate ? `ca ${formatNumber(value)}` : formatNumber(value);
}

/**
 * A count of people in words: "tre", "ca ett tjugotal", "ca 150". `exact` tells whether
 * the words state the number exactly (1–9).
 */
export function approxCountWords(n: number): { words: string; exact: boolean } {
  if (n < 0 || !Number.isInteger(n)) throw new RangeError(`not a count: ${n}`);
  if (n < 10) return { words: UNITS[n]!, exact: true };
  if (n <= 12) return { words: "ca ett tiotal", exact: false };
  if (n <= 17) return { words: "ca ett femtontal", exact: false };
  if (n <= 104) return { words: `ca ett ${TENS[roundTo(n, 10)]}tal`, exact: false };
  return { words: approxHeadcount(n), exact: false };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The mandatory-course clause: main figure reached(Y-12-31) out of headcount(Y-12-31). */
export function reachedSentence(
  f: Pick<AnnualFigures, "headcount" | "reached" | "reachedInYear">,
): string {
  const { headcount, reached, reachedInYear } = f;
  if (headcount === 0) return "Vid årets slut fanns inga medarbetare registrerade.";
  const of = approxHeadcount(headcount);
  if (reached === 0) return `Ingen av ${of} medarbetare har påbörjat utbildningen.`;
  if (reached === reachedInYear) {
    return `Under året har ${formatNumber(reached)} medarbetare av ${of} påbörjat eller helt genomfört utbildningen.`;
  }
  const inYear =
    reachedInYear === 0
      ? "ingen av dem under året"
      : `varav ${formatNumber(reachedInYear)} under året`;
  return `Totalt har ${formatNumber(reached)} medarbetare av ${of} påbörjat eller helt genomfört utbildningen, ${inYear}.`;
}

/** The deepened-course clause. */
export function deepenedSentence(deepened: number): string {
  if (deepened === 0) return "Ingen medarbetare har gått någon fördjupad utbildning under året.";
  if (deepened === 1) return "En medarbetare har även gått en fördjupad utbildning.";
  return `${capitalise(approxCountWords(deepened).words)} medarbetare har även gått fördjupade utbildningar.`;
}

/** The whole annual sentence for the report and the CLI. */
export function annualSentence(f: AnnualFigures): string {
  return `${reachedSentence(f)} ${deepenedSentence(f.deepened)}`;
}
