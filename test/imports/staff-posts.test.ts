import { describe, expect, it } from "vitest";
import type { OpenEmployment } from "../../imports/staff-plan";
import { describePostChanges, matchPosts, type PostRow } from "../../imports/staff-posts";
import type { StaffRow } from "../../imports/staff-rows";

const NAMES: Record<number, string> = { 1: "Bredäng", 2: "Nattpatrullen", 3: "Skärholmen" };
const open = (id: number, unitId: number, title: string | null = "Usk"): OpenEmployment => ({
  id,
  personId: 10,
  unitId,
  title,
  validFrom: "2025-01-01",
});
const post = (unitId: number, title: string | null = "Usk"): PostRow => ({
  row: { title } as StaffRow,
  unit: { id: unitId },
});
const ids = (m: ReturnType<typeof matchPosts>) => ({
  kept: m.kept.map((k) => k.open.id),
  moved: m.moved.map((k) => [k.open.id, "id" in k.post.unit ? k.post.unit.id : -1]),
  ended: m.ended.map((e) => e.id),
  added: m.added.map((p) => ("id" in p.unit ? p.unit.id : -1)),
});

describe("matchPosts: one person's open posts against the snapshot's rows", () => {
  it.each([
    [
      "both kept",
      [open(1, 1), open(2, 2)],
      [post(1), post(2)],
      { kept: [1, 2], moved: [], ended: [], added: [] },
    ],
    [
      "second ends",
      [open(1, 1), open(2, 2)],
      [post(1)],
      { kept: [1], moved: [], ended: [2], added: [] },
    ],
    [
      "second post begins",
      [open(1, 1)],
      [post(1), post(2)],
      { kept: [1], moved: [], ended: [], added: [2] },
    ],
    [
      "one of two moves",
      [open(1, 1), open(2, 2)],
      [post(1), post(3)],
      { kept: [1], moved: [[2, 3]], ended: [], added: [] },
    ],
    [
      "new title in the same unit is a move of that post",
      [open(1, 1), open(2, 2)],
      [post(1, "Sjuksköterska"), post(2)],
      { kept: [2], moved: [[1, 1]], ended: [], added: [] },
    ],
    [
      "no title in the file keeps the known one",
      [open(1, 1, "Chef")],
      [post(1, null)],
      { kept: [1], moved: [], ended: [], added: [] },
    ],
    [
      "a single post moving (the one-row case)",
      [open(1, 1)],
      [post(3)],
      { kept: [], moved: [[1, 3]], ended: [], added: [] },
    ],
    [
      "a single post kept (the one-row case)",
      [open(1, 1)],
      [post(1)],
      { kept: [1], moved: [], ended: [], added: [] },
    ],
    [
      "a single post's new title is a move in place (the one-row case)",
      [open(1, 1, "Usk")],
      [post(1, "Chef")],
      { kept: [], moved: [[1, 1]], ended: [], added: [] },
    ],
    [
      "a single post into a unit the file creates (the one-row case)",
      [open(1, 1)],
      [{ row: { title: "Usk" } as StaffRow, unit: { newIndex: 0 } }],
      { kept: [], moved: [[1, -1]], ended: [], added: [] },
    ],
    [
      "two titles in one unit, both kept",
      [open(1, 1, "A"), open(2, 1, "B")],
      [post(1, "B"), post(1, "A")],
      { kept: [2, 1], moved: [], ended: [], added: [] },
    ],
  ])("%s", (_, opens, posts, expected) => {
    expect(ids(matchPosts(opens, posts))).toEqual(expected);
  });
});

describe("describePostChanges", () => {
  const name = (ref: { id: number } | { newIndex: number }) =>
    "id" in ref ? NAMES[ref.id]! : "Ny enhet";
  it.each([
    [[open(1, 1), open(2, 2)], [post(1)], "slutar på Nattpatrullen, är kvar på Bredäng"],
    [
      [open(1, 1), open(2, 2)],
      [post(1), post(3)],
      "flyttar från Nattpatrullen till Skärholmen, är kvar på Bredäng",
    ],
    [[open(1, 1)], [post(1), post(2)], "börjar på Nattpatrullen, är kvar på Bredäng"],
    [
      [open(1, 1), open(2, 2), open(3, 3)],
      [post(1), post(2)],
      "slutar på Skärholmen, är kvar på Bredäng och Nattpatrullen",
    ],
    [
      [open(1, 1), open(2, 2)],
      [post(1), post(2, "Nattsjuksköterska")],
      "byter befattning på Nattpatrullen, är kvar på Bredäng",
    ],
  ])("%#: %s", (opens, posts, text) => {
    expect(describePostChanges(matchPosts(opens, posts), name)).toBe(text);
  });
});
