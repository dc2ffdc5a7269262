/**
 * Search, sort and paging of a unit's staff list, over the rows `staffStatus` produced. Done
 * on the server in one pass over the unit's people (a few thousand at most), so a large unit
 * sends 50 rows of HTML instead of 5 000, and the export can apply the same filter and order.
 *
 * Sort keys are Swedish URL words (`?sortera=namn&ordning=fallande`). A new key is one entry in
 * STAFF_SORT_KEYS and one `SortKey`; rows that carry more (a requirement status, say) are sorted
 * by passing `{ ...STAFF_SORTS, key: … }` to `sortStaff`/`queryStaff`.
 */
import type { StaffStatus } from "./staff-status";

export const STAFF_SORT_KEYS = [
  "status",
  "namn",
  "anstnr",
  "enhet",
  "befattning",
  "paborjad",
  "genomford",
] as const;
export type StaffSortKey = (typeof STAFF_SORT_KEYS)[number];

export const SORT_DIRECTIONS = ["stigande", "fallande"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const STAFF_PAGE_SIZE = 50;
/** Longer than any name, e-mail or unit anyone types; more is not a search. */
export const MAX_STAFF_SEARCH = 100;

export interface StaffFilter {
  /** Words typed in the search field; every word must occur in the row (any order). */
  search: string;
  /** Only those who have not started (what a chef sends a reminder to). */
  onlyRemaining: boolean;
}

export interface StaffQuery extends StaffFilter {
  sort: StaffSortKey;
  direction: SortDirection;
  /** 1-based; a page past the end shows the last page (the list may have shrunk). */
  page: number;
  pageSize?: number;
}

export const DEFAULT_STAFF_QUERY: StaffQuery = {
  search: "",
  onlyRemaining: false,
  sort: "status",
  direction: "stigande",
  page: 1,
};

export type Comparator<T> = (a: T, b: T) => number;

export interface SortKey<T> {
  compare: Comparator<T>;
  /** Rows without a value go last in either direction: "no date yet" is not the earliest date. */
  isEmpty?: (row: T) => boolean;
}

const SWEDISH = new Intl.Collator("sv", { numeric: true });
const STATUS_ORDER = { not_started: 0, started: 1, completed: 2 } as const;

/** Surname, then first name, as a Swedish reader sorts them (… Z, Å, Ä, Ö). */
export const byName: Comparator<StaffStatus> = (a, b) =>
  SWEDISH.compare(a.lastName, b.lastName) || SWEDISH.compare(a.firstName, b.firstName);

function byText<T>(get: (r: T) => string | null): SortKey<T> {
  return {
    compare: (a, b) => SWEDISH.compare(get(a) ?? "", get(b) ?? ""),
    isEmpty: (r) => (get(r) ?? "") === "",
  };
}

export const STAFF_SORTS: Record<StaffSortKey, SortKey<StaffStatus>> = {
  status: { compare: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] },
  namn: { compare: byName },
  anstnr: byText((r) => r.employeeNo),
  enhet: byText((r) => r.units),
  befattning: byText((r) => r.title),
  paborjad: byText((r) => r.startedOn),
  genomford: byText((r) => r.completedOn),
};

/** Lower-case, NFC, single spaces: "  ÖSTRÖM " finds "Öström". */
export function foldSearch(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();
}

function haystack(r: StaffStatus): string {
  return foldSearch([r.name, r.employeeNo, r.email, r.units, r.title].filter(Boolean).join(" "));
}

export function filterStaff<T extends StaffStatus>(rows: readonly T[], f: StaffFilter): T[] {
  const words = foldSearch(f.search).split(" ").filter(Boolean);
  return rows.filter(
    (r) =>
      (!f.onlyRemaining || r.status === "not_started") &&
      (words.length === 0 || words.every((w) => haystack(r).includes(w))),
  );
}

/** Sorted by the key, then by name and id, so equal keys keep a stable, readable order. */
export function sortStaff<T extends StaffStatus>(
  rows: readonly T[],
  sort: string,
  direction: SortDirection,
  sorts: Record<string, SortKey<T>> = STAFF_SORTS,
): T[] {
  const key = sorts[sort] ?? STAFF_SORTS.status;
  const sign = direction === "fallande" ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (key.isEmpty) {
      const ea = key.isEmpty(a);
      if (ea !== key.isEmpty(b)) return ea ? 1 : -1;
    }
    return sign * key.compare(a, b) || byName(a, b) || a.personId - b.personId;
  });
}

export interface StaffPage<T> {
  rows: T[];
  /** People in the list before filtering, and how many of them have not started. */
  all: number;
  remaining: number;
  /** People matching the filter (what the export contains). */
  matching: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** 1-based position of the first row shown (0 when nothing matches). */
  first: number;
  last: number;
}

/** Filter, sort, then cut out one page. */
export function queryStaff<T extends StaffStatus>(
  rows: readonly T[],
  q: StaffQuery,
  sorts?: Record<string, SortKey<T>>,
): StaffPage<T> {
  const matching = sortStaff(filterStaff(rows, q), q.sort, q.direction, sorts);
  const pageSize = q.pageSize ?? STAFF_PAGE_SIZE;
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(Math.max(1, q.page), pageCount);
  const start = (page - 1) * pageSize;
  const shown = matching.slice(start, start + pageSize);
  return {
    rows: shown,
    all: rows.length,
    remaining: rows.filter((r) => r.status === "not_started").length,
    matching: matching.length,
    page,
    pageCount,
    pageSize,
    first: shown.length > 0 ? start + 1 : 0,
    last: start + shown.length,
  };
}

/** The filter in words, for an export's "Urval" and the access log; null = everyone. */
export function describeStaffFilter(f: StaffFilter): string | null {
  const parts = [
    f.onlyRemaining ? "bara de som inte påbörjat" : null,
    f.search.trim() ? `sökning ”${f.search.trim()}”` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(", ") : null;
}
