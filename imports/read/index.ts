/** Reads an uploaded file (bytes, never Buffer: also runs in Workers) into one sheet of cells. */
import { readCsv } from "./csv";
import { DEFAULT_READ_LIMITS, ImportFileError, type ReadLimits, type Sheet } from "./types";
import { readWorkbook } from "./xlsx";

export * from "./types";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function formatMegabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString("sv-SE", { maximumFractionDigits: 1 })} MB`;
}

export function readSheet(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Sheet {
  if (bytes.length === 0) throw new ImportFileError("Filen är tom.");
  if (bytes.length > limits.maxBytes) {
    throw new ImportFileError(
      `Filen är ${formatMegabytes(bytes.length)}; högst ${formatMegabytes(limits.maxBytes)} tas emot.`,
    );
  }
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (ext === "xlsx" || ext === "xlsm") {
    if (!startsWith(bytes, ZIP)) {
      throw new ImportFileError(
        `'${fileName}' heter .${ext} men är ingen Excel-fil. Öppna den i Excel och spara som Excel-arbetsbok (.xlsx).`,
      );
    }
    return readWorkbook(bytes, limits, "xlsx");
  }
  if (ext === "ods") {
    if (!startsWith(bytes, ZIP)) {
      throw new ImportFileError(
        `'${fileName}' heter .ods men är inget OpenDocument-kalkylblad. Öppna den i LibreOffice och spara som .ods.`,
      );
    }
    return readWorkbook(bytes, limits, "ods");
  }
  if (ext === "fods") {
    // Flat ODS is one XML document; anything packed or binary is not one.
    if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) {
      throw new ImportFileError(
        `'${fileName}' heter .fods men är packad. Byt filändelse till .ods eller .xlsx.`,
      );
    }
    return readWorkbook(bytes, limits, "fods");
  }
  if (ext === "xls") {
    // Old .xls is OLE2; some systems write HTML or CSV and call it .xls — read those as text.
    if (startsWith(bytes, OLE) || startsWith(bytes, ZIP)) return readWorkbook(bytes, limits, "xls");
    return readCsv(bytes, limits);
  }
  if (ext === "csv" || ext === "txt" || ext === "tsv") {
    if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) {
      throw new ImportFileError(
        `'${fileName}' heter .${ext} men är en Excel-fil. Byt filändelse till .xlsx eller spara som CSV.`,
      );
    }
    return readCsv(bytes, limits);
  }
  throw new ImportFileError(
    `Filtypen ${ext ? `.${ext}` : "utan filändelse"} stöds inte. Använd Excel (.xlsx, .xls), OpenDocument (.ods) eller CSV (.csv).`,
  );
}
