import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "../../db/client";

/** An employment never ends before it starts: checked after every import scenario. */
export async function expectNoEmploymentsEndingBeforeStart(db: Db): Promise<void> {
  const bad = await db.all(
    sql`SELECT id, person_id, valid_from, valid_to FROM employments WHERE valid_to < valid_from`,
  );
  expect(bad).toEqual([]);
}
