import { raw } from "hono/html";
import type { FollowUpActivity, PlanReview } from "../../src/services/plan-review";
import { planUrls } from "../plan-urls";

function ActivityList(p: { title: string; activities: FollowUpActivity[]; id: string }) {
  if (p.activities.length === 0) return null;
  return (
    <section class="review-list" aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      <ul>
        {p.activities.map((a) => (
          <li>
            <strong>{a.activity}</strong> <span class="review-area">({a.area})</span>
            {a.responsible ? <span class="review-who"> Ansvarig: {a.responsible}.</span> : null}
            {a.figure ? <span> {`${a.figure.courseTitle}: ${a.figure.text}.`}</span> : null}
            {a.comment ? <span class="review-comment"> {a.comment}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What both the page and the print view show, in the order the review reads. */
export function ReviewBody({ review }: { review: PlanReview }) {
  return (
    <>
      <p class="review-paragraph">{review.paragraph}</p>
      <ActivityList
        id="ej-genomforda"
        title="Aktiviteter som inte har genomförts"
        activities={review.notDone}
      />
      <ActivityList
        id="delvis-genomforda"
        title="Delvis genomförda aktiviteter"
        activities={review.partlyDone}
      />
      {review.summary.activities > 0 ? (
        <table class="plan-counts review-counts">
          <caption>Aktiviteter per område och status</caption>
          <thead>
            <tr>
              <th scope="col">Område</th>
              <th scope="col" class="num">
                Totalt
              </th>
              <th scope="col" class="num">
                Genomförda
              </th>
              <th scope="col" class="num">
                Delvis
              </th>
              <th scope="col" class="num">
                Pågående
              </th>
              <th scope="col" class="num">
                Planerade
              </th>
              <th scope="col" class="num">
                Ej genomförda
              </th>
            </tr>
          </thead>
          <tbody>
            {review.summary.areas.map((a) => (
              <tr>
                <th scope="row">{a.area}</th>
                <td class="num">{a.total}</td>
                <td class="num">{a.byStatus.genomford}</td>
                <td class="num">{a.byStatus.delvis}</td>
                <td class="num">{a.byStatus.pagaende}</td>
                <td class="num">{a.byStatus.planerad}</td>
                <td class="num">{a.byStatus.ej}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export function PlanReviewPage({ review }: { review: PlanReview }) {
  const { year } = review;
  return (
    <>
      <link rel="stylesheet" href="/static/plan.css" />
      <nav class="year-nav no-print" aria-label="År">
        <a href={planUrls.review(year - 1)}>← {year - 1}</a>{" "}
        <a href={planUrls.review(year + 1)}>{year + 1} →</a>
        <a href={planUrls.plan(year)}>Handlingsplan {year}</a>
      </nav>
      <article class="review">
        <h1>Verksamhetsberättelse {year}: arbetet mot våldsbejakande extremism</h1>
        <ReviewBody review={review} />
      </article>
      <p class="actions no-print">
        <a href={planUrls.print(year)}>Utskriftsvänlig version (A4)</a>
        <a href={planUrls.export(year)}>Exportera (Excel)</a>
      </p>
    </>
  );
}

/** A document of its own: no menu, A4 page rules in plan-print.css, a print button. */
export function PlanPrintDocument({ review }: { review: PlanReview }) {
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="sv">
        <head>
          <meta charset="utf-8" />
          <title>{`Verksamhetsberättelse ${review.year} – utskrift`}</title>
          <link rel="stylesheet" href="/static/plan-print.css" />
          <script src="/static/plan-print.js" defer></script>
        </head>
        <body class="print-view">
          <p class="print-tools">
            <button type="button" data-print>
              Skriv ut
            </button>{" "}
            <a href={planUrls.review(review.year)}>Tillbaka</a>
          </p>
          <article class="review">
            <h1>Verksamhetsberättelse {review.year}</h1>
            <h2 class="print-subtitle">Arbetet mot våldsbejakande extremism</h2>
            <ReviewBody review={review} />
          </article>
        </body>
      </html>
    </>
  );
}
