/** Status labels of webbutbildning exports (DESIGN.md) and what each says about progress. */
import { headerKey } from "./headers";

/**
 * `unfinished` labels ("Ej genomförd") say only that the course is not completed: with a start
 * date the person has started, without one they have not (see completion-rows.ts).
 */
export type ProgressStatus = "none" | "unfinished" | "started" | "completed";

const LABELS: Record<ProgressStatus, readonly string[]> = {
  none: [
    "Ej påbörjad",
    "Ej påbörjat",
    "Ej startad",
    "Inte påbörjad",
    "Inte startad",
    "Ej aktiv",
    "Anmäld",
    "Registrerad",
    "Inbjuden",
    "Not started",
    "Not attempted",
    "Enrolled",
    "Registered",
  ],
  unfinished: [
    "Ej genomförd",
    "Ej genomfört",
    "Inte genomförd",
    "Ej slutförd",
    "Ej slutfört",
    "Ej avslutad",
    "Ej klar",
    "Not completed",
  ],
  started: [
    "Påbörjad",
    "Påbörjat",
    "Pågående",
    "Pågår",
    "Startad",
    "Startat",
    "Under arbete",
    "Underkänd",
    "Ej godkänd",
    "Avbruten",
    "In progress",
    "Started",
    "Incomplete",
    "Failed",
  ],
  completed: [
    "Genomförd",
    "Genomfört",
    "Slutförd",
    "Slutfört",
    "Avklarad",
    "Avklarat",
    "Klar",
    "Klart",
    "Godkänd",
    "Godkänt",
    "Avslutad",
    "Completed",
    "Complete",
    "Passed",
    "Finished",
  ],
};

const BY_KEY = new Map<string, ProgressStatus>(
  (Object.entries(LABELS) as Array<[ProgressStatus, readonly string[]]>).flatMap(([s, labels]) =>
    labels.map((l) => [headerKey(l), s] as const),
  ),
);

/** The progress a status label means, or null for a label we do not know. */
export function progressOf(label: string): ProgressStatus | null {
  const exact = BY_KEY.get(headerKey(label));
  if (exact) return exact;
  // "Slutförd – godkänd", "Genomförd 100 %": the first word carries the status.
  const first = label.trim().split(/[\s,;:\-–]+/)[0] ?? "";
  return first && first !== label.trim() ? (BY_KEY.get(headerKey(first)) ?? null) : null;
}
