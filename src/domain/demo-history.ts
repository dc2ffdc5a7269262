import { addDays } from "./dates";
import type { DemoPerson, DemoUnit } from "./demo-organisation";

/**
 * The demo's history is what HR's monthly staff lists can say: a staff import is a snapshot,
 * so a departure or a move is only known at the first list that shows it. The demo seed
 * imports a list as of the 1st of every month from FIRST_SNAPSHOT (and one as of today), and
 * the generator dates every departure and move on that grid, so the imported database holds
 * exactly the generated history.
 */
export const FIRST_SNAPSHOT = "2025-01-01";

/** 1st of every month from FIRST_SNAPSHOT up to `today`, then `today` itself. */
export function snapshotDates(today: string): string[] {
  const dates: string[] = [];
  let [y, m] = FIRST_SNAPSHOT.split("-").map(Number) as [number, number];
  for (;;) {
    const d = `${y}-${String(m).padStart(2, "0")}-01`;
    if (d > today) break;
    dates.push(d);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  if (dates.at(-1) !== today) dates.push(today);
  return dates;
}

/** The first snapshot on or after `date`, or null after the last one. */
function snapshotFrom(dates: readonly string[], date: string): string | null {
  return dates.find((d) => d >= date) ?? null;
}

/**
 * Moves happen on a snapshot date; a departure is the day before the first snapshot that no
 * longer lists the person, and never before the first one that did (a hire who leaves within
 * the month still shows up once).
 */
export function alignToSnapshots(people: DemoPerson[], today: string): void {
  const dates = snapshotDates(today);
  for (const p of people) {
    if (p.move) {
      const on = snapshotFrom(dates, p.move.validFrom);
      if (on && (p.validTo === null || on <= p.validTo)) p.move.validFrom = on;
      else delete p.move;
    }
    if (p.validTo === null) continue;
    const listed = snapshotFrom(dates, p.validFrom);
    const gone = dates.find((d) => d > p.validTo! && (listed === null || d > listed));
    p.validTo = gone ? addDays(gone, -1) : null;
  }
}

/**
 * A city-sized organisation for benchmarks (Stockholm stad: ≈800 enheter): `units` enheter
 * of equal weight, 50 to a förvaltning-like avdelning.
 */
export function cityOrganisation(units: number): DemoUnit[] {
  const out: DemoUnit[] = [];
  for (let i = 0; i < units; i++) {
    const a = Math.floor(i / 50);
    if (!out[a]) out.push({ name: `Förvaltning ${a + 1}`, code: `F${a + 1}`, children: [] });
    out[a]!.children.push({ name: `Enhet ${i + 1}`, code: `E${i + 1}`, weight: 1 });
  }
  return out;
}
