/** Funktionsnivå and tags per unit (admin/hr): the tree, one unit's edit form. */
import type { FunctionLevel } from "../../../db/schema";
import { FUNCTION_LEVEL_LABEL } from "../../../src/domain/function-level";
import type { UnitAttributes } from "../../../src/services/unit-attributes";
import { TargetUploadForm } from "./import";

function Level({ u }: { u: UnitAttributes }) {
  if (u.ownLevel) return <strong>{FUNCTION_LEVEL_LABEL[u.ownLevel]}</strong>;
  if (u.level)
    return (
      <span class="muted">
        {FUNCTION_LEVEL_LABEL[u.level]} (ärvs från {u.levelFrom})
      </span>
    );
  return <span class="muted">–</span>;
}

function Tags({ u }: { u: UnitAttributes }) {
  return (
    <>
      {u.ownTags.join(", ")}
      {u.inheritedTags.length > 0 ? (
        <span class="muted">
          {u.ownTags.length > 0 ? "; " : ""}
          {u.inheritedTags.map((t) => `${t.tag} (från ${t.from})`).join(", ")}
        </span>
      ) : null}
    </>
  );
}

export function UnitAttributesPage(p: {
  units: UnitAttributes[];
  notice: string | null;
  limitLabel: string;
}) {
  return (
    <>
      <h1>Enheternas funktionsnivå och taggar</h1>
      <p>
        Funktionsnivån ärvs nedåt i organisationen tills en enhet anger en egen. En tagg gäller
        enheten och alla enheter under den. Kurskraven kan avgränsas med båda.
      </p>
      {p.notice ? (
        <p class="notice ok" role="status">
          {p.notice}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">Enhet</th>
            <th scope="col">Kod</th>
            <th scope="col">Funktionsnivå</th>
            <th scope="col">Taggar</th>
            <th scope="col">
              <span class="visually-hidden">Ändra</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.units.map((u) => (
            <tr>
              <th scope="row">
                {"\u00a0\u00a0".repeat(u.depth)}
                {u.name}
              </th>
              <td>{u.code ?? ""}</td>
              <td>
                <Level u={u} />
              </td>
              <td>
                <Tags u={u} />
              </td>
              <td>
                <a href={`/malgrupper/enheter/${u.id}`}>
                  Ändra<span class="visually-hidden"> {u.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TargetUploadForm kind="units" limitLabel={p.limitLabel} />
    </>
  );
}

const LEVELS: Array<[FunctionLevel | "", string]> = [
  ["", "Ärvs från enheten ovanför"],
  ["forebyggande", FUNCTION_LEVEL_LABEL.forebyggande],
  ["forhindrande", FUNCTION_LEVEL_LABEL.forhindrande],
];

export function UnitAttributeForm(p: { unit: UnitAttributes; notice: string | null }) {
  const u = p.unit;
  return (
    <section id="unit-attributes" aria-labelledby="unit-title">
      <h1 id="unit-title">{u.name}</h1>
      {p.notice ? (
        <p class="notice ok" role="status">
          {p.notice}
        </p>
      ) : null}
      <p>
        Gäller nu: <Level u={u} />. Ärvda taggar:{" "}
        {u.inheritedTags.length > 0
          ? u.inheritedTags.map((t) => `${t.tag} (från ${t.from})`).join(", ")
          : "inga"}
        .
      </p>
      <form
        method="post"
        action={`/malgrupper/enheter/${u.id}`}
        hx-post={`/malgrupper/enheter/${u.id}`}
        hx-target="#unit-attributes"
        hx-swap="outerHTML"
        class="stack"
      >
        <label for="functionLevel">Egen funktionsnivå</label>
        <select id="functionLevel" name="functionLevel">
          {LEVELS.map(([value, label]) => (
            <option value={value} selected={(u.ownLevel ?? "") === value}>
              {label}
            </option>
          ))}
        </select>
        <label for="tags">Egna taggar (skilj med kommatecken)</label>
        <input id="tags" name="tags" type="text" value={u.ownTags.join(", ")} maxlength={500} />
        <button type="submit">Spara</button>
      </form>
      <p>
        <a href="/malgrupper/enheter">Tillbaka till alla enheter</a>
      </p>
    </section>
  );
}
