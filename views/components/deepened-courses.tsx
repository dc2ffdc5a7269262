import type { DeepenedCourseSection } from "../../src/domain/requirements-annual";
import { formatCount } from "../format";

/** The annual report's section per deepened course: the sentence, then the figures behind it. */
export function DeepenedCourseSections({ sections }: { sections: DeepenedCourseSection[] }) {
  if (sections.length === 0) return null;
  return (
    <section class="deepened-courses" aria-labelledby="deepened-courses-heading">
      <h2 id="deepened-courses-heading">Fördjupade utbildningar</h2>
      {sections.map((s) => (
        <div class="deepened-course">
          <h3>{s.title}</h3>
          <p>{s.sentence}</p>
          {s.hasTargetGroup ? (
            <p class="muted">
              I målgruppen {formatCount(s.headcount)}, gått kursen {formatCount(s.completed)},
              försenade {formatCount(s.overdue)}, undantagna {formatCount(s.exempt)}; under året
              gick {formatCount(s.attendedInYear)} personer kursen.
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}
