/**
 * Header synonyms, in ONE table: every column name met in HR's files (DESIGN.md, "Import
 * formats met in practice") plus obvious variants. Headers are compared after `headerKey`
 * (lower case, no spaces, dots, dashes or colons), so "E-post", "Epost" and "E post:" are one.
 */

export type Field =
  | "employeeNo"
  | "personnummer"
  | "firstName"
  | "lastName"
  | "name"
  | "email"
  | "unit"
  | "unitCode"
  | "department"
  | "departmentCode"
  | "title"
  | "employmentDate"
  | "extent"
  | "course"
  | "status"
  | "startedOn"
  | "completedOn"
  | "date"
  // Action-plan tables (handlingsplan): "status" above carries the follow-up status.
  | "area"
  | "activity"
  | "responsible"
  | "otherActors"
  | "timeline"
  | "comment"
  // Target groups (units, requirement rules, exemptions).
  | "functionLevel"
  | "tags"
  | "deadline"
  | "daysAfterStart"
  | "fromDate"
  | "toDate"
  | "reason";

export const HEADER_SYNONYMS: Record<Field, readonly string[]> = {
  employeeNo: [
    "Anställningsnummer",
    "Anst.nr",
    "Anst nr",
    "Anställningsnr",
    "Anställnings-ID",
    "Personalnummer",
    "Personalnr",
    "Medarbetarnummer",
    "Anställd nr",
    "Employee number",
    "Employee no",
    "Employee ID",
  ],
  // Recognised only so that it is dropped: a personnummer is never stored.
  personnummer: [
    "Personnummer",
    "Personnr",
    "Pers.nr",
    "Pnr",
    "Samordningsnummer",
    "Födelsenummer",
    "Personal identity number",
  ],
  firstName: ["Förnamn", "Tilltalsnamn", "First name", "Given name"],
  lastName: ["Efternamn", "Last name", "Surname", "Family name"],
  name: ["Namn", "Fullständigt namn", "Medarbetare", "Deltagare", "Name", "Full name"],
  email: [
    "E-post",
    "Epost",
    "E-postadress",
    "Mail",
    "Mailadress",
    "Mejl",
    "Mejladress",
    "E-mail",
    "E-mailadress",
    "Email address",
    "Arbetsmail",
    "E-post arbete",
  ],
  unit: ["Enhet", "Enhetsnamn", "Arbetsplats", "Organisationsenhet", "Unit"],
  unitCode: ["Enhetskod", "Kostnadsställe", "Kst", "Enhets-id", "Enhetsnummer", "Unit code"],
  department: ["Avdelning", "Avdelningsnamn", "Department"],
  departmentCode: ["Avdelningskod", "Avdelnings-id"],
  title: ["Befattning", "Befattningsbenämning", "Titel", "Yrkestitel", "Yrke", "Job title"],
  employmentDate: [
    "Anställningsdatum",
    "Anst.datum",
    "Anställd från",
    "Anställd sedan",
    "Anställd fr.o.m.",
    "Startdatum anställning",
    "Hire date",
  ],
  extent: [
    "Sysselsättningsgrad",
    "Syss.grad",
    "Omfattning",
    "Tjänstgöringsgrad",
    "Tjänstgöringsomfattning",
    "Anställningsgrad",
    "Arbetstidsmått",
  ],
  course: [
    "Kurs",
    "Kursnamn",
    "Kurstitel",
    "Utbildning",
    "Utbildningsnamn",
    "Webbutbildning",
    "Course",
    "Course name",
    "Course title",
  ],
  status: [
    "Status",
    "Kursstatus",
    "Utbildningsstatus",
    "Course status",
    "Completion status",
    // Action plans: the follow-up column, often the status word followed by a comment.
    "Uppföljning",
    "Status/uppföljning",
    "Status/kommentar",
    "Status och kommentar",
    "Uppföljning/status",
    "Lägesrapport",
  ],
  startedOn: [
    "Startdatum",
    "Påbörjad datum",
    "Påbörjad",
    "Påbörjades",
    "Datum påbörjad",
    "Start date",
    "Started on",
    "Date started",
  ],
  completedOn: [
    "Slutförd datum",
    "Slutförd",
    "Genomförd datum",
    "Datum genomförd",
    "Avklarad",
    "Slutdatum",
    "Klar datum",
    "Completion date",
    "Completed date",
    "Completed on",
    "Date completed",
  ],
  date: ["Datum", "Närvarodatum", "Kursdatum", "Utbildningsdatum", "Deltog datum", "Date"],
  area: ["Område", "Områden", "Insatsområde", "Fokusområde", "Målområde"],
  activity: [
    "Åtgärd / Aktivitet",
    "Aktivitet",
    "Aktiviteter",
    "Åtgärd",
    "Åtgärder",
    "Aktivitet/åtgärd",
    "Insats",
    "Insatser",
  ],
  responsible: ["Ansvarig", "Ansvariga", "Ansvar", "Huvudansvarig", "Ansvarig enhet"],
  otherActors: ["Övriga aktörer", "Övriga", "Samverkan", "Samverkanspartner", "Medverkande"],
  timeline: ["Tidplan", "Tidsplan", "Tidpunkt", "När", "Genomförs"],
  comment: [
    "Kommentar",
    "Kommentarer",
    "Uppföljning kommentar",
    "Kommentar uppföljning",
    "Notering",
  ],
  functionLevel: ["Funktionsnivå", "Funktionsnivåer", "Nivå"],
  tags: ["Taggar", "Tagg", "Etiketter", "Etikett"],
  deadline: ["Deadline", "Senast", "Senast klar", "Klar senast", "Slutdatum krav"],
  daysAfterStart: [
    "Dagar efter anställning",
    "Dagar efter anställningsstart",
    "Dagar efter start",
    "Inom dagar",
  ],
  fromDate: ["Från", "Från och med", "Fr.o.m.", "Fom", "Från datum", "Gäller från"],
  toDate: ["Till", "Till och med", "T.o.m.", "Tom", "Till datum", "Gäller till"],
  reason: ["Orsak", "Anledning", "Skäl"],
};

/**
 * The form headers are compared in: "E-post:" → "epost", "Anst. nr" → "anstnr",
 * "Anställningsdatum (ÅÅÅÅ-MM-DD)" → "anställningsdatum".
 */
export function headerKey(header: string): string {
  return header
    .normalize("NFC")
    .replace(/\([^)]*\)/g, "")
    .toLocaleLowerCase("sv-SE")
    .replace(/[\s.:*_\-–/()'"]+/g, "");
}

const BY_KEY: ReadonlyMap<string, Field> = new Map(
  (Object.entries(HEADER_SYNONYMS) as Array<[Field, readonly string[]]>).flatMap(([field, names]) =>
    names.map((n) => [headerKey(n), field] as const),
  ),
);

/** The field a header names, or null when it is not one we know. */
export function fieldOf(header: string): Field | null {
  return BY_KEY.get(headerKey(header)) ?? null;
}
