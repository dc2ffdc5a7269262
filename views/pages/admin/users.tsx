import type { Role } from "../../../db/schema";
import { ROLES } from "../../../src/domain/roles";
import type { UserListItem } from "../../../src/services/users";
import { Notices } from "../../components/notices";

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administratör",
  hr: "HR",
  ledning: "Förvaltningsledning",
  chef: "Chef",
};

export interface AssignableUnit {
  id: number;
  code: string | null;
  name: string;
  depth: number;
}

function unitLabel(u: { code: string | null; name: string }) {
  return u.code ? `${u.name} (${u.code})` : u.name;
}

export function UserList({ users }: { users: UserListItem[] }) {
  return (
    <>
      <h1>Användare</h1>
      <p>
        <a class="button" href="/admin/users/new">
          Nytt konto
        </a>{" "}
        <a href="/admin/audit">Granskningslogg</a>
      </p>
      <table class="users-table">
        <caption>Konton i Genomförd</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">E-post</th>
            <th scope="col">Roll</th>
            <th scope="col">Enheter</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <th scope="row">
                <a href={`/admin/users/${u.id}`}>{u.name}</a>
              </th>
              <td>{u.email}</td>
              <td>{ROLE_LABELS[u.role]}</td>
              <td>{u.role === "chef" ? u.units.map(unitLabel).join(", ") : "Alla"}</td>
              <td>
                {u.active
                  ? u.passwordHash || u.oidcSubject
                    ? "Aktiv"
                    : "Väntar på lösenord"
                  : "Inaktiverad"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function RoleSelect({ value }: { value?: Role }) {
  return (
    <select id="role" name="role" required>
      {ROLES.map((r) => (
        <option value={r} selected={r === value}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </select>
  );
}

function UnitChoices({ units, checked }: { units: AssignableUnit[]; checked: number[] }) {
  return (
    <fieldset class="unit-choices">
      <legend>Enheter (chefen ser valda enheter och allt under dem)</legend>
      {units.map((u) => (
        <label class={`depth-${Math.min(u.depth, 3)}`}>
          <input
            type="checkbox"
            name="unit"
            value={String(u.id)}
            checked={checked.includes(u.id)}
          />{" "}
          {unitLabel(u)}
        </label>
      ))}
    </fieldset>
  );
}

export function NewUserForm({
  units,
  error,
  values,
}: {
  units: AssignableUnit[];
  error?: string | null;
  values?: { email?: string; name?: string; role?: Role; unitIds?: number[] };
}) {
  return (
    <section>
      <h1>Nytt konto</h1>
      {error ? (
        <p class="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/admin/users" class="stack">
        <label for="name">Namn</label>
        <input id="name" name="name" required value={values?.name ?? ""} />
        <label for="email">E-postadress</label>
        <input id="email" name="email" type="email" required value={values?.email ?? ""} />
        <label for="role">Roll</label>
        <RoleSelect value={values?.role} />
        <UnitChoices units={units} checked={values?.unitIds ?? []} />
        <button type="submit">Skapa konto</button>
      </form>
    </section>
  );
}

/** Shown once: the token is not stored, so the link cannot be displayed again. */
export function PasswordLinkCreated({
  user,
  link,
  ssoName = null,
}: {
  user: UserListItem;
  link: string;
  /** The SSO provider's name; null when SSO is off. */
  ssoName?: string | null;
}) {
  return (
    <section>
      <h1>Länk för att välja lösenord</h1>
      <p class="notice ok" role="status">
        Skicka länken till {user.name} ({user.email}). Den fungerar en gång och gäller i 72 timmar.
        Den visas bara nu.
      </p>
      <p>
        <input class="link-box" readonly value={link} aria-label="Länk för att välja lösenord" />
      </p>
      {ssoName ? <p>Kontot kan också logga in via {ssoName}, med samma e-postadress.</p> : null}
      <p>
        <a href={`/admin/users/${user.id}`}>Till kontot</a> ·{" "}
        <a href="/admin/users">Alla användare</a>
      </p>
    </section>
  );
}

export function UserDetail({
  user,
  units,
  isSelf,
  ssoName = null,
  error,
  notice,
}: {
  user: UserListItem;
  units: AssignableUnit[];
  isSelf: boolean;
  /** The SSO provider's name; null when SSO is off. */
  ssoName?: string | null;
  error?: string | null;
  notice?: string | null;
}) {
  return (
    <section>
      <h1>{user.name}</h1>
      <p>
        {user.email} · {ROLE_LABELS[user.role]} · {user.active ? "aktiv" : "inaktiverad"}
        {user.oidcSubject
          ? ` · kopplad till inloggningskonto${ssoName ? ` hos ${ssoName}` : ""}`
          : ""}
      </p>
      <Notices error={error} notice={notice} />
      <h2>Roll</h2>
      <form method="post" action={`/admin/users/${user.id}/role`} class="stack">
        <label for="role">Roll</label>
        <RoleSelect value={user.role} />
        <button type="submit" disabled={isSelf}>
          Spara roll
        </button>
      </form>
      {user.role === "chef" ? (
        <>
          <h2>Enheter</h2>
          <form method="post" action={`/admin/users/${user.id}/units`} class="stack">
            <UnitChoices units={units} checked={user.units.map((u) => u.id)} />
            <button type="submit">Spara enheter</button>
          </form>
        </>
      ) : null}
      <h2>Inloggning</h2>
      <form method="post" action={`/admin/users/${user.id}/password-link`}>
        <button type="submit" class="secondary">
          Ny länk för att välja lösenord
        </button>
      </form>
      {user.oidcSubject ? (
        <form method="post" action={`/admin/users/${user.id}/unlink-sso`}>
          <p>
            Kontot följer inloggningskontot hos {ssoName ?? "inloggningstjänsten"} (sub{" "}
            <code>{user.oidcSubject}</code>). Koppla bort det om appen registrerats om hos
            leverantören eller kontot kopplats fel; nästa inloggning kopplar på nytt via
            e-postadressen.
          </p>
          <button type="submit" class="secondary">
            Koppla bort inloggningskonto
          </button>
        </form>
      ) : null}
      {isSelf ? null : user.active ? (
        <p>
          {/* A confirmation page first: deactivating logs the person out everywhere. */}
          <a class="button secondary" href={`/admin/users/${user.id}/deactivate`}>
            Inaktivera kontot …
          </a>
        </p>
      ) : (
        <form method="post" action={`/admin/users/${user.id}/activate`}>
          <button type="submit" class="secondary">
            Aktivera kontot igen
          </button>
        </form>
      )}
      <p>
        <a href="/admin/users">Alla användare</a>
      </p>
    </section>
  );
}
