import type { UserListItem } from "../../../src/services/users";
import { ROLE_LABELS } from "./users";

/**
 * Asked before an account is deactivated: whose account, what they lose and that nothing
 * else is removed (the account can be activated again).
 */
export function DeactivateConfirm({ user }: { user: UserListItem }) {
  return (
    <section class="preview" aria-labelledby="deactivate-title">
      <h1 id="deactivate-title">Inaktivera kontot för {user.name}?</h1>
      <dl class="confirm-summary">
        <dt>E-post</dt>
        <dd>{user.email}</dd>
        <dt>Roll</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        {user.units.length > 0 ? (
          <>
            <dt>Enheter</dt>
            <dd>{user.units.map((u) => u.name).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      <p>
        {user.name} loggas ut överallt direkt och kan inte logga in förrän kontot aktiveras igen.
        Länkar för att välja lösenord slutar gälla. Inget annat tas bort: roll, enheter och historik
        finns kvar.
      </p>
      <form method="post" action={`/admin/users/${user.id}/deactivate`} class="inline">
        <button type="submit">Ja, inaktivera kontot</button>{" "}
        <a href={`/admin/users/${user.id}`}>Avbryt</a>
      </form>
    </section>
  );
}
