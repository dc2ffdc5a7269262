import type { UnitRef } from "../../src/domain/coverage";
import type { PersonRequirement } from "../../src/domain/requirements-person";
import { MAX_STAFF_SEARCH, type StaffPage, type StaffQuery } from "../../src/domain/staff-query";
import type { StaffStatus } from "../../src/domain/staff-status";
import { StaffPager } from "../components/staff-pager";
import { StaffTable } from "../components/staff-table";
import { TableWrap } from "../components/table-wrap";
import { formatCount } from "../format";
import { urls } from "../urls";

export interface StaffListView {
  unit: UnitRef;
  asOf: string;
  asOfLabel: string;
  courseTitle: string;
  /** The search, filter, sort and page asked for (page clamped to the last one). */
  query: StaffQuery;
  result: StaffPage<StaffStatus>;
  notice?: string | null;
  /** The selected course (`kurs`, null = mandatory) and, when a target group applies, each person's requirement. */
  coursePart?: string | null;
  requirements?: ReadonlyMap<number, PersonRequirement> | null;
}

const FORM_ID = "staff-filter";

export function StaffListPage(view: StaffListView) {
  const { unit, asOf, query } = view;
  return (
    <>
      <p>
        <a href={urls.coverage(unit.id, asOf, view.coursePart)}>← Täckning för {unit.name}</a>
      </p>
      <h1>Personal: {unit.name}</h1>
      <link rel="stylesheet" href="/static/staff.css" />
      {/* The search fires after a pause in typing, the date only when it is a whole date:
          not one request per keystroke. A new filter starts again on page 1. */}
      <form
        id={FORM_ID}
        method="get"
        action={`/tackning/enhet/${unit.id}`}
        class="inline report-filter"
        hx-get={`/tackning/enhet/${unit.id}`}
        hx-trigger="submit, change from:#visa-kvar, change delay:700ms from:#datum, input changed delay:400ms from:#sok, search from:#sok"
        hx-target="#staff-result"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-sync="this:replace"
      >
        <div>
          <label for="datum">Per datum</label>
          <input id="datum" name="datum" type="date" value={asOf} required />
        </div>
        <div>
          <label for="sok">Sök namn, e-post, anst.nr, enhet eller befattning</label>
          <input
            id="sok"
            name="sok"
            type="search"
            value={query.search}
            maxlength={MAX_STAFF_SEARCH}
            autocomplete="off"
          />
        </div>
        <div>
          <label class="checkbox">
            <input
              id="visa-kvar"
              type="checkbox"
              name="visa"
              value="kvar"
              checked={query.onlyRemaining}
            />{" "}
            Bara de som inte påbörjat
          </label>
        </div>
        {view.coursePart ? <input type="hidden" name="kurs" value={view.coursePart} /> : null}
        <button type="submit">Visa</button>
      </form>
      <StaffListResult {...view} />
    </>
  );
}

export function StaffListResult({
  unit,
  asOf,
  asOfLabel,
  courseTitle,
  query,
  result,
  notice,
  coursePart,
  requirements,
}: StaffListView) {
  const filtered = query.onlyRemaining || query.search.trim() !== "";
  // Links keep the selected course (?kurs=) next to the filter, sort and page.
  const linkQuery = { ...query, course: coursePart ?? null };
  return (
    <div id="staff-result">
      {notice ? <p class="notice error">{notice}</p> : null}
      <p class="lead">
        {courseTitle}, per {asOfLabel}: {formatCount(result.all)} anställda,{" "}
        {result.remaining === 0
          ? "alla har påbörjat eller genomfört."
          : `${formatCount(result.remaining)} har inte påbörjat.`}
      </p>
      {/* The sort travels with the filter form (form=), so a new search keeps the order. */}
      <input type="hidden" form={FORM_ID} name="sortera" value={query.sort} />
      <input type="hidden" form={FORM_ID} name="ordning" value={query.direction} />
      <p class="staff-count" data-announce={countLine(query, result)}>
        {countLine(query, result)}
      </p>
      {result.matching > 0 ? (
        <>
          <p class="actions">
            <a href={urls.staffExport(unit.id, asOf, "xlsx", linkQuery)}>
              Exportera {filtered ? "urvalet" : "listan"} (Excel)
            </a>
            <a href={urls.staffExport(unit.id, asOf, "csv", linkQuery)}>
              Exportera {filtered ? "urvalet" : "listan"} (CSV)
            </a>
          </p>
          <TableWrap label="Anställda och status, rullas i sidled">
            <StaffTable
              unitId={unit.id}
              asOf={asOf}
              query={linkQuery}
              rows={result.rows}
              requirements={requirements ?? null}
            />
          </TableWrap>
          <StaffPager
            unitId={unit.id}
            asOf={asOf}
            query={linkQuery}
            page={result.page}
            pageCount={result.pageCount}
          />
        </>
      ) : null}
    </div>
  );
}

/** "Visar 51–100 av 312 som inte påbörjat och matchar ”anna”." */
function countLine(query: StaffQuery, result: StaffPage<StaffStatus>): string {
  const what = [
    query.onlyRemaining ? "som inte påbörjat" : null,
    query.search.trim() ? `som matchar ”${query.search.trim()}”` : null,
  ]
    .filter(Boolean)
    .join(" och ");
  if (result.matching === 0) {
    return what ? `Ingen ${what}.` : "Inga anställda på det datumet.";
  }
  const range =
    result.pageCount > 1
      ? `Visar ${formatCount(result.first)}–${formatCount(result.last)} av ${formatCount(result.matching)}`
      : `Visar ${result.matching === 1 ? "1 person" : `alla ${formatCount(result.matching)}`}`;
  return `${range}${what ? ` ${what}` : ""}.`;
}
