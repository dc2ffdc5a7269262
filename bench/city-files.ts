/**
 * Files at the scale of a whole city (Stockholm stad: ≈48 000 staff, ≈800 units, ≈150 000
 * course rows a year) for bench/city.ts. A thin generator of its own, to be pointed at the
 * shared test-file generator once that exists (issue 11).
 */
import { strToU8, Zip, ZipDeflate } from "fflate";
import * as XLSX from "xlsx";

export const WEB = "Våldsbejakande extremism – webbutbildning";
export const STAFF_HEADER = [
  "Anst.nr",
  "Förnamn",
  "Efternamn",
  "E-post",
  "Avdelning",
  "Avdelningskod",
  "Enhet",
  "Enhetskod",
  "Befattning",
  "Anställningsdatum",
];
const FIRST = ["Anna", "Bo", "Cecilia", "David", "Eva", "Fredrik", "Gun", "Hassan", "Ida", "Jonas"];
const LAST = ["Berg", "Ek", "Lind", "Holm", "Nyström", "Öberg", "Åkesson", "Ali", "Karlsson"];
const TITLES = ["Förskollärare", "Barnskötare", "Undersköterska", "Handläggare", "Lärare"];

export function staffRows(n: number, units = 800): unknown[][] {
  return Array.from({ length: n }, (_, i) => {
    const u = i % units;
    const d = u % 16;
    return [
      String(200001 + i),
      FIRST[i % FIRST.length],
      `${LAST[(i >> 3) % LAST.length]}${i}`,
      `person${200001 + i}@stad.example.se`,
      `Förvaltning ${d}`,
      `F${d}`,
      `Enhet ${u}`,
      `E${u}`,
      TITLES[i % TITLES.length],
      36526 + (i % 9000), // Excel serial dates 2000–2024
    ];
  });
}

export function staffXlsx(n: number): Uint8Array {
  const wb = XLSX.utils.book_new();
  const aoa = [["Personalförteckning, hela staden"], STAFF_HEADER, ...staffRows(n)];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { dense: true }), "Personal");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }));
}

/** A cumulative webbutbildning export: several rows per person, 3 % not in the staff list. */
export function completionsCsv(rows: number, staff: number): Uint8Array {
  const lines = ["Namn,E-post,Kurs,Status,Startdatum,Slutförd datum"];
  for (let i = 0; i < rows; i++) {
    const p = i % staff;
    const known = i % 33 !== 0;
    const email = known ? `person${200001 + p}@stad.example.se` : `extern${i}@konsult.example.se`;
    const month = String(1 + ((i * 7) % 12)).padStart(2, "0");
    const day = String(1 + (i % 28)).padStart(2, "0");
    const course = i % 5 === 4 ? "Otillåten påverkan" : WEB;
    const status = i % 10 === 0 ? "Ej påbörjad" : i % 3 === 0 ? "Påbörjad" : "Genomförd";
    const done = status === "Genomförd" ? `2025-${month}-${day}` : "";
    lines.push(
      `"${LAST[p % LAST.length]}${p}, ${FIRST[p % FIRST.length]}",${email},${course},${status},2025-${month}-01,${done}`,
    );
  }
  return strToU8(`${lines.join("\n")}\n`);
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
