import { strToU8, unzipSync, zipSync } from "fflate";
import iconv from "iconv-lite";
import * as XLSX from "xlsx";

/** An .xlsx workbook with one sheet holding `rows` (strings and numbers as given). */
export function xlsxBytes(
  rows: unknown[][],
  opts: { sheet?: string; date1904?: boolean } = {},
): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), opts.sheet ?? "Blad1");
  if (opts.date1904) wb.Workbook = { WBProps: { date1904: true } };
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }));
}

/** An old binary .xls workbook. */
export function xlsBytes(rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "Blad1");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "biff8" }));
}

export function utf8(text: string, bom = false): Uint8Array {
  return new TextEncoder().encode(bom ? `\ufeff${text}` : text);
}

export function cp1252(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, "win1252"));
}

/** Rewrites the declared `<dimension ref>` of the first sheet (what bloated files claim). */
export function withDeclaredDimension(bytes: Uint8Array, ref: string): Uint8Array {
  return withPart(bytes, "xl/worksheets/sheet1.xml", (xml) => {
    if (!/<dimension ref="[^"]*"/.test(xml)) throw new Error("no <dimension> in sheet1.xml");
    return xml.replace(/<dimension ref="[^"]*"/, `<dimension ref="${ref}"`);
  });
}

/** SpreadsheetML's main namespace and Office's relationship types, for hand-written packages. */
export const SHEET_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const OFFICE_RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface HandSheet {
  name: string;
  /** The worksheet's <sheetData> content, or a whole chartsheet. */
  data?: string;
  chart?: boolean;
  state?: string;
}

/** A package written by hand, as other generators (OpenXML SDK, Google, scripts) write them. */
export function handWrittenXlsx(
  sheets: HandSheet[],
  opts: { strings?: string[]; date1904?: boolean; prefix?: string; rawSheet?: string } = {},
): Uint8Array {
  const p = opts.prefix ?? "";
  const ns = p ? `xmlns:${p.slice(0, -1)}="${SHEET_MAIN_NS}"` : `xmlns="${SHEET_MAIN_NS}"`;
  const files: Record<string, Uint8Array> = {};
  const overrides = sheets.map(
    (s, i) =>
      `<Override PartName="/xl/${s.chart ? "chartsheets" : "worksheets"}/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${s.chart ? "chartsheet" : "worksheet"}+xml"/>`,
  );
  if (opts.strings) {
    overrides.push(
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    );
    files["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns} count="${opts.strings.length}">${opts.strings.join("")}</${p}sst>`,
    );
  }
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${OFFICE_RELS_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0"?><${p}workbook ${ns} xmlns:r="${OFFICE_RELS_NS}">${opts.date1904 ? `<${p}workbookPr date1904="1"/>` : ""}<${p}sheets>${sheets
      .map(
        (s, i) =>
          `<${p}sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ""}/>`,
      )
      .join("")}</${p}sheets></${p}workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((s, i) =>
        s.chart
          ? `<Relationship Id="rId${i + 1}" Type="${OFFICE_RELS_NS}/chartsheet" Target="chartsheets/sheet${i + 1}.xml"/>`
          : `<Relationship Id="rId${i + 1}" Type="${OFFICE_RELS_NS}/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("")}</Relationships>`,
  );
  sheets.forEach((s, i) => {
    if (s.chart) {
      files[`xl/chartsheets/sheet${i + 1}.xml`] = strToU8(
        `<?xml version="1.0"?><chartsheet xmlns="${SHEET_MAIN_NS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`,
      );
      return;
    }
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      opts.rawSheet ??
        `<?xml version="1.0" encoding="UTF-8"?>\r\n<${p}worksheet ${ns}><${p}dimension ref="A1"/><${p}sheetData>${s.data ?? ""}</${p}sheetData><${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`,
    );
  });
  return zipSync(files);
}

/** `bytes` with one part replaced (or added), and `edit` applied to it. */
export function withPart(
  bytes: Uint8Array,
  name: string,
  edit: (xml: string) => string,
): Uint8Array {
  const files = unzipSync(bytes);
  files[name] = strToU8(edit(files[name] ? new TextDecoder().decode(files[name]) : ""));
  return zipSync(files);
}
