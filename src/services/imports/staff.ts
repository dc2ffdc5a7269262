/**
 * Staff import: a snapshot of everyone employed as of a date. Validated first, then applied
 * in one transaction, with every write recorded as an effect so that undo is exact.
 */
import { isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../db/client";
import { employments, people, units } from "../../../db/schema";
import { ImportFileError } from "../../../imports/read/types";
import { planStaffSnapshot } from "../../../imports/staff-plan";
import type { StaffRows } from "../../../imports/staff-rows";
import { formatSwedishDate } from "../../domain/dates";
import { audit } from "../audit";
import { type ParsedFile, parseStaffFile } from "./parse";
import { createImport, findSameFile, finishImport, latestStaffAsOf, recordEffects } from "./record";
import { applyStaffPlan } from "./staff-apply";
import type { ImportInput, StaffReport } from "./types";

export async function importStaff(
  db: Db,
  input: ImportInput<ParsedFile<StaffRows>> & { asOf: string },
): Promise<StaffReport> {
  const file = input.parsed ?? (await parseStaffFile(input.bytes, input.fileName, input.limits));
  const parsed = file.rows;
  const later = await latestStaffAsOf(db);
  if (later && later > input.asOf) {
    throw new ImportFileError(
      `Det finns redan en personalimport per ${formatSwedishDate(later)} (${later}). En ögonblicksbild per ${input.asOf} kan inte läggas in före den utan att skriva om historiken; ångra den senare importen först eller välj ett datum från ${later}.`,
    );
  }
  const sha256 = file.sha256;
  const report: StaffReport = {
    kind: "staff",
    asOf: input.asOf,
    rows: parsed.total,
    created: 0,
    updated: 0,
    unchanged: 0,
    left: 0,
    errors: parsed.errors,
    dryRun: input.dryRun,
    importId: null,
    alreadyImportedAs: await findSameFile(db, "staff", sha256, input.asOf),
    format: file.format,
    fileName: input.fileName,
    newUnits: [],
    renamedUnits: [],
    who: { created: [], updated: [], left: [] },
    currentBefore: 0,
    warning: null,
  };
  if (parsed.errors.length > 0) return report;
  const previous = await latestStaffAsOf(db, input.asOf);
  const state = await loadStaffState(db);
  const plan = planStaffSnapshot(state, parsed.rows, input.asOf, previous);
  Object.assign(report, plan.counts);
  report.newUnits = plan.newUnits.map((u) => u.name);
  report.renamedUnits = plan.unitRenames.map((u) => `${u.before} → ${u.name}`);
  report.who = plan.who;
  report.currentBefore = new Set(state.open.map((e) => e.personId)).size;
  report.warning = leaverWarning(report.left, report.currentBefore);
  if (input.dryRun || report.alreadyImportedAs !== null) return report;

  report.importId = await db.transaction(async (tx) => {
    const importId = await createImport(tx, {
      kind: "staff",
      fileName: input.fileName,
      sha256,
      asOf: input.asOf,
      userId: input.userId,
    });
    // Planned again inside the transaction, so a concurrent import cannot make it stale.
    const fresh = planStaffSnapshot(await loadStaffState(tx), parsed.rows, input.asOf, previous);
    Object.assign(report, fresh.counts);
    const effects = await applyStaffPlan(tx, fresh, importId);
    await recordEffects(tx, effects);
    await finishImport(tx, importId, { rows: report.rows, ...fresh.counts });
    await audit(tx, {
      userId: input.userId,
      action: "import.applied",
      target: `import:${importId}`,
      detail: {
        kind: "staff",
        fileName: input.fileName,
        sha256,
        asOf: input.asOf,
        ...fresh.counts,
      },
      ip: input.ip ?? null,
    });
    return importId;
  });
  return report;
}

async function loadStaffState(db: DbOrTx) {
  const [knownPeople, open, knownUnits, ends] = await Promise.all([
    db
      .select({
        id: people.id,
        employeeNo: people.employeeNo,
        firstName: people.firstName,
        lastName: people.lastName,
        email: people.email,
        updatedAt: people.updatedAt,
      })
      .from(people),
    db
      .select({
        id: employments.id,
        personId: employments.personId,
        unitId: employments.unitId,
        title: employments.title,
        validFrom: employments.validFrom,
      })
      .from(employments)
      .where(isNull(employments.validTo))
      .orderBy(employments.personId, employments.validFrom),
    db
      .select({ id: units.id, code: units.code, name: units.name, parentId: units.parentId })
      .from(units)
      .where(isNull(units.closedOn)),
    db.all<{ person_id: number; d: string }>(
      sql`SELECT person_id, MAX(valid_to) AS d FROM employments WHERE valid_to IS NOT NULL GROUP BY person_id`,
    ),
  ]);
  const lastEnd = new Map(ends.map((r) => [r.person_id, r.d]));
  return { people: knownPeople, open, units: knownUnits, lastEnd };
}

/** A partial list (one unit's staff) would end everyone else's employment: say so loudly. */
export function leaverWarning(left: number, currentBefore: number): string | null {
  if (currentBefore < 20 || left / currentBefore < 0.2) return null;
  return `Varning: ${left} av ${currentBefore} anställda finns inte i filen och får sin anställning avslutad dagen före. Är det verkligen en fullständig personalförteckning?`;
}
