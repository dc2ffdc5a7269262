import { parseArgs } from "node:util";
import {
  FIRST_REPORT_YEAR,
  isIsoDate,
  isReportDate,
  isReportYear,
  LAST_REPORT_YEAR,
} from "../domain/dates";
import { UserError } from "../domain/user-error";

export const USAGE = `Användning:
  cli import staff FIL --as-of ÅÅÅÅ-MM-DD [--dry-run] [--json]
  cli import completions FIL [--dry-run] [--json]
  cli import undo staff|completions|attendance|units|requirements|exemptions [--json]
  cli units import FIL [--dry-run] [--json]          (Enhet/Enhetskod, Funktionsnivå, Taggar)
  cli requirements import FIL [--dry-run] [--json]   (Kurs, Enhet, Funktionsnivå, Tagg, Befattning,
                                                      Deadline, Dagar efter anställning)
  cli exemptions import FIL [--dry-run] [--json]     (Anställningsnummer/E-post, Kurs, Från, Till, Orsak)
  cli plan import FIL --year ÅÅÅÅ [--dry-run] [--json]
  cli plan summary --year ÅÅÅÅ [--json]
  cli report annual --year ÅÅÅÅ [--json]
  cli report coverage [--course KURS] [--unit KOD_ELLER_NAMN] [--as-of ÅÅÅÅ-MM-DD] [--json]
                  (KURS: id eller titel; utan --course den obligatoriska kursen)
  cli user create --email E-POST --name NAMN --role admin|hr|ledning|chef [--unit KOD]...
                  [--password-stdin]   (annars skrivs en engångslänk för att välja lösenord ut)
  cli privacy purge [--dry-run] [--json]      (gallring enligt inställda tider)
  cli privacy extract --employee-no NR [--json]   (registerutdrag för en person)
  cli user unlink-sso E-POST [--json]   (koppla bort kontots inloggningskonto hos SSO-leverantören)
  cli db migrate
  cli db seed-demo

FIL: Excel (.xlsx, .xls), LibreOffice (.ods, .fods) eller CSV (.csv), högst 20 MB (ändras med IMPORT_LIMIT_MB).
Databas: miljövariabeln DATABASE_URL (standard file:./data/genomford.db).`;

export const OPTIONS = {
  "as-of": { type: "string" },
  year: { type: "string" },
  unit: { type: "string", multiple: true },
  course: { type: "string" },
  email: { type: "string" },
  name: { type: "string" },
  role: { type: "string" },
  "password-stdin": { type: "boolean", default: false },
  "employee-no": { type: "string" },
  "dry-run": { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

export type ParsedArgs = ReturnType<typeof parse>;

export function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UserError(`${(err as Error).message}\n\n${USAGE}`);
  }
}

/** A required or optional `YYYY-MM-DD` flag, checked to be a real date. */
export function dateFlag(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) {
    throw new UserError(
      `--${flag} '${value}' är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-12-31.`,
    );
  }
  if (!isReportDate(value)) {
    throw new UserError(
      `--${flag} '${value}' ligger utanför åren ${FIRST_REPORT_YEAR}–${LAST_REPORT_YEAR}.`,
    );
  }
  return value;
}

export function yearFlag(value: string | undefined): number {
  if (value === undefined) throw new UserError("Ange år med --year ÅÅÅÅ, t.ex. --year 2025.");
  if (!/^\d{4}$/.test(value) || !isReportYear(Number(value))) {
    throw new UserError(`--year '${value}' är inget rimligt år. Ange fyra siffror, t.ex. 2025.`);
  }
  return Number(value);
}

export function onlyOne(values: string[] | undefined, flag: string): string | undefined {
  if (!values || values.length === 0) return undefined;
  if (values.length > 1) throw new UserError(`--${flag} får anges en gång.`);
  return values[0];
}
