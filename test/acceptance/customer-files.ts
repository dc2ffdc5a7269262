/**
 * Messy-but-realistic customer files, written the way Swedish municipal HR (Excel, the HR
 * system's export) and an e-learning platform produce them. The expected figures are worked
 * out by hand in customer-files.test.ts from the rows below — keep the two in step.
 *
 * The people (anst.nr, e-mail at work):
 *   1001 Anna Andersson    Förskola / Bredängs förskoleenhet FSK01
 *   1002 Bo Berg           Förskola / Bredängs förskoleenhet FSK01
 *   1003 Cecilia Carlsson  Förskola / Sätra förskoleenhet FSK02   — missing in 2025 (leaver)
 *   1004 David Dahl        Förskola / Sätra FSK02 → Äldreomsorg / Hemtjänst Skärholmen ALD01 (mover)
 *   1005 Eva Ek            Äldreomsorg / Hemtjänst Skärholmen ALD01 — never starts the course
 *   1006 Fredrik Falk      ALD01, hired 2024-06-01
 *   1007 Greta Grön        ALD01
 *   1008 Henrik Holm       FSK02 from 2025-03-03; did the web course 2024-11-10 as a substitute
 *   1009 Ingrid Ivarsson   ALD01, Anställningsdatum 2024-10-14 but first listed in the 2025 list
 *   1010 Johan Jonsson     FSK01 from 2025-08-18; does the course in January 2026
 *   —    Ulla Ut           ulla.ut@extern.se, in the platform only (never matched)
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import * as XLSX from "xlsx";

const WEBB = "Våldsbejakande extremism – webbutbildning"; // en dash, as in the catalogue

/** Excel's serial day number (1900 system) of a calendar date, plus a time of day. */
function serial(iso: string, hours = 0, minutes = 0): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return days + (hours * 60 + minutes) / 1440;
}

type Cell = string | number | null;

/** An .xlsx sheet; numbers in `dateCols` get a date number format like Excel gives them. */
function xlsx(rows: Cell[][], opts: { dateCols?: number[]; merges?: string[]; from: number }) {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  for (let r = opts.from; r < rows.length; r++) {
    for (const c of opts.dateCols ?? []) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (cell && cell.t === "n") cell.z = "yyyy-mm-dd hh:mm";
    }
  }
  ws["!merges"] = (opts.merges ?? []).map((ref) => XLSX.utils.decode_range(ref));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Instruktioner: se flik 2"]]), "Info");
  XLSX.utils.book_append_sheet(wb, ws, "Blad1");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }));
}

/** Staff as of 2024-12-31: .xlsx from the HR system, two title rows, a group header
 * merged over the unit columns (looks like a two-row header), Excel serial dates, employee
 * numbers as numbers, "ANST.NR" and "E-postadress " (trailing space), one row pasted twice. */
