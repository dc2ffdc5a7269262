import type { PlanActivity } from "../../db/schema";
import { PLAN_AREAS } from "../../src/domain/plan-areas";
import { PLAN_STATUSES } from "../../src/domain/plan-status";
import { planUrls } from "../plan-urls";

export interface ActivityFormProps {
  year: number;
  /** null: a new activity. */
  activity: PlanActivity | null;
  courses: Array<{ id: string; title: string }>;
  error?: string | null;
}

/** Add or edit one activity (admin and ledning). */
export function PlanActivityPage({ year, activity: a, courses, error }: ActivityFormProps) {
  const action = a ? planUrls.activity(year, a.id) : planUrls.activities(year);
  return (
    <>
      <link rel="stylesheet" href="/static/plan.css" />
      <p>
        <a href={planUrls.plan(year)}>← Handlingsplan {year}</a>
      </p>
      <h1>{a ? "Ändra aktivitet" : `Ny aktivitet i handlingsplan ${year}`}</h1>
      {error ? (
        <p class="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action={action} class="stack plan-form">
        <label for="area">Område</label>
        <select id="area" name="area">
          {PLAN_AREAS.map((area) => (
            <option value={area} selected={a?.area === area}>
              {area}
            </option>
          ))}
        </select>
        <label for="activity">Åtgärd / Aktivitet</label>
        <textarea id="activity" name="activity" rows={2} required>
          {a?.activity ?? ""}
        </textarea>
        <label for="responsible">Ansvarig</label>
        <input id="responsible" name="responsible" value={a?.responsible ?? ""} />
        <label for="otherActors">Övriga aktörer</label>
        <input id="otherActors" name="otherActors" value={a?.otherActors ?? ""} />
        <label for="timeline">Tidplan</label>
        <input
          id="timeline"
          name="timeline"
          value={a?.timeline ?? ""}
          placeholder="t.ex. Q2 2019, Löpande"
        />
        <label for="status">Status</label>
        <select id="status" name="status">
          {PLAN_STATUSES.map((s) => (
            <option value={s} selected={(a?.status ?? "Planerad") === s}>
              {s}
            </option>
          ))}
        </select>
        <label for="comment">Kommentar (uppföljning)</label>
        <textarea id="comment" name="comment" rows={3}>
          {a?.comment ?? ""}
        </textarea>
        <fieldset>
          <legend>Koppling till utbildning (kompetenshöjande aktiviteter)</legend>
          <label for="courseId">Utbildning</label>
          <select id="courseId" name="courseId">
            <option value="">Ingen</option>
            {courses.map((c) => (
              <option value={c.id} selected={a?.courseId === c.id}>
                {c.title}
              </option>
            ))}
          </select>
          <label for="targetPercent">Mål: andel som påbörjat eller genomfört (%)</label>
          <input
            id="targetPercent"
            name="targetPercent"
            type="number"
            min="1"
            max="100"
            value={a?.targetPercent?.toString() ?? ""}
          />
          <label for="targetDate">Senast (tomt = 31 december {year})</label>
          <input id="targetDate" name="targetDate" type="date" value={a?.targetDate ?? ""} />
        </fieldset>
        <button type="submit">Spara</button>
      </form>
      {a ? (
        <form method="post" action={planUrls.remove(year, a.id)} class="danger-zone">
          <button type="submit" class="secondary">
            Ta bort aktiviteten
          </button>
        </form>
      ) : null}
    </>
  );
}
