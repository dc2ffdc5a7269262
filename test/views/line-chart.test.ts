import { describe, expect, it } from "vitest";
import { showsLabel } from "../../views/components/line-chart";

const labelled = (count: number, every: number) =>
  Array.from({ length: count }, (_, i) => i).filter((i) => showsLabel(i, count, every));

describe("trend chart axis labels", () => {
  it.each([
    // 23 months (jan 25 – nov 26), every 3rd: okt 26 (i=21) would touch nov 26 (i=22).
    [23, 3, [0, 3, 6, 9, 12, 15, 18, 22]],
    // The last point lands on the rhythm: labelled once.
    [22, 3, [0, 3, 6, 9, 12, 15, 18, 21]],
    // Far enough apart: both stay.
    [20, 3, [0, 3, 6, 9, 12, 15, 19]],
    // Few points, each labelled: nothing to drop.
    [5, 1, [0, 1, 2, 3, 4]],
    [16, 2, [0, 2, 4, 6, 8, 10, 12, 15]],
    [1, 1, [0]],
  ])("%i points, every %i → %j", (count, every, expected) => {
    expect(labelled(count, every)).toEqual(expected);
  });
});