export function staff2024(): Uint8Array {
  const rows: Cell[][] = [
    ["Personalförteckning Skärholmens stadsdelsförvaltning", null, null, null, null, null, null],
    ["Uttaget 2025-01-03 av HR-avdelningen", null, null, null, null, null, null],
    [null, null, null, null, "Organisation", null, null, null, "Anställning"],
    [
      "ANST.NR",
      "Förnamn",
      " Efternamn",
      "E-postadress ",
      "Avdelning",
      "Enhet",
      "Enhetskod",
      "Befattning",
      "Anställningsdatum",
    ],
    [
      1001,
      "Anna",
      "Andersson",
      "anna.andersson@sdf.se",
      "Förskola",
      "Bredängs förskoleenhet",
      "FSK01",
      "Förskollärare",
      serial("2015-08-01"),
    ],
    [
      1002,
      "Bo",
      "Berg",
      "bo.berg@sdf.se",
      "Förskola",
      "Bredängs förskoleenhet",
      "FSK01",
      "Barnskötare",
      serial("2019-01-07"),
    ],
    [
      1003,
      "Cecilia",
      "Carlsson",
      "cecilia.carlsson@sdf.se",
      "Förskola",
      "Sätra förskoleenhet",
      "FSK02",
      "Förskollärare",
      serial("2020-03-01"),
    ],
    [
      1004,
      "David",
      "Dahl",
      "david.dahl@sdf.se",
      "Förskola",
      "Sätra förskoleenhet",
      "FSK02",
      "Barnskötare",
      serial("2018-05-14"),
    ],
    [
      1002,
      "Bo",
      "Berg",
      "bo.berg@sdf.se",
      "Förskola",
      "Bredängs förskoleenhet",
      "FSK01",
      "Barnskötare",
      serial("2019-01-07"),
    ],
    [
      1005,
      "Eva",
      "Ek",
      "eva.ek@sdf.se",
      "Äldreomsorg",
      "Hemtjänst Skärholmen",
      "ALD01",
      "Undersköterska",
      serial("2010-01-01"),
    ],
    [
      1006,
      "Fredrik",
      "Falk",
      "fredrik.falk@sdf.se",
      "Äldreomsorg",
      "Hemtjänst Skärholmen",
      "ALD01",
      "Undersköterska",
      serial("2024-06-01"),
    ],
    [
      1007,
      "Greta",
      "Grön",
      "greta.gron@sdf.se",
      "Äldreomsorg",
      "Hemtjänst Skärholmen",
      "ALD01",
      "Enhetschef",
      serial("2021-09-01"),
    ],
  ];
  return xlsx(rows, { dateCols: [8], merges: ["E3:G3", "H3:I3"], from: 4 });
}

/** Staff as of 2025-12-31: UTF-8 CSV with `,`, one "Efternamn, Förnamn" Namn column (quoted),
 * d/m/yyyy dates, odd header spacing/case, an e-mail in other case with spaces. Cecilia is
 * gone, David moved to ALD01, Henrik, Ingrid and Johan are new. */
