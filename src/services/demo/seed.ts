/**
 * Demo seed for `npm start`: fills an empty database with the demo organisation's history the
 * way HR would — a staff list as of the 1st of every month (and today), then the course
 * platform's cumulative export and the deepened courses' attendance lists — through the same
 * import services as the CLI's `import staff` / `import completions`. Then one login per role.
 * Never runs against a database that has people. It writes the whole organisation for the
 * operator who starts the server, so no user scope applies (see src/auth/scope.ts).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users, userUnits } from "../../../db/schema";
import { hashPassword } from "../../auth/password";
import { ALL_UNITS } from "../../auth/scope";
import { snapshotDates } from "../../domain/demo-history";
import { generateDemoData } from "../../domain/demo-organisation";
import { importCompletions } from "../imports/completions";
import { importStaff } from "../imports/staff";
import type { ImportReport } from "../imports/types";
import { findUnitMatches } from "../units";
import {
  ATTENDANCE_HEADER,
  attendanceRows,
  EXPORT_HEADER,
  excelCsvFile,
  exportRows,
  staffFile,
  xlsxFile,
} from "./files";

export const DEMO_PASSWORD = "demo-genomford";
export const DEMO_USERS = [
  { email: "admin@demo.se", name: "Alva Admin", role: "admin" },
  { email: "hr@demo.se", name: "Hugo HR", role: "hr" },
  { email: "ledning@demo.se", name: "Lisa Ledning", role: "ledning" },
  { email: "chef@demo.se", name: "Cesar Chef", role: "chef", unitCode: "FSK01" },
] as const;

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM people`);
  return (row?.n ?? 0) === 0;
}

export async function seedDemoData(
  db: Db,
  opts: { today: string; size?: number; withUsers?: boolean },
): Promise<{ people: number; events: number; imports: number }> {
  const data = generateDemoData(opts.size, opts.today);
  const run = { dryRun: false, userId: null };
  const dates = snapshotDates(opts.today);
  for (const asOf of dates) {
    checked(
      await importStaff(db, {
        ...run,
        asOf,
        bytes: staffFile(data, asOf, "csv"),
        fileName: `personal-${asOf}.csv`,
      }),
    );
  }
  const exported = exportRows(data, opts.today);
  checked(
    await importCompletions(db, {
      ...run,
      bytes: excelCsvFile([], EXPORT_HEADER, exported),
      fileName: `webbutbildning-export-${opts.today}.csv`,
    }),
  );
  const attended = attendanceRows(data, opts.today);
  if (attended.length > 0) {
    const title = ["Närvarolista fördjupade utbildningar"];
    checked(
      await importCompletions(db, {
        ...run,
        bytes: xlsxFile("Närvaro", title, ATTENDANCE_HEADER, attended),
        fileName: `narvaro-${opts.today}.xlsx`,
      }),
    );
  }
  if (opts.withUsers !== false) await createDemoUsers(db);
  return { people: data.people.length, events: data.events.length, imports: dates.length + 2 };
}

/** A generated file the importer refuses is a bug in the generator: say which file and row. */
function checked(report: ImportReport): void {
  const first = report.errors[0];
  if (first) {
    throw new Error(`Demo data: ${report.fileName} row ${first.row}: ${first.message}`);
  }
}

async function createDemoUsers(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const chefUnit = await findUnitMatches(db, ALL_UNITS, "FSK01");
  await db.transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({ email: u.email, name: u.name, role: u.role, passwordHash })
        .returning({ id: users.id });
      if (row && "unitCode" in u && chefUnit[0]) {
        await tx.insert(userUnits).values({ userId: row.id, unitId: chefUnit[0].id });
      }
    }
  });
}
