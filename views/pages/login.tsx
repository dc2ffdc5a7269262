import { Notices } from "../components/notices";

export interface LoginPageProps {
  error?: string | null;
  notice?: string | null;
  email?: string;
  next?: string;
  /** Label of the single sign-on button; absent when SSO is not configured. */
  ssoLabel?: string | null;
  /** After logging out of an SSO session: a link that ends the provider's session too. */
  providerLogout?: { url: string; label: string } | null;
}

export function LoginPage({
  error,
  notice,
  email = "",
  next = "/",
  ssoLabel,
  providerLogout,
}: LoginPageProps) {
  return (
    <section class="narrow">
      <h1>Logga in</h1>
      <Notices error={error} notice={notice} />
      {providerLogout ? (
        <p>
          <a class="button secondary" href={providerLogout.url}>
            {providerLogout.label}
          </a>
        </p>
      ) : null}
      {ssoLabel ? (
        <p>
          <a class="button" href={`/login/sso?next=${encodeURIComponent(next)}`}>
            {ssoLabel}
          </a>
        </p>
      ) : null}
      <form method="post" action="/login" class="stack">
        <input type="hidden" name="next" value={next} />
        <label for="email">E-postadress</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value={email}
        />
        <label for="password">Lösenord</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        <button type="submit">Logga in</button>
      </form>
    </section>
  );
}
