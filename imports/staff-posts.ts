/**
 * One person's posts (anställningar) in a snapshot against their open employments: which stay,
 * which move, which end and which are new. Pure; the snapshot plan turns the result into
 * writes. A person with one post gets exactly the old one-row behaviour.
 */
import type { OpenEmployment, UnitRef } from "./staff-plan";
import type { StaffRow } from "./staff-rows";

export interface PostRow {
  row: StaffRow;
  unit: UnitRef;
}

type Pair = { open: OpenEmployment; post: PostRow };

/** Read-only: the one-post answer shares its empty lists. */
export interface PostMatch {
  kept: readonly Pair[];
  /** An open post whose unit or befattning the snapshot changed: a move of that post only. */
  moved: readonly Pair[];
  ended: readonly OpenEmployment[];
  added: readonly PostRow[];
}

const NONE: readonly never[] = Object.freeze([]);

const inUnit = (e: OpenEmployment, post: PostRow) => "id" in post.unit && post.unit.id === e.unitId;

/**
 * Same unit and befattning first, then same unit where the file gives no befattning; what is
 * left pairs up as moves (a post in the same unit first, then in file order), and the rest
 * ends or is new.
 */
export function matchPosts(open: readonly OpenEmployment[], posts: readonly PostRow[]): PostMatch {
  // One post kept or moved: nearly everyone in a city-size snapshot, so without the copies and
  // the four passes below (which give the same answer for it).
  if (open.length === 1 && posts.length === 1) {
    const pair = { open: open[0]!, post: posts[0]! };
    const kept =
      inUnit(pair.open, pair.post) &&
      (pair.post.row.title === null || pair.open.title === pair.post.row.title);
    return kept
      ? { kept: [pair], moved: NONE, ended: NONE, added: NONE }
      : { kept: NONE, moved: [pair], ended: NONE, added: NONE };
  }
  const kept: Pair[] = [];
  const moved: Pair[] = [];
  const freeOpen = [...open];
  const freePosts = [...posts];
  const pair = (test: (e: OpenEmployment, post: PostRow) => boolean, into: Pair[]) => {
    for (const post of [...freePosts]) {
      const i = freeOpen.findIndex((e) => test(e, post));
      if (i < 0) continue;
      into.push({ open: freeOpen[i]!, post });
      freeOpen.splice(i, 1);
      freePosts.splice(freePosts.indexOf(post), 1);
    }
  };
  pair((e, p) => inUnit(e, p) && e.title === p.row.title, kept);
  pair((e, p) => inUnit(e, p) && p.row.title === null, kept);
  pair(inUnit, moved);
  pair(() => true, moved);
  return { kept, moved, ended: freeOpen, added: freePosts };
}

/**
 * "slutar på Nattpatrullen, är kvar på Hemtjänst Bredäng" — what changed in the posts of
 * someone who stays, for the preview.
 */
export function describePostChanges(match: PostMatch, unitName: (ref: UnitRef) => string): string {
  const known = (id: number) => unitName({ id });
  const parts = [
    ...match.moved.map(
      ({ open, post }) =>
        `${inUnit(open, post) ? "byter befattning på" : `flyttar från ${known(open.unitId)} till`} ${
          inUnit(open, post) ? known(open.unitId) : unitName(post.unit)
        }`,
    ),
    ...match.ended.map((e) => `slutar på ${known(e.unitId)}`),
    ...match.added.map((p) => `börjar på ${unitName(p.unit)}`),
  ];
  const stays = [...new Set(match.kept.map((k) => known(k.open.unitId)))];
  if (stays.length > 0) parts.push(`är kvar på ${joinSwedish(stays)}`);
  return parts.join(", ");
}

function joinSwedish(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;
}

/** Rows of one person together (one per post), in the order the file first names them. */
export function groupByPerson(rows: readonly StaffRow[]): StaffRow[][] {
  const groups = new Map<string, StaffRow[]>();
  for (const row of rows) {
    const key = row.employeeNo ?? `email:${row.email}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}
