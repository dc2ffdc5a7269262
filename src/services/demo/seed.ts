/**
 * Demo seed for `npm start`: fills an empty database with the demo organisation, staff,
 * completions and one login per role. Never runs against a database that has people.
 * It writes the whole organisation for the operator who starts the server, so no user scope
 * applies (see src/auth/scope.ts).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { completions, employments, people, users, userUnits } from "../../../db/schema";
import { hashPassword } from "../../auth/password";
import { addDays } from "../../domain/dates";
import { DEMO_ORGANISATION, generateDemoData } from "../../domain/demo-organisation";
import { createUnit } from "../units";

export const DEMO_PASSWORD = "demo-genomford";
export const DEMO_USERS = [
  { email: "admin@demo.se", name: "Alva Admin", role: "admin" },
  { email: "hr@demo.se", name: "Hugo HR", role: "hr" },
  { email: "ledning@demo.se", name: "Lisa Ledning", role: "ledning" },
  { email: "chef@demo.se", name: "Cesar Chef", role: "chef", unitCode: "FSK01" },
] as const;

const CHUNK = 500;

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM people`);
  return (row?.n ?? 0) === 0;
}

export async function seedDemoData(
  db: Db,
  opts: { today: string; size?: number; withUsers?: boolean },
): Promise<{ people: number; events: number }> {
  const data = generateDemoData(opts.size, opts.today);
  const passwordHash = opts.withUsers === false ? null : await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const unitIds: number[] = [];
    const byCode = new Map<string, number>();
    for (const avd of DEMO_ORGANISATION) {
      const parent = await createUnit(tx, { name: avd.name, code: avd.code });
      for (const enhet of avd.children) {
        const child = await createUnit(tx, {
          name: enhet.name,
          code: enhet.code,
          parentId: parent.id,
          parentPath: parent.path,
        });
        unitIds.push(child.id);
        byCode.set(enhet.code, child.id);
      }
    }
    const personIds = new Map<string, number>();
    for (let i = 0; i < data.people.length; i += CHUNK) {
      const batch = data.people.slice(i, i + CHUNK);
      const rows = await tx
        .insert(people)
        .values(
          batch.map(({ employeeNo, firstName, lastName, email }) => ({
            employeeNo,
            firstName,
            lastName,
            email,
          })),
        )
        .returning({ id: people.id, employeeNo: people.employeeNo });
      for (const r of rows) personIds.set(r.employeeNo!, r.id);
      const periods = batch.flatMap((p) => {
        const personId = personIds.get(p.employeeNo)!;
        const first = {
          personId,
          unitId: unitIds[p.unitIndex]!,
          title: p.title,
          validFrom: p.validFrom,
          validTo: p.move ? addDays(p.move.validFrom, -1) : p.validTo,
        };
        if (!p.move) return [first];
        return [
          first,
          {
            ...first,
            unitId: unitIds[p.move.unitIndex]!,
            validFrom: p.move.validFrom,
            validTo: p.validTo,
          },
        ];
      });
      await tx.insert(employments).values(periods);
    }
    for (let i = 0; i < data.events.length; i += CHUNK) {
      const batch = data.events.slice(i, i + CHUNK).map((e) => ({
        personId: personIds.get(e.employeeNo)!,
        courseId: e.courseId,
        kind: e.kind,
        date: e.date,
      }));
      await tx.insert(completions).values(batch).onConflictDoNothing();
    }
    if (passwordHash) {
      for (const u of DEMO_USERS) {
        const [row] = await tx
          .insert(users)
          .values({ email: u.email, name: u.name, role: u.role, passwordHash })
          .returning({ id: users.id });
        if (row && "unitCode" in u) {
          await tx.insert(userUnits).values({ userId: row.id, unitId: byCode.get(u.unitCode)! });
        }
      }
    }
  });
  return { people: data.people.length, events: data.events.length };
}
