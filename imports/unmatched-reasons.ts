/**
 * The reasons behind a course file's unmatched rows, for the preview: a count per reason and
 * the first rows with their reason (bounded, whatever the file's size).
 */
import {
  REASON_LABEL,
  type UnmatchedReasonKind,
  unmatchedReason,
} from "../src/domain/unmatched-reason";
import type { MatchablePerson } from "./person-matcher";

export const UNMATCHED_SAMPLE_SIZE = 100;

export interface UnmatchedDetail {
  /** Per reason, most common first. */
  reasons: Array<{ kind: UnmatchedReasonKind; label: string; count: number }>;
  /** The first rows (file order) with why each did not match. */
  sample: Array<{ row: number; name: string; email: string; employeeNo: string; reason: string }>;
}

export function unmatchedCollector(people: readonly MatchablePerson[]) {
  const byNo = new Map<string, number>();
  const byEmail = new Map<string, number>();
  for (const p of people) {
    if (p.employeeNo) byNo.set(p.employeeNo, (byNo.get(p.employeeNo) ?? 0) + 1);
    if (p.email) byEmail.set(p.email, (byEmail.get(p.email) ?? 0) + 1);
  }
  const lookup = {
    employeeNoCount: (no: string) => byNo.get(no) ?? 0,
    emailCount: (email: string) => byEmail.get(email) ?? 0,
  };
  const counts = new Map<UnmatchedReasonKind, number>();
  const sample: UnmatchedDetail["sample"] = [];
  return {
    add(row: { row: number; name: string; email: string; employeeNo: string }): void {
      const reason = unmatchedReason(row, lookup);
      counts.set(reason.kind, (counts.get(reason.kind) ?? 0) + 1);
      if (sample.length < UNMATCHED_SAMPLE_SIZE) sample.push({ ...row, reason: reason.text });
    },
    result(): UnmatchedDetail {
      const reasons = [...counts]
        .map(([kind, count]) => ({ kind, label: REASON_LABEL[kind], count }))
        .sort((a, b) => b.count - a.count);
      return { reasons, sample };
    },
  };
}
