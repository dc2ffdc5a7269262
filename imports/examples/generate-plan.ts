/**
 * Writes imports/examples/handlingsplan-2019.xlsx (committed; run
 * `npx tsx imports/examples/generate-plan.ts` after changing this script): the 2019 action
 * plan against violent extremism as it looks once copied from Word into Excel — a title row
 * above the header, Område only on the first row of each group (merged cells in Word),
 * Tidplan typed as the number 2019 in some rows, status words as people write them.
 * 30 activities: 18 done, 4 not done, 5 partly done, 3 ongoing (the 2019 review's figures).
 */
import { writeFileSync } from "node:fs";
import * as XLSX from "xlsx";

const SDF = "Stadsdelsförvaltningen";
type Row = [string, string, string, string, string | number, string, string];

// Område, Åtgärd / Aktivitet, Ansvarig, Övriga aktörer, Tidplan, Status, Kommentar
const rows: Row[] = [
  ["Organisation", "Utse en samordnare för arbetet mot våldsbejakande extremism", "Stadsdelsdirektör", "", 2019, "Genomförd", ""],
  ["", "Bilda en intern arbetsgrupp med representanter från alla avdelningar", "Samordnaren", "Avdelningscheferna", "Q1 2019", "genomfört ", ""],
  ["", "Ta fram en rutin för hur oro för radikalisering rapporteras", "Samordnaren", "Kommunikationsenheten", "Q2 2019", "Delvis genomförd – rutinen är på remiss", ""],
  ["", "Förankra handlingsplanen i ledningsgruppen", SDF, "", 2019, "Genomfört", ""],
  ["Lägesbild", "Ta fram en lokal lägesbild tillsammans med polisen", "Samordnaren", "Polisen, Säpo", "Q2 2019", "Genomförd", "Lägesbilden redovisades i juni."],
  ["", "Uppdatera lägesbilden två gånger per år", "Samordnaren", "Polisen", "Löpande", "Pågår", ""],
  ["", "Samla in underlag från fältassistenterna", "Fältgruppen", "Fritidsgårdarna", 2019, "GENOMFÖRD", ""],
  ["Förebyggande", "Föräldrastöd om radikalisering på nätet", "Avdelningen för individ- och familjeomsorg", "Skolorna", 2019, "Genomförd", ""],
  ["", "Dialogmöten med trossamfund", SDF, "Trossamfunden", "Fortlöpande", "Pågående", "Tre möten under året."],
  ["", "Stärka fritidsgårdarnas arbete med demokrati och mänskliga rättigheter", "Fritidsgårdarna", "", 2019, "Delvis genomfört", "Två av tre gårdar har startat."],
  ["", "Samverkan skola–socialtjänst–polis (SSP) i alla skolområden", "Avdelningen för individ- och familjeomsorg", "Polisen, Skolorna", "Löpande", "Genomförd", ""],
  ["", "Informationsmaterial till vårdnadshavare på flera språk", "Kommunikationsenheten", "", "Q3 2019", "Ej genomförd", "Medel saknades."],
  ["", "Föreläsningar för ungdomar om källkritik", "Fältgruppen", "Biblioteket", 2019, "Genomförd", ""],
  ["Förhinderande/agerande", "Rutin för orosanmälan vid misstänkt radikalisering", "Avdelningen för individ- och familjeomsorg", "", "Q1 2019", "Genomförd", ""],
  ["", "Stödsamtal för den som vill lämna en våldsbejakande miljö", "Vuxenenheten", "Exitverksamhet", 2019, "Skjuts fram", "Avvaktar stadens avtal."],
  ["", "Samverkansöverenskommelse med polisen", SDF, "Polisen", "Planeras till 2018", "Genomfört", "Undertecknad i mars."],
  ["", "Kontaktperson i varje enhet för frågor om extremism", "Enhetscheferna", "", 2019, "Delvis genomförd", "Utsedda i 25 av 40 enheter."],
  ["Föreningsbidrag och lokaler", "Demokrativillkor i riktlinjerna för föreningsbidrag", "Kultur- och fritidsenheten", "", "Q2 2019", "Genomförd", ""],
  ["", "Kontroll av föreningar före upplåtande av lokaler", "Kultur- och fritidsenheten", "Lokalförvaltningen", "Löpande", "Genomförd", ""],
  ["", "Utbildning för handläggare av föreningsbidrag", "Kultur- och fritidsenheten", "Länsstyrelsen", 2019, "Inte genomförd", "Flyttas till 2020."],
  ["", "Uppföljning av beviljade bidrag", "Kultur- och fritidsenheten", "", 2019, "Genomförd", ""],
  ["Kompetenshöjande/Utbildning", "All personal ska genomgå webbutbildningen om våldsbejakande extremism", "Enhetscheferna", "HR-avdelningen", 2019, "Delvis genomförd", ""],
  ["", "Fördjupad utbildning för medarbetare som möter ungdomar", "Samordnaren", "Segerstedtinstitutet", "Q4 2019", "Genomförd", "Ca ett tjugotal medarbetare deltog."],
  ["", "Utbildning i otillåten påverkan för chefer", "HR-avdelningen", "", 2019, "Genomförd", ""],
  ["", "Introduktion om våldsbejakande extremism för nyanställda", "HR-avdelningen", "", "Löpande", "Pågår", ""],
  ["", "Utbildning för fältassistenter i samtalsmetodik", "Fältgruppen", "", 2019, "Ej genomförd", ""],
  ["Uppföljning", "Rapportera handlingsplanen i verksamhetsberättelsen", SDF, "", 2019, "Genomförd", ""],
  ["", "Följa upp handlingsplanen i ledningsgruppen varje tertial", "Stadsdelsdirektör", "", "Löpande", "Genomförd", ""],
  ["", "Utvärdera samverkan med polisen", "Samordnaren", "Polisen", "Q4 2019", "Delvis genomförd", ""],
  ["", "Revidera handlingsplanen inför 2020", "Samordnaren", "", "Q4 2019", "Genomförd", ""],
];

const sheet = XLSX.utils.aoa_to_sheet([
  ["Handlingsplan för arbetet mot våldsbejakande extremism 2019 – uppföljning per 2019-12-31"],
  [],
  ["Område", "Åtgärd / Aktivitet", "Ansvarig", "Övriga aktörer", "Tidplan", "Status", "Kommentar"],
  ...rows,
]);
sheet["!cols"] = [18, 60, 28, 24, 16, 30, 36].map((wch) => ({ wch }));
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, sheet, "Handlingsplan 2019");
const bytes = XLSX.write(book, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer;
writeFileSync(new URL("./handlingsplan-2019.xlsx", import.meta.url), new Uint8Array(bytes));
