/** The register extract (registerutdrag) of one person, readable; the JSON has the same content. */
import type { RegisterExtract } from "../../../src/services/privacy/extract";
import { Notices } from "../../components/notices";
import { ACCESS_KIND_LABELS } from "./privacy-access";

export interface ExtractPageProps {
  employeeNo: string | null;
  extract: RegisterExtract | null;
  error?: string | null;
}

function Section({ title, count, children }: { title: string; count: number; children: unknown }) {
  return (
    <section>
      <h2>
        {title} ({count})
      </h2>
      {count === 0 ? <p>Inga.</p> : children}
    </section>
  );
}

export function ExtractPage({ employeeNo, extract: x, error }: ExtractPageProps) {
  return (
    <>
      <h1>Registerutdrag</h1>
      <p>Allt Genomförd har sparat om en person, att lämna ut enligt dataskyddsförordningen.</p>
      <Notices error={error ?? null} notice={null} />
      <form method="get" action="/admin/integritet/registerutdrag" class="inline-form">
        <label for="anstnr">Anställningsnummer</label>{" "}
        <input id="anstnr" name="anstnr" value={employeeNo ?? ""} required inputmode="numeric" />{" "}
        <button type="submit">Visa utdrag</button>
      </form>
      {x ? (
        <article>
          <h2>
            {x.person.firstName} {x.person.lastName}
          </h2>
          <dl>
            <dt>Anställningsnummer</dt>
            <dd>{x.person.employeeNo ?? "–"}</dd>
            <dt>E-post</dt>
            <dd>{x.person.email ?? "–"}</dd>
            <dt>Registrerad</dt>
            <dd>{x.person.createdAt.slice(0, 10)}</dd>
            <dt>Utdraget gjort</dt>
            <dd>{x.generatedAt.replace("T", " ").slice(0, 16)} (UTC)</dd>
          </dl>
          <p>
            <a
              href={`/admin/integritet/registerutdrag/${encodeURIComponent(x.person.employeeNo ?? "")}.json`}
            >
              Ladda ner som JSON
            </a>
          </p>
          <Section title="Anställningar" count={x.employments.length}>
            <ul>
              {x.employments.map((e) => (
                <li>
                  {e.validFrom} – {e.validTo ?? "pågår"}: {e.unit}
                  {e.unitCode ? ` (${e.unitCode})` : ""}
                  {e.title ? `, ${e.title}` : ""}
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Utbildningshändelser" count={x.courseEvents.length}>
            <ul>
              {x.courseEvents.map((e) => (
                <li>
                  {e.date}: {e.course} – {e.kind === "completed" ? "genomförd" : "påbörjad"}
                  {e.sourceFile ? ` (från ${e.sourceFile})` : ""}
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Manuella kopplingar" count={x.links.length}>
            <ul>
              {x.links.map((l) => (
                <li>
                  {l.key} ({l.createdAt.slice(0, 10)})
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Undantag från kurser" count={x.exemptions.length}>
            <ul>
              {x.exemptions.map((e) => (
                <li>
                  {e.course ?? "Alla kurser"}: {e.from} – {e.to ?? "tills vidare"}, {e.reason}
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Filrader som kopplats för hand" count={x.linkedFileRows.length}>
            <ul>
              {x.linkedFileRows.map((r) => (
                <li>
                  {r.file}, rad {r.row}:{" "}
                  {Object.entries(r.values)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join("; ")}
                </li>
              ))}
            </ul>
          </Section>
          <Section
            title="Åtkomstlogg: listor och sidor som visade personen"
            count={x.accessLog.length}
          >
            <ul>
              {x.accessLog.map((a) => (
                <li>
                  {a.at.replace("T", " ").slice(0, 16)}: {a.by ?? "–"},{" "}
                  {ACCESS_KIND_LABELS[a.kind] ?? a.kind}, {a.unit ?? "hela förvaltningen"}
                  {a.asOf ? ` per ${a.asOf}` : ""}
                </li>
              ))}
            </ul>
          </Section>
        </article>
      ) : null}
    </>
  );
}
