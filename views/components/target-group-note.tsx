import type { CourseFigures } from "../../src/domain/requirements-figures";
import { formatCount } from "../format";

/**
 * What the figures count when a course has a target group: nobody (no rules yet), or who was
 * left out and why ("Undantagna: 3 – föräldraledighet 2, långtidssjukskrivning 1").
 */
export function TargetGroupNote({
  result,
}: {
  result: CourseFigures & { ruleCount: number; targetGroupApplies: boolean };
}) {
  if (result.ruleCount === 0) {
    return (
      <p class="notice">
        Kursen har ingen målgrupp ännu (inga kravregler), så ingen behöver gå den och inga siffror
        räknas mot någon målgrupp.
      </p>
    );
  }
  if (!result.targetGroupApplies) return null;
  return (
    <p class="muted target-group-note">
      Räknas inom kursens målgrupp: de anställda som kravreglerna omfattar på datumet.{" "}
      {result.exempt === 0
        ? "Ingen är undantagen."
        : `Undantagna och inte medräknade: ${formatCount(result.exempt)} – ${result.exemptReasons
            .map((r) => `${r.reason} ${formatCount(r.count)}`)
            .join(", ")}.`}
    </p>
  );
}
