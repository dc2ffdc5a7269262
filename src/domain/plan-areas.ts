/** The areas (Område) of the action plan and the ways plans spell them. */
import type { PlanActivity } from "../../db/schema";

/** In the order the plan lists them (db/schema.ts keeps the same list; a test holds them equal). */
export const PLAN_AREAS = [
  "Organisation",
  "Lägesbild",
  "Förebyggande",
  "Förhindrande",
  "Föreningsbidrag och lokaler",
  "Kompetenshöjande",
  "Uppföljning",
] as const satisfies ReadonlyArray<PlanActivity["area"]>;
export type PlanArea = (typeof PLAN_AREAS)[number];

const SPELLINGS: Record<PlanArea, readonly string[]> = {
  Organisation: ["Organisation", "Organisering", "Samordning"],
  Lägesbild: ["Lägesbild", "Lägesbilder", "Kartläggning"],
  Förebyggande: ["Förebyggande", "Förebyggande insatser", "Förebyggande arbete"],
  Förhindrande: [
    "Förhindrande",
    "Förhinderande",
    "Förhindrande/agerande",
    "Förhinderande/agerande",
    "Förhindrande och agerande",
    "Agerande",
    "Förhindrande insatser",
  ],
  "Föreningsbidrag och lokaler": [
    "Föreningsbidrag och lokaler",
    "Föreningsbidrag/lokaler",
    "Föreningsbidrag",
    "Föreningsbidrag och upplåtande av lokaler",
    "Upplåtande av lokaler",
    "Lokaler",
  ],
  Kompetenshöjande: [
    "Kompetenshöjande",
    "Kompetenshöjande/Utbildning",
    "Kompetenshöjande insatser",
    "Kompetensutveckling",
    "Utbildning",
  ],
  Uppföljning: ["Uppföljning", "Uppföljning och utvärdering", "Utvärdering"],
};

/** Case, spaces, slashes and "och" written as "&" do not matter. */
function areaKey(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("sv-SE")
    .replace(/&/g, " och ")
    .replace(/[\s\u00a0/.,:–-]+/g, "");
}

const BY_KEY: ReadonlyMap<string, PlanArea> = new Map(
  (Object.entries(SPELLINGS) as Array<[PlanArea, readonly string[]]>).flatMap(([area, names]) =>
    names.map((n) => [areaKey(n), area] as const),
  ),
);

/** The area a cell names, or null when it is none of the plan's areas. */
export function planAreaOf(text: string): PlanArea | null {
  return BY_KEY.get(areaKey(text)) ?? null;
}

export const AREA_HINT = PLAN_AREAS.join(", ");
