/** CSV reader: encoding, delimiter (`;`, `,`, tab) and RFC 4180 quoting via papaparse. */
import Papa from "papaparse";
import { checkCsvCells, DEFAULT_MAX_CELLS } from "./cell-cap";
import { decodeText, looksBinary } from "./text";
import { ImportFileError, type ReadLimits, type Sheet } from "./types";

const DELIMITERS = [";", ",", "\t"] as const;
/** Enough text for the 40 rows detectDelimiter looks at, in any real file. */
const DETECT_SAMPLE = 256 * 1024;
const DELIMITER_NAMES: Record<string, string> = { ";": "semikolon", ",": "komma", "\t": "tabb" };

export function readCsv(bytes: Uint8Array, limits: ReadLimits): Sheet {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) {
    throw new ImportFileError(
      "Filen ser inte ut att vara en CSV-fil (den innehåller binära data). Spara den som CSV eller Excel och försök igen.",
    );
  }
  // Excel's "sep=;" first line names the delimiter; the line itself is not data.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  const body = hint ? text.slice(hint[0].length) : text;
  // The first rows decide; papaparse would otherwise copy and scan the whole text three times.
  const delimiter = hint?.[1] ?? detectDelimiter(body.slice(0, DETECT_SAMPLE));
  const offset = hint ? 1 : 0;
  checkCsvCells(body, delimiter, limits.maxCells ?? DEFAULT_MAX_CELLS);
  // Never parse more rows than we would accept (20 MB of line breaks is 20 million rows);
  // the one extra row tells us the file is too big.
  const parsed = Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    preview: limits.maxRows + 51,
  });
  if (parsed.data.length > limits.maxRows + 50) {
    throw new ImportFileError(
      `Filen har fler än ${limits.maxRows} rader; högst ${limits.maxRows} tas emot. Dela upp filen.`,
    );
  }
  const rows = [];
  for (let i = 0; i < parsed.data.length; i++) {
    const cells = parsed.data[i]!;
    if (cells.length > limits.maxColumns) {
      throw new ImportFileError(
        `Rad ${i + 1} har ${cells.length} kolumner; högst ${limits.maxColumns} tas emot.`,
      );
    }
    if (cells.every((c) => c.trim() === "")) continue;
    rows.push({ row: i + 1 + offset, cells: cells.map((c) => (c.trim() === "" ? null : c)) });
  }
  return {
    rows,
    date1904: false,
    format: `CSV, ${encoding}, ${DELIMITER_NAMES[delimiter]}`,
  };
}

/**
 * The delimiter that splits most of the first rows into the same number (> 1) of fields.
 * Title rows above the header have one field whatever the delimiter, so they do not vote.
 */
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; score: number; width: number } = {
    delimiter: ";",
    score: -1,
    width: 0,
  };
  for (const delimiter of DELIMITERS) {
    const { data } = Papa.parse<string[]>(text, { delimiter, preview: 40, skipEmptyLines: true });
    const widths = new Map<number, number>();
    for (const row of data) {
      const width = row.length;
      if (width > 1) widths.set(width, (widths.get(width) ?? 0) + 1);
    }
    for (const [width, count] of widths) {
      if (count > best.score || (count === best.score && width > best.width)) {
        best = { delimiter, score: count, width };
      }
    }
  }
  return best.delimiter;
}
