/**
 * Counts of a plan's activities by status and the Swedish sentences of the yearly review
 * ("Förvaltningen har i handlingsplanen … 30 aktiviteter …", "Fem aktiviteter är delvis
 * genomförda."). Numbers under 13 are written in words, as Swedish style guides ask.
 */
import { PLAN_AREAS, type PlanArea } from "./plan-areas";
import { PLAN_STATUSES, type PlanStatus, type PlanStatusKey, STATUS_KEY } from "./plan-status";
import { formatNumber } from "./sentence";

export type StatusCounts = Record<PlanStatusKey, number>;

export interface AreaCounts {
  area: PlanArea;
  total: number;
  byStatus: StatusCounts;
}

export interface PlanSummary {
  activities: number;
  byStatus: StatusCounts;
  /** Areas in plan order; only those with activities. */
  areas: AreaCounts[];
}

export function emptyCounts(): StatusCounts {
  return { genomford: 0, delvis: 0, pagaende: 0, planerad: 0, ej: 0 };
}

export function summarisePlan(
  activities: ReadonlyArray<{ area: PlanArea; status: PlanStatus }>,
): PlanSummary {
  const byStatus = emptyCounts();
  const perArea = new Map<PlanArea, AreaCounts>();
  for (const a of activities) {
    const key = STATUS_KEY[a.status];
    byStatus[key]++;
    let area = perArea.get(a.area);
    if (!area) {
      area = { area: a.area, total: 0, byStatus: emptyCounts() };
      perArea.set(a.area, area);
    }
    area.total++;
    area.byStatus[key]++;
  }
  return {
    activities: activities.length,
    byStatus,
    areas: PLAN_AREAS.flatMap((a) => perArea.get(a) ?? []),
  };
}

const WORDS = [
  "noll",
  "en",
  "två",
  "tre",
  "fyra",
  "fem",
  "sex",
  "sju",
  "åtta",
  "nio",
  "tio",
  "elva",
  "tolv",
];

/** 0–12 in words ("en" agrees with "aktivitet"), from 13 digits with a space per thousand. */
export function countWord(n: number): string {
  if (Number.isInteger(n) && n >= 0 && n < WORDS.length) return WORDS[n]!;
  return formatNumber(n);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1);
}

function activities(n: number): string {
  return `${countWord(n)} ${n === 1 ? "aktivitet" : "aktiviteter"}`;
}

/** "a, b och c" — with "samt" before the last, since area names contain "och" themselves. */
function listAreas(areas: readonly PlanArea[]): string {
  const names = areas.map((a) => a.toLocaleLowerCase("sv-SE"));
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} samt ${names[names.length - 1]}`;
}

export interface PlanSentences {
  /** What the plan holds; the review puts the training sentences right after it. */
  intro: string;
  /** How it went: done, not done, partly done, ongoing, not started. */
  outcome: string[];
}

export function planSentences(year: number, summary: PlanSummary): PlanSentences {
  const n = summary.activities;
  if (n === 0) {
    return { intro: `Handlingsplanen för ${year} har inga aktiviteter.`, outcome: [] };
  }
  const areas = summary.areas.map((a) => a.area);
  const where =
    areas.length === 1 ? `inom området ${listAreas(areas)}` : `inom områdena ${listAreas(areas)}`;
  const intro = `Förvaltningen har i handlingsplanen för arbetet mot våldsbejakande extremism ${activities(n)} ${where}.`;
  const { genomford, delvis, pagaende, planerad, ej } = summary.byStatus;
  const outcome: string[] = [];
  if (genomford === n) {
    outcome.push(n === 1 ? "Aktiviteten är genomförd." : "Samtliga aktiviteter är genomförda.");
    return { intro, outcome };
  }
  if (genomford > 0) {
    outcome.push(
      `Av aktiviteterna är ${countWord(genomford)} ${genomford === 1 ? "genomförd" : "genomförda"}.`,
    );
  }
  if (ej > 0) {
    outcome.push(
      `Förvaltningen har inte kunnat genomföra ${countWord(ej)} av de beslutade aktiviteterna.`,
    );
  }
  if (delvis > 0) {
    outcome.push(
      `${capitalise(activities(delvis))} ${delvis === 1 ? "är delvis genomförd" : "är delvis genomförda"}.`,
    );
  }
  if (pagaende > 0) outcome.push(`${capitalise(activities(pagaende))} pågår.`);
  if (planerad > 0) {
    outcome.push(
      `${capitalise(activities(planerad))} ${planerad === 1 ? "är ännu inte påbörjad" : "är ännu inte påbörjade"}.`,
    );
  }
  return { intro, outcome };
}

/** The plan's sentences as one paragraph (the CLI's "sentence"). */
export function planSentence(year: number, summary: PlanSummary): string {
  const s = planSentences(year, summary);
  return [s.intro, ...s.outcome].join(" ");
}

/** The review's paragraph: the plan sentences with the annual report's training sentences in between. */
export function reviewParagraph(sentences: PlanSentences, trainingSentence: string): string {
  return [sentences.intro, trainingSentence, ...sentences.outcome].filter(Boolean).join(" ");
}

/** Status labels in the order the follow-up lists them. */
export const STATUS_ORDER: readonly PlanStatus[] = PLAN_STATUSES;