export function staff2025(): Uint8Array {
  const lines = [
    "Anställningsnummer,Namn, E-post ,AVDELNING,Enhet,Enhetskod,Befattning,Anställningsdatum",
    '1001,"Andersson, Anna", Anna.Andersson@SDF.se ,Förskola,Bredängs förskoleenhet,FSK01,Förskollärare,1/8/2015',
    '1002,"Berg, Bo",bo.berg@sdf.se,Förskola,Bredängs förskoleenhet,FSK01,Barnskötare,7/1/2019',
    '1004,"Dahl, David",david.dahl@sdf.se,Äldreomsorg,Hemtjänst Skärholmen,ALD01,Barnskötare,14/5/2018',
    '1005,"Ek, Eva",eva.ek@sdf.se,Äldreomsorg,Hemtjänst Skärholmen,ALD01,Undersköterska,1/1/2010',
    '1006,"Falk, Fredrik",fredrik.falk@sdf.se,Äldreomsorg,Hemtjänst Skärholmen,ALD01,Undersköterska,1/6/2024',
    '1007,"Grön, Greta",greta.gron@sdf.se,Äldreomsorg,Hemtjänst Skärholmen,ALD01,Enhetschef,1/9/2021',
    '1008,"Holm, Henrik",henrik.holm@sdf.se,Förskola,Sätra förskoleenhet,FSK02,Förskollärare,3/3/2025',
    '1009,"Ivarsson, Ingrid",ingrid.ivarsson@sdf.se,Äldreomsorg,Hemtjänst Skärholmen,ALD01,Undersköterska,14/10/2024',
    '1010,"Jonsson, Johan",johan.jonsson@sdf.se,Förskola,Bredängs förskoleenhet,FSK01,Barnskötare,18/8/2025',
  ];
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

/** Platform export taken 2025-01-10, opened and saved by Swedish Excel: Windows-1252, `;`,
 * CRLF, dates with time, a duplicate row, an unmatched substitute (Henrik, not yet staff),
 * an external person, a course outside the catalogue, "Ej påbörjad" rows. */
export function exportA(): Uint8Array {
  const lines = [
    "Namn;E-postadress ;Kursnamn;STATUS;Påbörjad datum;slutförd  datum",
    `Anna Andersson;anna.andersson@sdf.se;${WEBB};Genomförd;2024-03-04 10:15:00;2024-03-04 11:02:00`,
    `Bo Berg; Bo.Berg@SDF.se;${WEBB};Påbörjad;2024-11-20 08:00:00;`,
    `Cecilia Carlsson;cecilia.carlsson@sdf.se;${WEBB};Genomförd;2024-05-02 13:00:00;2024-05-06 09:30:00`,
    `David Dahl;david.dahl@sdf.se;${WEBB};Ej påbörjad;;`,
    "Eva Ek;eva.ek@sdf.se;Brandskydd – grundutbildning;Genomförd;2024-02-01 09:00:00;2024-02-01 12:00:00",
    `Fredrik Falk;FREDRIK.FALK@sdf.se;${WEBB};Påbörjad;2024-12-30 16:45:00;`,
    `Henrik Holm;henrik.holm@sdf.se;${WEBB};Genomförd;2024-11-10 09:00:00;2024-11-10 09:40:00`,
    `Ulla Ut;ulla.ut@extern.se;${WEBB};Genomförd;2024-06-01 10:00:00;2024-06-01 10:30:00`,
    `Anna Andersson;anna.andersson@sdf.se;${WEBB};Genomförd;2024-03-04 10:15:00;2024-03-04 11:02:00`,
    "Greta Grön;greta.gron@sdf.se;VBE webbutbildning;Ej påbörjad;;",
  ];
  return new Uint8Array(iconv.encode(`${lines.join("\r\n")}\r\n`, "win1252"));
}

/** Cumulative export taken 2025-07-01: UTF-8 with BOM, `,`, quoted "Efternamn, Förnamn",
 * d/m/yyyy dates (4/3/2025 is 4 March), the alias title in odd case and spacing. */
export function exportB(): Uint8Array {
  const t = "webbutbildning om  Våldsbejakande Extremism";
  const lines = [
    "Namn,E-post,Kurs,Status,Startdatum,Slutförd datum",
    `"Andersson, Anna",anna.andersson@sdf.se,${t},Genomförd,4/3/2024,4/3/2024`,
    `"Berg, Bo",bo.berg@sdf.se,${t},Påbörjad,20/11/2024,`,
    `"Carlsson, Cecilia",cecilia.carlsson@sdf.se,${t},Genomförd,2/5/2024,6/5/2024`,
    `"Dahl, David",david.dahl@sdf.se,${t},Påbörjad,2/6/2025,`,
    `"Ek, Eva",eva.ek@sdf.se,${t},Ej påbörjad,,`,
    `"Falk, Fredrik",fredrik.falk@sdf.se,${t},Genomförd,30/12/2024,4/3/2025`,
    `"Grön, Greta",greta.gron@sdf.se,${t},Pågående,15/5/2025,`,
    `"Holm, Henrik",henrik.holm@sdf.se,${t},Genomförd,10/11/2024,10/11/2024`,
    `"Ut, Ulla",ulla.ut@extern.se,${t},Genomförd,1/6/2024,1/6/2024`,
    `"Ivarsson, Ingrid",ingrid.ivarsson@sdf.se,${t},Not started,,`,
  ];
  return new TextEncoder().encode(`\ufeff${lines.join("\n")}\n`);
}

/** Cumulative export taken 2026-01-08 as .xlsx: title rows, an Anst.nr column (numbers,
 * some empty), serial dates with time fractions, today's statuses (Påbörjad → Genomförd),
 * Anna redid the course in 2025 (the platform shows her latest attempt), Ingrid uses a
 * private e-mail but has her anst.nr, Johan finishes in 2026. */
export function exportC(): Uint8Array {
  const w = WEBB;
  const rows: Cell[][] = [
    ["Kursrapport – alla deltagare"],
    ["Utdrag: 2026-01-08"],
    [],
    ["Namn", "E-postadress", "Anst.nr", "Utbildning", "Status", "Startdatum", "Slutförd datum"],
    [
      "Anna Andersson",
      "anna.andersson@sdf.se",
      1001,
      w,
      "Genomförd",
      serial("2025-11-03", 8, 30),
      serial("2025-11-03", 9, 10),
    ],
    [
      "Bo Berg",
      "bo.berg@sdf.se",
      null,
      w,
      "Genomförd",
      serial("2024-11-20", 8),
      serial("2025-02-14", 14, 5),
    ],
    [
      "Cecilia Carlsson",
      "cecilia.carlsson@sdf.se",
      1003,
      w,
      "Genomförd",
      serial("2024-05-02", 13),
      serial("2024-05-06", 9, 30),
    ],
    ["David Dahl", "david.dahl@sdf.se", 1004, w, "Påbörjad", serial("2025-06-02", 7, 55), null],
    ["Eva Ek", "eva.ek@sdf.se", 1005, w, "Ej påbörjad", null, null],
    [
      "Fredrik Falk",
      "fredrik.falk@sdf.se",
      1006,
      w,
      "Genomförd",
      serial("2024-12-30", 16, 45),
      serial("2025-03-04", 10, 15),
    ],
    [
      "Greta Grön",
      "greta.gron@sdf.se",
      1007,
      w,
      "Slutförd",
      serial("2025-05-15", 13),
      serial("2025-10-01", 15),
    ],
    [
      "Henrik Holm",
      "henrik.holm@sdf.se",
      null,
      w,
      "Genomförd",
      serial("2024-11-10", 9),
      serial("2024-11-10", 9, 40),
    ],
    [
      "Ingrid Ivarsson",
      "ingrid.ivarsson@gmail.com",
      1009,
      w,
      "Påbörjad",
      serial("2025-09-01", 10),
      null,
    ],
    [
      "Johan Jonsson",
      "johan.jonsson@sdf.se",
      1010,
      w,
      "Avklarad",
      serial("2026-01-05", 13),
      serial("2026-01-07", 9),
    ],
    [
      "Ulla Ut",
      "ulla.ut@extern.se",
      null,
      w,
      "Genomförd",
      serial("2024-06-01", 10),
      serial("2024-06-01", 10, 30),
    ],
    [
      "Bo Berg",
      "bo.berg@sdf.se",
      1002,
      "Arbetsmiljö – grundkurs",
      "Genomförd",
      serial("2025-04-01"),
      serial("2025-04-01"),
    ],
  ];
  return xlsx(rows, { dateCols: [5, 6], from: 4 });
}

/** Attendance list for the deepened course, autumn 2024: .xlsx, title rows, a serial date. */
export function attendance2024(): Uint8Array {
  const rows: Cell[][] = [
    ["Närvarolista"],
    ["Fördjupningsutbildning VBE, Skärholmen"],
    ["Namn", "E-post", "Utbildning", "Datum"],
    ["Greta Grön", "greta.gron@sdf.se", "Fördjupningsutbildning VBE", serial("2024-10-15")],
    ["Anna Andersson", "ANNA.ANDERSSON@SDF.SE", "Fördjupningsutbildning VBE", serial("2024-10-15")],
    [
      "Cecilia Carlsson",
      "cecilia.carlsson@sdf.se ",
      "Fördjupningsutbildning VBE",
      serial("2024-10-15"),
    ],
  ];
  return xlsx(rows, { dateCols: [3], from: 3 });
}

/** Attendance list 2025: UTF-8 `;` CSV typed by hand; Greta again (two courses and a
 * second signature), Cecilia (leaves in December), David. */
export function attendance2025(): Uint8Array {
  const lines = [
    "Namn;E-post;Kurs;Datum",
    "Grön, Greta;greta.gron@sdf.se;Fördjupningsutbildning VBE;2025-04-09",
    "Carlsson, Cecilia;cecilia.carlsson@sdf.se;Fördjupningsutbildning VBE;2025-04-09",
    "Dahl, David;david.dahl@sdf.se;FÖRDJUPNINGSUTBILDNING  VBE;2025-04-09",
    "Grön, Greta;greta.gron@sdf.se;Fördjupningsutbildning VBE;2025-04-09",
    "Grön, Greta;greta.gron@sdf.se;Otillåten påverkan;2025-09-17",
  ];
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

export const CUSTOMER_FILES = {
  "personal-2024-12-31.xlsx": staff2024,
  "personal-2025-12-31.csv": staff2025,
  "kursexport-2025-01-10.csv": exportA,
  "kursexport-2025-07-01.csv": exportB,
  "kursexport-2026-01-08.xlsx": exportC,
  "narvaro-2024.xlsx": attendance2024,
  "narvaro-2025.csv": attendance2025,
} as const;

export type CustomerFile = keyof typeof CUSTOMER_FILES;

/** Writes every file into `dir`; returns name → path. */
export function writeCustomerFiles(dir: string): Record<CustomerFile, string> {
  const out = {} as Record<CustomerFile, string>;
  for (const [name, make] of Object.entries(CUSTOMER_FILES)) {
    const path = join(dir, name);
    writeFileSync(path, make());
    out[name as CustomerFile] = path;
  }
  return out;
}

/**
 * A second administration's files (fresh database). Staff as of 2025-12-31, Windows-1252
 * from Swedish Excel: a `sep=;` line, a title row, empty `;;;` rows, anst.nr with leading
 * zeros, units whose names start with Å, Ä and Ö, a total line at the bottom.
 *   00123 Åsa Öberg      Årsta förskola   FSK10  2019-04-01
 *   00124 Örjan Åkesson  Årsta förskola   FSK10  2020-01-15
 *   00125 Ängla Ärlig    Älvsjö hemtjänst ALD10  2021-02-01
 *   00126 Kim Lund       Älvsjö hemtjänst ALD10  2025-12-31 (starts on the as-of date)
 */
export function staffOther(): Uint8Array {
  const lines = [
    "sep=;",
    "Personallista Enskede-Årsta-Vantör 2025-12-31;;;;;",
    ";;;;;",
    "Anst.nr;Namn;E-post;Enhet;Enhetskod;Anställningsdatum",
    "00123;Åsa Öberg;asa.oberg@sdf.se;Årsta förskola;FSK10;2019-04-01",
    "00124;Örjan Åkesson;orjan.akesson@sdf.se;Årsta förskola;FSK10;2020-01-15",
    ";;;;;",
    "00125;Ängla Ärlig;angla.arlig@sdf.se;Älvsjö hemtjänst;ALD10;2021-02-01",
    "00126;Kim Lund;kim.lund@sdf.se;Älvsjö hemtjänst;ALD10;2025-12-31",
    ";;;;;",
    "Summa: 4;;;;;",
  ];
  return new Uint8Array(iconv.encode(`${lines.join("\r\n")}\r\n`, "win1252"));
}

/**
 * That administration's platform writes American dates (m/d/yyyy). Only the Startdatum
 * column gives it away (3/25/2025, 12/30/2025); every Slutförd datum could be read either
 * way, but one system wrote the file, so 4/3/2025 there is 3 April too. Also a status with a
 * percentage, an e-mail in capitals, a row matched by anst.nr alone, a row with a name only.
 *   Åsa    started 2025-03-25, completed 2025-04-03
 *   Örjan  started and completed 2025-02-01
 *   Ängla  started 2025-12-30
 *   Kim    completed 2026-01-12 (after the year; 1/12/2026, not 1 December)
 *   Bo Nilsson: name only, no e-mail, no anst.nr → unmatched
 */
export function exportOther(): Uint8Array {
  const lines = [
    "Namn,E-postadress,Anställningsnummer,Kurs,Status,Startdatum,Slutförd datum",
    '"Öberg, Åsa",ASA.OBERG@SDF.SE,,VBE webbutbildning,Genomförd (100%),3/25/2025,4/3/2025',
    '"Åkesson, Örjan",orjan.akesson@sdf.se,,VBE webbutbildning,Klar,2/1/2025,2/1/2025',
    '"Ärlig, Ängla",angla.arlig@sdf.se,,VBE webbutbildning,Pågående (40%),12/30/2025,',
    '"Lund, Kim",,00126,VBE webbutbildning,Godkänd,1/12/2026,1/12/2026',
    '"Nilsson, Bo",,,VBE webbutbildning,Genomförd,5/5/2025,5/5/2025',
  ];
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}
