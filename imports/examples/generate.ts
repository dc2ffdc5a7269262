/**
 * Writes the sample files in imports/examples/ (committed; run `npx tsx imports/examples/generate.ts`
 * after changing this script). Small and realistic: title rows above headers, Excel date cells,
 * a Windows-1252 CSV with semicolons, a cumulative export with "Efternamn, Förnamn" names.
 */
import { writeFileSync } from "node:fs";
import iconv from "iconv-lite";
import * as XLSX from "xlsx";

const dir = new URL("./", import.meta.url);
const write = (name: string, bytes: Uint8Array) => writeFileSync(new URL(name, dir), bytes);

/** Excel serial for an ISO date (1900 date system). */
function serial(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function xlsx(rows: unknown[][], dateColumns: number[], firstDataRow: number, sheet: string): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  for (let r = firstDataRow; r < rows.length; r++) {
    for (const c of dateColumns) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })];
      if (cell && typeof rows[r]![c] === "string") {
        Object.assign(cell, { t: "n", v: serial(rows[r]![c] as string), z: "yyyy-mm-dd" });
      }
    }
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }));
}

function csv(rows: string[][], delimiter: string): string {
  const quote = (v: string) => (/[";,\n\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${rows.map((r) => r.map(quote).join(delimiter)).join("\r\n")}\r\n`;
}

const FSK = "Avdelningen för förskola";
const IFO = "Avdelningen för individ- och familjeomsorg";
const ALD = "Avdelningen för äldreomsorg";

// Anst.nr, Förnamn, Efternamn, E-post, Avdelning, Enhet, Enhetskod, Befattning, Anställningsdatum
const staff: string[][] = [
  ["100001", "Anna", "Berg", "Anna.Berg@skarholmen.example.se", FSK, "Bredängs förskoleenhet", "FSK01", "Förskollärare", "2012-08-15"],
  ["100002", "Mohammed", "Ali", "mohammed.ali@skarholmen.example.se", FSK, "Bredängs förskoleenhet", "FSK01", "Barnskötare", "2019-01-07"],
  ["100003", "Karin", "Lindqvist", "karin.lindqvist@skarholmen.example.se", FSK, "Sätra förskoleenhet", "FSK02", "Förskolechef", "2008-03-01"],
  ["100004", "Johan", "Nyström", "johan.nystrom@skarholmen.example.se", FSK, "Sätra förskoleenhet", "FSK02", "Barnskötare", "2021-09-01"],
  ["100005", "Fatima", "Hassan", "fatima.hassan@skarholmen.example.se", IFO, "Barn och ungdom utredning", "IFO01", "Socialsekreterare", "2017-05-15"],
  ["100006", "Erik", "Johansson", "erik.johansson@skarholmen.example.se", IFO, "Barn och ungdom utredning", "IFO01", "Socialsekreterare", "2015-11-02"],
  ["100007", "Leila", "Karimi", "leila.karimi@skarholmen.example.se", IFO, "Vuxenenheten", "IFO03", "Enhetschef", "2010-02-01"],
  ["100008", "Sven", "Olsson", "sven.olsson@skarholmen.example.se", ALD, "Hemtjänst Skärholmen", "ALD01", "Undersköterska", "2003-06-16"],
  ["100009", "Maria", "Andersson", "maria.andersson@skarholmen.example.se", ALD, "Hemtjänst Skärholmen", "ALD01", "Undersköterska", "2020-04-20"],
  ["100010", "Ahmed", "Yusuf", "ahmed.yusuf@skarholmen.example.se", ALD, "Hemtjänst Bredäng", "ALD02", "Vårdbiträde", "2023-10-01"],
];

const staffHeader = ["Anst.nr", "Förnamn", "Efternamn", "E-post", "Avdelning", "Enhet", "Enhetskod", "Befattning", "Anställningsdatum", "Personnummer"];
write(
  "personal-2025-12-31.xlsx",
  xlsx(
    [
      ["Personalförteckning Skärholmens stadsdelsförvaltning"],
      ["Uttag ur HR-systemet per 2025-12-31"],
      [],
      staffHeader,
      ...staff.map((r, i) => [...r, `19${70 + i}0101-${1234 + i}`]),
    ],
    [8],
    4,
    "Personal",
  ),
);

// Three months later, as Swedish Excel saves CSV: Windows-1252, semicolons, title rows.
// 100002 moved to Sätra, 100006 left, 100011 is new (in a new unit with an en dash),
// 100009 changed surname.
const later = staff
  .filter((r) => r[0] !== "100006")
  .map((r) => {
    if (r[0] === "100002") return [...r.slice(0, 5), "Sätra förskoleenhet", "FSK02", ...r.slice(7)];
    if (r[0] === "100009") return [r[0], r[1], "Lund", ...r.slice(3)];
    return r;
  });
later.push(["100011", "Sara", "Persson", "sara.persson@skarholmen.example.se", IFO, "Fältgruppen – ungdom", "IFO07", "Fältassistent", "2026-02-01"]);
const laterRows = [
  ["Personalförteckning"],
  ["Skärholmens stadsdelsförvaltning – per 2026-03-31"],
  ["Anställningsnummer", "Namn", "Epost", "Avdelning", "Enhet", "Kostnadsställe", "Titel", "Anst.datum"],
  ...later.map((r) => [r[0]!, `${r[2]}, ${r[1]}`, r[3]!, r[4]!, r[5]!, r[6]!, r[7]!, r[8]!]),
];
write("personal-2026-03-31.csv", new Uint8Array(iconv.encode(csv(laterRows, ";"), "win1252")));

// Cumulative export from the web course platform (UTF-8 with BOM, commas, quoted names).
const exportRows = [
  ["Namn", "E-postadress", "Kurs", "Status", "Startdatum", "Slutförd datum"],
  ["Berg, Anna", "anna.berg@skarholmen.example.se", "Våldsbejakande extremism – webbutbildning", "Genomförd", "2025-03-04 10:15", "2025-03-04 11:02"],
  ["Mohammed Ali", " Mohammed.Ali@Skarholmen.example.se ", "Våldsbejakande extremism - webbutbildning", "Påbörjad", "2025-11-20 08:30", ""],
  ["Lindqvist, Karin", "karin.lindqvist@skarholmen.example.se", "VBE webbutbildning", "Slutförd", "2025-05-12", "2025-05-19"],
  ["Johan Nyström", "johan.nystrom@skarholmen.example.se", "Våldsbejakande extremism – webbutbildning", "Ej påbörjad", "", ""],
  ["Hassan, Fatima", "fatima.hassan@skarholmen.example.se", "Våldsbejakande extremism – webbutbildning", "Avklarad", "2025-09-01", "2025-09-01"],
  ["Erik Johansson", "erik.johansson@skarholmen.example.se", "Brandskydd grundkurs", "Genomförd", "2025-02-10", "2025-02-10"],
  ["Olsson, Sven", "sven.olsson@skarholmen.example.se", "Våldsbejakande extremism – webbutbildning", "Pågående", "2025-12-02", ""],
  ["Okänd, Vikarie", "vikarie.okand@gmail.example.com", "Våldsbejakande extremism – webbutbildning", "Genomförd", "2025-06-11", "2025-06-11"],
  ["Maria Andersson", "maria.andersson@skarholmen.example.se", "Våldsbejakande extremism – webbutbildning", "Not started", "", ""],
];
write("webbutbildning-export.csv", new TextEncoder().encode(`\ufeff${csv(exportRows, ",")}`));

// Attendance list for a deepened course: no Status column, present = completed on Datum.
const course = "Fördjupad utbildning om våldsbejakande extremism";
write(
  "narvaro-fordjupning.xlsx",
  xlsx(
    [
      [`Närvarolista – ${course}`],
      ["Plats: Skärholmens stadsdelsförvaltning"],
      ["Namn", "E-post", "Utbildning", "Datum"],
      ["Leila Karimi", "leila.karimi@skarholmen.example.se", course, "2025-10-14"],
      ["Fatima Hassan", "fatima.hassan@skarholmen.example.se", course, "2025-10-14"],
      ["Erik Johansson", "ERIK.JOHANSSON@skarholmen.example.se", "Fördjupningsutbildning VBE", "2025-10-14"],
    ],
    [3],
    3,
    "Närvaro",
  ),
);
console.log("Wrote sample files to imports/examples/");
