/**
 * Import of an action-plan table into the plan of one year: read with the staff imports'
 * readers, every row validated first, then written in one transaction. Activities are
 * matched on area + text, so importing the same file again changes nothing; activities
 * not in the file are kept (the file may be one area's part of the plan).
 */
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { planActivities } from "../../db/schema";
import { type PlanRow, parsePlanRows } from "../../imports/plan-rows";
import { readSheet } from "../../imports/read";
import { ImportFileError, type ReadLimits } from "../../imports/read/types";
import { type RowError, toTable } from "../../imports/table";
import { activityKey } from "../domain/plan-carry";
import { audit } from "./audit";

export interface PlanImportInput {
  bytes: Uint8Array;
  fileName: string;
  year: number;
  dryRun: boolean;
  userId: number | null;
  ip?: string | null;
  limits?: ReadLimits;
  now: Date;
}

export interface PlanImportReport {
  year: number;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  dryRun: boolean;
  format: string;
  fileName: string;
}

type Existing = typeof planActivities.$inferSelect;

const COMPARED = ["responsible", "otherActors", "timeline", "status", "comment"] as const;

interface Planned {
  create: PlanRow[];
  update: Array<{ id: number; row: PlanRow }>;
  unchanged: number;
}

function planWrites(rows: readonly PlanRow[], existing: readonly Existing[]): Planned {
  const byKey = new Map(existing.map((e) => [activityKey(e.area, e.activity), e]));
  const out: Planned = { create: [], update: [], unchanged: 0 };
  for (const row of rows) {
    const found = byKey.get(activityKey(row.area, row.activity));
    if (!found) out.create.push(row);
    else if (COMPARED.some((f) => (found[f] ?? null) !== row[f]))
      out.update.push({ id: found.id, row });
    else out.unchanged++;
  }
  return out;
}

async function loadYear(db: DbOrTx, year: number): Promise<Existing[]> {
  return db.select().from(planActivities).where(eq(planActivities.year, year));
}

export async function importPlan(db: Db, input: PlanImportInput): Promise<PlanImportReport> {
  const sheet = readSheet(input.bytes, input.fileName, input.limits);
  const parsed = parsePlanRows(toTable(sheet, "handlingsplan"), sheet);
  if (parsed.rows.length === 0 && parsed.errors.length === 0) {
    throw new ImportFileError("Filen har en rubrikrad men inga aktiviteter under den.");
  }
  const report: PlanImportReport = {
    year: input.year,
    rows: parsed.total,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: parsed.errors,
    dryRun: input.dryRun,
    format: sheet.format,
    fileName: input.fileName,
  };
  if (parsed.errors.length > 0) return report;
  const count = (p: Planned) => {
    report.created = p.create.length;
    report.updated = p.update.length;
    report.unchanged = p.unchanged;
  };
  if (input.dryRun) {
    count(planWrites(parsed.rows, await loadYear(db, input.year)));
    return report;
  }
  await db.transaction(async (tx) => {
    const existing = await loadYear(tx, input.year);
    const planned = planWrites(parsed.rows, existing);
    count(planned);
    const stamp = input.now.toISOString();
    const firstPosition = existing.reduce((max, e) => Math.max(max, e.position + 1), 0);
    if (planned.create.length > 0) {
      await tx.insert(planActivities).values(
        planned.create.map(({ row: _row, position, ...r }) => ({
          ...r,
          year: input.year,
          // A plan imported into an empty year keeps the file's order; later rows go last.
          position: existing.length === 0 ? position : firstPosition + position,
          updatedAt: stamp,
        })),
      );
    }
    for (const { id, row } of planned.update) {
      const { responsible, otherActors, timeline, status, comment } = row;
      await tx
        .update(planActivities)
        .set({ responsible, otherActors, timeline, status, comment, updatedAt: stamp })
        .where(eq(planActivities.id, id));
    }
    if (planned.create.length + planned.update.length > 0) {
      await audit(tx, {
        userId: input.userId,
        action: "plan.imported",
        target: `plan:${input.year}`,
        detail: {
          fileName: input.fileName,
          rows: report.rows,
          created: report.created,
          updated: report.updated,
        },
        ip: input.ip ?? null,
      });
    }
  });
  return report;
}
