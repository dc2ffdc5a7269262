import { describe, expect, it } from "vitest";
import { type CarrySource, carryOver, shiftTimeline } from "../../src/domain/plan-carry";
import type { PlanStatus } from "../../src/domain/plan-status";

let nextId = 1;
function activity(status: PlanStatus, text: string, extra: Partial<CarrySource> = {}): CarrySource {
  const id = nextId++;
  return {
    id,
    year: 2019,
    area: "Förebyggande",
    activity: text,
    responsible: "Stadsdelsförvaltningen",
    otherActors: null,
    timeline: "2019",
    status,
    courseId: null,
    targetPercent: null,
    targetDate: null,
    position: id,
    ...extra,
  };
}

describe("carryOver: open activities go to the next year", () => {
  it.each<[PlanStatus, PlanStatus | null]>([
    ["Genomförd", null],
    ["Delvis genomförd", "Pågående"],
    ["Pågående", "Pågående"],
    ["Planerad", "Planerad"],
    ["Ej genomförd", "Planerad"],
  ])("%s in 2019 → %s in 2020", (before, after) => {
    const source = activity(before, "Samverkan med polisen");
    const { copies } = carryOver([source], 2020, []);
    expect(copies.map((c) => c.status)).toEqual(after ? [after] : []);
    if (after) {
      expect(copies[0]).toMatchObject({
        year: 2020,
        carriedFromId: source.id,
        carriedFromYear: 2019,
        comment: null,
        timeline: "2020",
        responsible: "Stadsdelsförvaltningen",
      });
    }
  });

  it("keeps the course link and the target share, not the old date", () => {
    const source = activity("Delvis genomförd", "All personal ska gå webbutbildningen", {
      area: "Kompetenshöjande",
      courseId: "vbe-webb",
      targetPercent: 90,
      targetDate: "2019-12-31",
    });
    const [copy] = carryOver([source], 2020, []).copies;
    expect(copy).toMatchObject({ courseId: "vbe-webb", targetPercent: 90, targetDate: null });
  });

  it("copying twice adds nothing; an activity already in the new plan is skipped", () => {
    const a = activity("Pågående", "Kartlägga föreningar");
    const b = activity("Planerad", "Utbilda chefer");
    const c = activity("Ej genomförd", "Ta fram rutin");
    const existing = [
      { area: "Förebyggande", activity: "Kartlägga föreningar", carriedFromId: a.id },
      { area: "Förebyggande", activity: "  utbilda  CHEFER ", carriedFromId: null },
    ];
    const r = carryOver([a, b, c], 2020, existing);
    expect(r.copies.map((x) => x.activity)).toEqual(["Ta fram rutin"]);
    expect(r.skipped).toBe(2);
    expect(r.copies[0]!.position).toBe(2);
  });
});

describe("shiftTimeline", () => {
  it.each([
    ["2019", "2020"],
    ["Q2 2019", "Q2 2020"],
    ["Löpande", "Löpande"],
    ["Planeras till 2018", "Planeras till 2018"],
    ["20190", "20190"],
  ])("%j → %j", (before, after) => {
    expect(shiftTimeline(before, 2019, 2020)).toBe(after);
  });
});
