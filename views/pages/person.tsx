import type { PersonCourseRequirement } from "../../src/services/coverage-person";
import type { PersonWithPosts } from "../../src/services/person-posts";
import { PersonRequirements } from "../components/person-requirements";
import { formatExtent } from "../format";
import { urls } from "../urls";

/** A person: every post (current first) and the courses they started or completed. */
export function PersonPage({
  person,
  asOf,
  asOfLabel,
  requirements,
}: {
  person: PersonWithPosts;
  asOf: string;
  asOfLabel: string;
  requirements: PersonCourseRequirement[];
}) {
  const current = person.posts.filter(
    (p) => p.validFrom <= asOf && (!p.validTo || p.validTo >= asOf),
  );
  return (
    <>
      <h1>{person.name}</h1>
      <p>
        {person.employeeNo ? `Anst.nr ${person.employeeNo}` : "Inget anställningsnummer"}
        {person.email ? `, ${person.email}` : ""}. Per {asOfLabel}:{" "}
        {current.length === 0
          ? "ingen tjänst."
          : current.length === 1
            ? "en tjänst."
            : `${current.length} tjänster.`}
      </p>
      <table>
        <caption>Tjänster</caption>
        <thead>
          <tr>
            <th scope="col">Enhet</th>
            <th scope="col">Befattning</th>
            <th scope="col">Omfattning</th>
            <th scope="col">Från</th>
            <th scope="col">Till</th>
          </tr>
        </thead>
        <tbody>
          {person.posts.map((p) => (
            <tr>
              <th scope="row">
                {p.inScope ? <a href={urls.staff(p.unitId, asOf)}>{p.unitName}</a> : p.unitName}
              </th>
              <td>{p.inScope ? (p.title ?? "") : "–"}</td>
              <td>{p.extent !== null ? formatExtent(p.extent) : "–"}</td>
              <td>{p.validFrom}</td>
              <td>{p.validTo ?? "tills vidare"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PersonRequirements rows={requirements} asOfLabel={asOfLabel} />
      <table>
        <caption>Utbildningar per {asOfLabel}</caption>
        <thead>
          <tr>
            <th scope="col">Utbildning</th>
            <th scope="col">Påbörjad</th>
            <th scope="col">Genomförd</th>
          </tr>
        </thead>
        <tbody>
          {person.courses.length === 0 ? (
            <tr>
              <td colspan={3}>Ingen utbildning påbörjad.</td>
            </tr>
          ) : (
            person.courses.map((c) => (
              <tr>
                <th scope="row">{c.title}</th>
                <td>{c.startedOn ?? "–"}</td>
                <td>{c.completedOn ?? "–"}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </>
  );
}
