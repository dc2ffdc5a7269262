/** Inserts test/fixtures/small-org.ts into a real database (units ROOT > A, B). */
import type { Db } from "../../db/client";
import { completions, employments, people } from "../../db/schema";
import { createUnit } from "../../src/services/units";
import { SMALL_ORG } from "../fixtures/small-org";

export interface SmallOrgIds {
  units: { root: number; A: number; B: number };
  people: number[];
}

export async function insertSmallOrg(db: Db): Promise<SmallOrgIds> {
  const root = await createUnit(db, { name: "Förvaltningen", code: "ROOT" });
  const a = await createUnit(db, {
    name: "Enhet A",
    code: "A",
    parentId: root.id,
    parentPath: root.path,
  });
  const b = await createUnit(db, {
    name: "Enhet B",
    code: "B",
    parentId: root.id,
    parentPath: root.path,
  });
  const unitIds = { A: a.id, B: b.id };
  const personIds: number[] = [];
  for (const [i, p] of SMALL_ORG.entries()) {
    const [firstName = "", ...rest] = p.name.split(" (")[0]!.split(" ");
    const [row] = await db
      .insert(people)
      .values({
        employeeNo: `S${i + 1}`,
        firstName,
        lastName: rest.join(" ") || `Test${i + 1}`,
        email: `p${i + 1}@test.se`,
      })
      .returning({ id: people.id });
    personIds.push(row!.id);
    await db.insert(employments).values(
      p.employments.map((e) => ({
        personId: row!.id,
        unitId: unitIds[e.unit],
        title: "Handläggare",
        validFrom: e.from,
        validTo: e.to,
      })),
    );
    if (p.events.length > 0) {
      await db.insert(completions).values(
        p.events.map((e) => ({
          personId: row!.id,
          courseId: e.course,
          kind: e.kind,
          date: e.date,
        })),
      );
    }
  }
  return { units: { root: root.id, A: a.id, B: b.id }, people: personIds };
}
