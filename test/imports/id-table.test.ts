import { describe, expect, it } from "vitest";
import { IdTable } from "../../imports/id-table";

describe("IdTable", () => {
  it("gets what was set, and entries come in the order first set, as a Map's", () => {
    const table = new IdTable<string>();
    const map = new Map<number, string>();
    for (const [id, value] of [
      [7, "a"],
      [3, "b"],
      [7, "c"],
      [2 ** 40, "huge"],
      [-1, "negative"],
      [1.5, "fraction"],
      [0, "zero"],
      [4_000_000_000, "sparse"],
    ] as const) {
      table.set(id, value);
      map.set(id, value);
    }
    for (const id of [7, 3, 2 ** 40, -1, 1.5, 0, 4_000_000_000, 5])
      expect(table.get(id)).toBe(map.get(id));
    // Array ids first, then the others; each group in the order first set.
    expect([...table.entries()]).toEqual([
      [7, "c"],
      [3, "b"],
      [0, "zero"],
      [4_000_000_000, "sparse"],
      [2 ** 40, "huge"],
      [-1, "negative"],
      [1.5, "fraction"],
    ]);
  });
});
