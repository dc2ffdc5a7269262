import { MIN_PASSWORD_LENGTH } from "../../src/domain/password-policy";
import { Notices } from "../components/notices";

export interface PasswordFormProps {
  /** Where the form posts. */
  action: string;
  title: string;
  /** Ask for the current password (changing), not for a set-password link. */
  askCurrent: boolean;
  email?: string;
  error?: string | null;
  done?: string | null;
}

/** Change your password, or set the first one from a one-time link. */
export function PasswordForm({ action, title, askCurrent, email, error, done }: PasswordFormProps) {
  return (
    <section class="narrow">
      <h1>{title}</h1>
      <Notices error={error} notice={done} />
      <form method="post" action={action} class="stack">
        {email ? (
          <input type="email" name="username" autocomplete="username" value={email} hidden />
        ) : null}
        {askCurrent ? (
          <>
            <label for="current">Nuvarande lösenord</label>
            <input
              id="current"
              name="current"
              type="password"
              autocomplete="current-password"
              required
            />
          </>
        ) : null}
        <label for="password">Nytt lösenord</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          minlength={MIN_PASSWORD_LENGTH}
          required
          aria-describedby="password-hint"
        />
        <p id="password-hint" class="muted">
          Minst {MIN_PASSWORD_LENGTH} tecken. En fras av flera ord är både säker och lätt att
          minnas.
        </p>
        <label for="repeat">Upprepa det nya lösenordet</label>
        <input
          id="repeat"
          name="repeat"
          type="password"
          autocomplete="new-password"
          minlength={MIN_PASSWORD_LENGTH}
          required
        />
        <button type="submit">Spara lösenordet</button>
      </form>
    </section>
  );
}
