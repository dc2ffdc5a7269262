/**
 * The one kind of expected user mistake: a bad form value, a bad file, a refused change.
 * The message is Swedish and says what to do. The web app maps it once (`app.onError`: the
 * message as a page or an htmx fragment, with `status`), the CLI once (stderr, exit 1).
 * Anything else that is thrown is a bug and shows as an internal error.
 */
export type UserErrorStatus = 400 | 404 | 409 | 410 | 413 | 422;

export class UserError extends Error {
  override name = "UserError";
  readonly status: UserErrorStatus;

  constructor(message: string, status: UserErrorStatus = 400) {
    super(message);
    this.status = status;
  }
}
