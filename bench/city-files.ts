/**
 * Files at the scale of a whole city (Stockholm stad: ≈48 000 staff, ≈800 units, ≈150 000
 * course rows a year) for bench/city.ts and the import tests that count work, from the one
 * demo-file generator (src/services/demo/files.ts) over a city-sized organisation.
 */
import { strToU8, Zip, ZipDeflate } from "fflate";
import { cityOrganisation } from "../src/domain/demo-history";
import { type DemoData, generateDemoData } from "../src/domain/demo-organisation";
import {
  EXPORT_HEADER,
  excelCsvFile,
  exportRows,
  staffRows as listedOn,
  STAFF_HEADER,
  xlsxFile,
} from "../src/services/demo/files";

export { STAFF_HEADER };
export const WEB = "Våldsbejakande extremism – webbutbildning";
const AS_OF = "2026-11-25";
const cache = new Map<string, DemoData>();

/** The city's people: enough that the staff list as of AS_OF has at least `n` rows. */
function city(n: number, units: number): DemoData {
  const key = `${n}/${units}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      generateDemoData(Math.ceil(n * 1.15) + 10, AS_OF, 2025, cityOrganisation(units)),
    );
  }
  return cache.get(key)!;
}

/** The first `n` rows of the city's staff list as of AS_OF (STAFF_HEADER columns). */
export function staffRows(n: number, units = 800): unknown[][] {
  return listedOn(city(n, units), AS_OF, cityOrganisation(units)).slice(0, n);
}

export function staffXlsx(n: number): Uint8Array {
  const rows = staffRows(n) as Parameters<typeof xlsxFile>[3];
  return xlsxFile("Personal", ["Personalförteckning, hela staden"], STAFF_HEADER, rows);
}

/**
 * The platform's cumulative export for the same city, repeated as each month's file repeats
 * the earlier rows, cut at `rows`. People beyond the first `staff` of the staff list are in
 * the export only (unmatched), as substitutes and consultants are.
 */
export function completionsCsv(rows: number, staff: number): Uint8Array {
  const data = city(staff, 800);
  const once = exportRows(data, AS_OF).length;
  const all = exportRows(data, AS_OF, Math.ceil(rows / once)).slice(0, rows);
  return excelCsvFile([], EXPORT_HEADER, all, { delimiter: ",", encoding: "utf-8-bom" });
}

/**
 * A small .xlsx whose one sheet unpacks to `rows` × `cols` cells (≈15 bytes of XML each,
 * under the unpacked-size guard) and whose <dimension> claims A1:B2: it must be refused by
 * counting, quickly, without SheetJS ever parsing it.
 */
export function cellBombXlsx(rows: number, cols: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const add = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 9 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  add(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  add(
    "xl/workbook.xml",
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  add(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  sheet.push(
    strToU8(
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B2"/><sheetData>',
    ),
  );
  const row = strToU8(`<row>${"<c><v>1</v></c>".repeat(cols)}</row>`.repeat(1000));
  for (let r = 0; r < rows; r += 1000) sheet.push(row);
  sheet.push(strToU8("</sheetData></worksheet>"), true);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
