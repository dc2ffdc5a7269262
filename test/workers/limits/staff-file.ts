/**
 * Synthetic staff lists shaped like HR's real ones (title row, Swedish headers, dates as
 * Excel dates), of any size, to measure what an upload costs on Workers.
 */
import * as XLSX from "xlsx";

const FIRST = [
  "Anna",
  "Erik",
  "Sara",
  "Johan",
  "Fatima",
  "Mohammed",
  "Karin",
  "Lars",
  "Åsa",
  "Örjan",
];
const LAST = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
];
const TITLES = [
  "Förskollärare",
  "Barnskötare",
  "Enhetschef",
  "Kock",
  "Lokalvårdare",
  "Specialpedagog",
];

export const STAFF_HEADER = [
  "Anställningsnummer",
  "Förnamn",
  "Efternamn",
  "E-post",
  "Avdelning",
  "Enhet",
  "Enhetskod",
  "Befattning",
  "Anställningsdatum",
];

export interface StaffFileOptions {
  /** A tenth column (Kommentar): 10 cells per row, the Workers cell cap's shape. */
  comment?: boolean;
  /** The first `retitled` people have a new Befattning (an import that changes them). */
  retitled?: number;
}

export function staffRows(
  n: number,
  { comment = false, retitled = 0 }: StaffFileOptions = {},
): Array<Array<string | number | Date>> {
  const rows: Array<Array<string | number | Date>> = [];
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const unit = (i % 40) + 1;
    rows.push([
      `E${String(100000 + i)}`,
      first,
      last,
      `${first}.${last}${i}@stockholm.se`.toLowerCase(),
      `Avdelning ${Math.ceil(unit / 7)}`,
      `Enhet nummer ${unit}`,
      `FSK${String(unit).padStart(2, "0")}`,
      i < retitled ? "Utvecklingsledare" : TITLES[i % TITLES.length]!,
      new Date(Date.UTC(2000 + (i % 25), i % 12, (i % 28) + 1)),
      ...(comment ? [`Anteckning ${i}`] : []),
    ]);
  }
  return rows;
}

/** An .xlsx workbook with a title row above the header, as HR's exports have. */
export function staffXlsx(n: number, options: StaffFileOptions = {}): Uint8Array<ArrayBuffer> {
  const sheet = XLSX.utils.aoa_to_sheet([
    ["Personalförteckning Stadsdelsförvaltningen"],
    options.comment ? [...STAFF_HEADER, "Kommentar"] : STAFF_HEADER,
    ...staffRows(n, options),
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "Personal");
  return new Uint8Array(
    XLSX.write(book, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer,
  );
}

/** The same list as `;`-separated UTF-8 CSV, as Swedish Excel saves it. */
export function staffCsv(n: number): Uint8Array<ArrayBuffer> {
  const lines = [STAFF_HEADER, ...staffRows(n)].map((row) =>
    row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v))).join(";"),
  );
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}
