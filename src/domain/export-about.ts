/**
 * The "Om rapporten" sheet of every .xlsx export: what the report is, its as-of date, when and
 * by whom it was exported, a locked annual report's lock, and what each column means — so a
 * file forwarded by e-mail still explains itself.
 */
import { type AnnualFigures, figureDifference, sameFigures } from "./annual";
import type { Cell } from "./export-cells";

export interface ExportLock {
  lockedAt: string | null;
  lockedBy: string | null;
  sentence: string;
  figures: AnnualFigures;
}

export interface ExportAbout {
  kind: "coverage" | "staff" | "annual";
  title: string;
  course: string;
  /** "Hela förvaltningen", or the unit: "Enhet A (A)". */
  selection: string;
  asOf: string;
  exportedAt: Date;
  exportedBy: string;
  /**
   * Only for an annual report of the whole organisation (the lock is about that figure):
   * null when that year is not locked, absent for every other export.
   */
  lock?: { locked: ExportLock; current: AnnualFigures } | null;
  /** Extra label/value rows after the lock, e.g. the annual report's deepened courses. */
  notes?: Array<[string, string]>;
}

export const ABOUT_SHEET = "Om rapporten";

// Made on first use (loading the time zone costs ≈30 ms; most callers never format one).
let stockholmTimeFormat: Intl.DateTimeFormat | undefined;

/** "2026-02-01 10:00" in Stockholm time. */
export function stockholmDateTime(instant: Date): string {
  stockholmTimeFormat ??= new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  return stockholmTimeFormat.format(instant).replace(",", "");
}

const COLUMN_MEANING: Record<string, string> = {
  Enhet: "Enheten. Första raden är summan för hela urvalet, därefter en rad per enhet.",
  Enhetskod: "Enhetens kod från HR-systemet.",
  "Per datum": "Dagen siffrorna gäller: anställningar och utbildning fram till och med den dagen.",
  Anställda: "Personer med en anställning som gäller per datum, i enheten och dess underenheter.",
  "Påbörjat eller genomfört":
    "Av de anställda: de som påbörjat eller genomfört utbildningen senast per datum (nådda).",
  Genomfört: "Av de anställda: de som genomfört utbildningen senast per datum.",
  "Ej påbörjat": "Anställda som varken påbörjat eller genomfört utbildningen per datum.",
  "Andel nådda (%)": "Påbörjat eller genomfört delat med anställda, i procent med en decimal.",
  "Nådda under året":
    "Anställda den 31 december vars första start eller genomförande ligger under året.",
  "I målgruppen":
    "Personer som kursens kravregler omfattar per datum (anställning, enhet, funktionsnivå, tagg, befattning), utom de undantagna.",
  Försenade:
    "Av målgruppen: de vars deadline passerat (deadline före datum) utan att de genomfört kursen senast per datum.",
  Undantagna:
    "Personer i målgruppen med ett undantag (t.ex. föräldraledighet) som gäller per datum; de räknas inte med.",
  "Fördjupade utbildningar (personer)":
    "Personer med minst ett genomförande av en fördjupad utbildning daterat under året.",
  Namn: "Förnamn och efternamn.",
  Anställningsnummer: "Anställningsnumret från HR-systemet.",
  "E-post": "E-postadress.",
  Befattning: "Befattning enligt senaste personalförteckning.",
  Status: "Status per datum: Genomförd, Påbörjad eller Ej påbörjad.",
  "Påbörjad datum": "Tidigaste start, om den ligger senast per datum.",
  "Genomförd datum": "Tidigaste genomförande, om det ligger senast per datum.",
};

/** The staff list has a row per person, not per unit. */
const STAFF_MEANING: Record<string, string> = {
  Enhet: "Enheten där personen är anställd (flera, om personen har anställningar i flera enheter).",
  "Per datum": "Dagen statusen gäller: utbildning fram till och med den dagen.",
};

function meaningOf(header: string, kind: ExportAbout["kind"]): string | null {
  if (kind === "staff" && STAFF_MEANING[header]) return STAFF_MEANING[header];
  if (header.startsWith("Förändring nådda mot ")) {
    const year = header.slice("Förändring nådda mot ".length);
    return `Påbörjat eller genomfört minus samma siffra per ${year}-12-31 (positivt = fler än då).`;
  }
  return COLUMN_MEANING[header] ?? null;
}

function lockRows(lock: NonNullable<ExportAbout["lock"]>): Cell[][] {
  const { locked, current } = lock;
  const when = locked.lockedAt ? stockholmDateTime(new Date(locked.lockedAt)) : "okänt datum";
  const rows: Cell[][] = [
    ["Låst", `Ja, ${when} av ${locked.lockedBy ?? "okänd"}. Rapporten visar de låsta siffrorna.`],
    ["Låst mening", locked.sentence],
  ];
  if (sameFigures(locked.figures, current)) {
    rows.push(["Beräknat nu", "Beräknat på dagens data blir siffrorna desamma som de låsta."]);
  } else {
    const diff = figureDifference(current, locked.figures);
    rows.push([
      "Beräknat nu",
      `Uppgifterna har rättats sedan låsningen; den låsta siffran gäller. Beräknat på dagens data: ${current.reached} nådda av ${current.headcount} anställda (${signed(diff.reached)} nådda, ${signed(diff.headcount)} anställda mot det låsta).`,
    ]);
  }
  return rows;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0";
}

/** Label/value rows for the "Om rapporten" sheet, in the order a reader needs them. */
export function aboutRows(about: ExportAbout, header: readonly string[]): Cell[][] {
  const rows: Cell[][] = [
    ["Rapport", about.title],
    ["Utbildning", about.course],
    ["Urval", about.selection],
    ["Per datum", about.asOf],
    ["Exporterad", `${stockholmDateTime(about.exportedAt)} (svensk tid)`],
    ["Exporterad av", about.exportedBy],
  ];
  if (about.lock) rows.push(...lockRows(about.lock));
  else if (about.lock === null) rows.push(["Låst", "Nej, årsrapporten är inte låst."]);
  for (const note of about.notes ?? []) rows.push(note);
  rows.push([null, null], ["Kolumn", "Betyder"]);
  for (const h of header) rows.push([h, meaningOf(h, about.kind)]);
  const ids = header.filter((h) => h === "Anställningsnummer" || h === "Enhetskod");
  rows.push([null, null]);
  if (ids.length > 0) {
    rows.push([
      "Identifierare",
      `${ids.join(" och ")} är text, inte tal, så att inledande nollor och långa nummer står kvar som i HR-systemet.`,
    ]);
  }
  rows.push([
    "Tomma celler",
    "Ett värde som saknas lämnas tomt: inget datum ännu, ingen kod, ingen andel utan anställda.",
  ]);
  return rows;
}
