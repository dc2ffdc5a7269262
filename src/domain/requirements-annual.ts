/**
 * The annual report's section per deepened course: "X av Y i målgruppen har gått <kurs>",
 * Y = the target group on Y-12-31 (required, not exempt), X = of those, completed by then.
 * A deepened course without rules has no target group to count against: the sentence keeps
 * the deepened wording (people who attended during the year).
 */
import { formatNumber as formatCountText } from "./sentence";

export interface DeepenedCourseSection {
  course: string;
  title: string;
  /** False when the course has no requirement rules (nobody is required). */
  hasTargetGroup: boolean;
  /** Within the target group on Y-12-31 (0 without one). */
  headcount: number;
  completed: number;
  overdue: number;
  exempt: number;
  /** Distinct people with a completion of this course dated in the year, employed or not. */
  attendedInYear: number;
  sentence: string;
}

export function deepenedCourseSentence(
  s: Omit<DeepenedCourseSection, "sentence">,
  year: number,
): string {
  if (!s.hasTargetGroup) {
    const who =
      s.attendedInYear === 0
        ? "Ingen medarbetare har gått"
        : s.attendedInYear === 1
          ? "En medarbetare har gått"
          : `${formatCountText(s.attendedInYear)} medarbetare har gått`;
    return `${who} ${s.title} under ${year}. Kursen har ingen målgrupp.`;
  }
  const parts = [
    `${formatCountText(s.completed)} av ${formatCountText(s.headcount)} i målgruppen har gått ${s.title}.`,
  ];
  if (s.overdue > 0) {
    parts.push(
      s.overdue === 1
        ? "En har passerat sin deadline utan att ha gått kursen."
        : `${formatCountText(s.overdue)} har passerat sin deadline utan att ha gått kursen.`,
    );
  }
  if (s.exempt > 0) {
    parts.push(
      s.exempt === 1
        ? "En medarbetare är undantagen och räknas inte med."
        : `${formatCountText(s.exempt)} medarbetare är undantagna och räknas inte med.`,
    );
  }
  return parts.join(" ");
}
