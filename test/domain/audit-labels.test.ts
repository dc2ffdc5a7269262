import { describe, expect, it } from "vitest";
import { auditActionLabel, auditDetailParts, auditTargetText } from "../../src/domain/audit-labels";

describe("audit log in words", () => {
  it.each([
    ["import.applied", "Import sparad"],
    ["user.role_changed", "Roll ändrad"],
    ["report.locked", "Årsrapport låst"],
    ["something.new", "something.new"],
  ])("action %s reads %s", (action, label) => {
    expect(auditActionLabel(action)).toBe(label);
  });

  it.each([
    ["import:12", "Import nr 12"],
    ["annual:2025", "Årsrapport 2025"],
    ["unmatched:3,4", "Omatchad rad nr 3, 4"],
    ["anna@demo.se", "anna@demo.se"],
    ["rapport-2025.xlsx", "rapport-2025.xlsx"],
    [null, ""],
  ])("target %s reads %s", (target, text) => {
    expect(auditTargetText(target)).toBe(text);
  });

  it.each<[Record<string, unknown> | null, string[]]>([
    [null, []],
    [
      { kind: "staff", fileName: "personal.xlsx", sha256: "ab12cd", rows: 1024, left: 3 },
      ["slag: personallista", "fil: personal.xlsx", "rader: 1\u00a0024", "slutat: 3"],
    ],
    [{ from: "chef", to: "hr" }, ["från: chef", "till: HR"]],
    [{ sub: "oidc-123" }, []],
    [{ to: [], from: [4, 7] }, ["till: inga", "från: 4, 7"]],
    [{ from: { months: 24 }, dryRun: false }, ["från: (months: 24)", "dryRun: nej"]],
  ])("details %j read %j", (detail, parts) => {
    expect(auditDetailParts(detail)).toEqual(parts);
  });
});
