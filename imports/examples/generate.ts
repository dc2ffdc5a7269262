/**
 * Writes the sample files in imports/examples/ (committed; run `npx tsx imports/examples/generate.ts`
 * after changing this script or the demo generator). They continue the demo organisation that
 * `npm start` seeds (src/services/demo/): HR's year-end staff list, the course platform's
 * December export and an attendance list, naming demo people, so following README's import
 * steps on the demo database changes a few people, not all of them.
 *
 * EXAMPLES records who changes; test/services/imports/examples-on-demo.test.ts checks every
 * count against it.
 */
import { writeFileSync } from "node:fs";
import { type DemoPerson, generateDemoData } from "../../src/domain/demo-organisation";
import {
  ATTENDANCE_HEADER,
  type Cell,
  dateCell,
  EXPORT_HEADER,
  excelCsvFile,
  type Rows,
  STAFF_HEADER,
  staffRows,
  xlsxFile,
} from "../../src/services/demo/files";
import { EXAMPLES, EXAMPLES_DEMO_TODAY, examplePeople } from "./people";

const dir = new URL("./", import.meta.url);
const write = (name: string, bytes: Uint8Array) => writeFileSync(new URL(name, dir), bytes);

const data = generateDemoData(undefined, EXAMPLES_DEMO_TODAY);
const who = examplePeople(data);
const WEBB = "Våldsbejakande extremism – webbutbildning";
const FORDJUPNING = "Fördjupad utbildning om våldsbejakande extremism";
const name = (p: DemoPerson) => `${p.firstName} ${p.lastName}`;
const reversed = (p: DemoPerson) => `${p.lastName}, ${p.firstName}`;

// Year-end staff list (.xlsx, title rows, Excel dates, a Personnummer column the import drops).
const leaving = new Set(who.leavers.map((p) => p.employeeNo));
const moved = new Map(who.movers.map((p, i) => [p.employeeNo, EXAMPLES.moves[i]!]));
const yearEnd: Rows = staffRows(data, EXAMPLES_DEMO_TODAY)
  .filter((r) => !leaving.has(r[0] as string))
  .map((r) => {
    const to = moved.get(r[0] as string);
    const row = to ? [...r.slice(0, 4), to.avdelning, to.avdelningCode, to.enhet, to.code, ...r.slice(8)] : r;
    return r[0] === who.renamed.employeeNo ? [row[0]!, row[1]!, EXAMPLES.newSurname, ...row.slice(3)] : row;
  });
for (const h of EXAMPLES.hires) {
  yearEnd.push([h.no, h.first, h.last, h.email, h.avdelning, h.avdelningCode, h.enhet, h.code, h.title, dateCell(h.from)]);
}
const withPnr = yearEnd.map((r, i): Cell[] => [...r, `19${String(60 + (i % 40))}0101-${String(1000 + i).slice(-4)}`]);
write(
  "personal-2026-12-31.xlsx",
  xlsxFile("Personal", ["Personalförteckning Skärholmens stadsdelsförvaltning", "Uttag ur HR-systemet per 2026-12-31"], [...STAFF_HEADER, "Personnummer"], withPnr),
);

// Three months later as Swedish Excel saves CSV: Windows-1252, `;`, other header words, a
// "Efternamn, Förnamn" Namn column, no Avdelningskod. One more leaver, move and hire.
const later: Rows = yearEnd
  .filter((r) => r[0] !== who.laterLeaver.employeeNo)
  .map((r) => (r[0] === who.laterMover.employeeNo ? [...r.slice(0, 6), EXAMPLES.laterMove.enhet, EXAMPLES.laterMove.code, ...r.slice(8)] : r));
const lh = EXAMPLES.laterHire;
later.push([lh.no, lh.first, lh.last, lh.email, lh.avdelning, lh.avdelningCode, lh.enhet, lh.code, lh.title, dateCell(lh.from)]);
write(
  "personal-2027-03-31.csv",
  excelCsvFile(
    ["Personalförteckning", "Skärholmens stadsdelsförvaltning – per 2027-03-31"],
    ["Anställningsnummer", "Namn", "Epost", "Avdelning", "Enhet", "Kostnadsställe", "Titel", "Anst.datum"],
    later.map((r) => [r[0]!, `${r[2]}, ${r[1]}`, r[3]!, r[4]!, r[6]!, r[7]!, r[8]!, r[9]!]),
  ),
);

// The platform's December export (UTF-8 with BOM, `,`, quoted names): a repeated 2025 row,
// new starts and completions, a year-end hire, rows that say nothing, an unknown person.
const { repeat, completes, starts, finishes, hire, shouting, notStarted } = who.export;
const firstDate = (p: DemoPerson, kind: string) =>
  data.events.find((e) => e.employeeNo === p.employeeNo && e.courseId === "vbe-webb" && e.kind === kind)!.date;
const exportRows: Rows = [
  [reversed(repeat), repeat.email, WEBB, "Genomförd", firstDate(repeat, "started"), firstDate(repeat, "completed")],
  [reversed(completes), completes.email, "VBE webbutbildning", "Slutförd", firstDate(completes, "started"), "2026-12-03"],
  [reversed(starts), starts.email, WEBB, "Påbörjad", "2026-12-02 08:30", ""],
  [name(finishes), finishes.email, "Våldsbejakande extremism - webbutbildning", "Genomförd", "2026-12-04 10:15", "2026-12-04 11:02"],
  [`${EXAMPLES.hires[1]!.last}, ${EXAMPLES.hires[1]!.first}`, EXAMPLES.hires[1]!.email, WEBB, "Avklarad", "2026-12-16", "2026-12-16"],
  [name(shouting), ` ${shouting.email.toUpperCase()} `, WEBB, "Klar", "2026-12-05", "2026-12-05"],
  [reversed(notStarted[0]!), notStarted[0]!.email, WEBB, "Ej påbörjad", "", ""],
  [name(notStarted[1]!), notStarted[1]!.email, WEBB, "Not started", "", ""],
  [reversed(hire), hire.email, "Brandskydd grundkurs", "Genomförd", "2026-12-10", "2026-12-10"],
  ["Okänd, Vikarie", "vikarie.okand@gmail.example.com", WEBB, "Genomförd", "2026-12-11", "2026-12-11"],
];
write("webbutbildning-export.csv", excelCsvFile([], EXPORT_HEADER, exportRows, { delimiter: ",", encoding: "utf-8-bom" }));

// Attendance list of the deepened course on 8 December (no Status: present = completed).
write(
  "narvaro-fordjupning.xlsx",
  xlsxFile(
    "Närvaro",
    [`Närvarolista – ${FORDJUPNING}`, "Plats: Skärholmens stadsdelsförvaltning"],
    ATTENDANCE_HEADER,
    who.attendance.map((p, i) => [
      name(p),
      i === 2 ? p.email.toUpperCase() : p.email,
      i === 2 ? "Fördjupningsutbildning VBE" : FORDJUPNING,
      dateCell("2026-12-08"),
    ]),
  ),
);
console.log(`Wrote sample files to imports/examples/ (${yearEnd.length} staff at year end)`);
