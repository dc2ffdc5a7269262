/** What must not be undone from under other data: people and units an import created. */
import { sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { ImportFileError } from "../../../imports/read/types";
import type { Effect, EffectEntity } from "./record";

/** People and units the import created must not be used by anything written later. */
export async function assertNothingDependsOn(
  tx: Tx,
  importId: number,
  effects: readonly Effect[],
): Promise<void> {
  const created = (entity: EffectEntity) =>
    JSON.stringify(
      effects.filter((e) => e.entity === entity && e.action === "insert").map((e) => e.entityId),
    );
  const [row] = await tx.all<{ people: number; units: number }>(sql`
    WITH p(id) AS (SELECT value FROM json_each(${created("people")})),
         u(id) AS (SELECT value FROM json_each(${created("units")}))
    SELECT
      (SELECT COUNT(*) FROM completions WHERE person_id IN (SELECT id FROM p)
         AND (import_id IS NULL OR import_id <> ${importId}))
      + (SELECT COUNT(*) FROM unmatched WHERE person_id IN (SELECT id FROM p))
      + (SELECT COUNT(*) FROM person_links WHERE person_id IN (SELECT id FROM p)) AS people,
      (SELECT COUNT(*) FROM employments WHERE unit_id IN (SELECT id FROM u)
         AND (import_id IS NULL OR import_id <> ${importId}))
      + (SELECT COUNT(*) FROM user_units WHERE unit_id IN (SELECT id FROM u))
      + (SELECT COUNT(*) FROM units WHERE parent_id IN (SELECT id FROM u)
         AND id NOT IN (SELECT id FROM u)) AS units`);
  if ((row?.people ?? 0) > 0) {
    throw new ImportFileError(
      "Importen kan inte ångras: personer som den lade till har fått utbildningshändelser eller kopplingar sedan dess. Ångra de senare kursimporterna först.",
    );
  }
  if ((row?.units ?? 0) > 0) {
    throw new ImportFileError(
      "Importen kan inte ångras: enheter som den lade till används nu av annat (anställningar, chefsbehörigheter eller underenheter).",
    );
  }
}
