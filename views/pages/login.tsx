export interface LoginPageProps {
  error?: string | null;
  email?: string;
  next?: string;
}

export function LoginPage({ error, email = "", next = "/" }: LoginPageProps) {
  return (
    <section class="narrow">
      <h1>Logga in</h1>
      {error ? (
        <p class="notice error" role="alert">
          {error}
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
