import type { Db } from "../../db/client";
import { UserError } from "../domain/user-error";
import { type RegisterExtract, registerExtract } from "../services/privacy/extract";
import type { ParsedArgs } from "./args";
import type { CliIo, CliOutput } from "./io";

/** `privacy extract --employee-no N [--json]`: the register extract of one person. */
export async function privacyExtract(db: Db, args: ParsedArgs, io: CliIo): Promise<CliOutput> {
  const employeeNo = args.values["employee-no"]?.trim();
  if (!employeeNo) throw new UserError("Ange personen med --employee-no ANSTÄLLNINGSNUMMER.");
  const extract = await registerExtract(db, employeeNo, io.now());
  if (!extract) throw new UserError(`Ingen person har anställningsnummer ${employeeNo}.`);
  return { json: extract, text: extractText(extract) };
}

function extractText(x: RegisterExtract): string {
  const p = x.person;
  const lines = [
    `Registerutdrag för ${p.firstName} ${p.lastName} (anställningsnummer ${p.employeeNo ?? "–"})`,
    `E-post: ${p.email ?? "–"}   Registrerad: ${p.createdAt.slice(0, 10)}`,
    "",
    `Anställningar (${x.employments.length}):`,
    ...x.employments.map(
      (e) =>
        `  ${e.validFrom} – ${e.validTo ?? "pågår"}  ${e.unit}${e.unitCode ? ` (${e.unitCode})` : ""}${e.title ? `, ${e.title}` : ""}`,
    ),
    `Utbildningshändelser (${x.courseEvents.length}):`,
    ...x.courseEvents.map(
      (c) => `  ${c.date}  ${c.kind === "completed" ? "genomförd" : "påbörjad"}  ${c.course}`,
    ),
    `Manuella kopplingar (${x.links.length}):`,
    ...x.links.map((l) => `  ${l.key}`),
    `Undantag från kurser (${x.exemptions.length}):`,
    ...x.exemptions.map(
      (e) => `  ${e.course ?? "Alla kurser"}: ${e.from} – ${e.to ?? "tills vidare"}, ${e.reason}`,
    ),
    `Filrader kopplade för hand (${x.linkedFileRows.length}):`,
    ...x.linkedFileRows.map((r) => `  ${r.file} rad ${r.row}: ${JSON.stringify(r.values)}`),
    `Åtkomstlogg – listor och sidor som visade personen (${x.accessLog.length}):`,
    ...x.accessLog.map(
      (a) =>
        `  ${a.at.slice(0, 16).replace("T", " ")}  ${a.by ?? "–"}  ${a.kind}  ${a.unit ?? "hela förvaltningen"}`,
    ),
  ];
  return lines.join("\n");
}
