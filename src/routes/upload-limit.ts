/**
 * The body limit of a route that takes a file. Every other POST is capped at the form limit
 * by `requestBodyLimit` (src/auth/guard.ts), which skips the paths in its UPLOAD_PATHS; a file
 * route lists its path there and puts `uploadBodyLimit` first, so the file reaches the reader
 * (which names its own, finer limits) or is refused here with the app's Swedish 413 page.
 */
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { formatMegabytes } from "../../imports/read";
import { UserError } from "../domain/user-error";
import type { AppEnv } from "../env";

/** Room for the multipart envelope and the form's other fields. */
const ENVELOPE_BYTES = 64 * 1024;

export function tooLargeMessage(maxBytes: number): string {
  return `Filen är för stor; högst ${formatMegabytes(maxBytes)} tas emot.`;
}

/** Caps the body at the upload limit of this deployment (`c.get("readLimits").maxBytes`). */
export const uploadBodyLimit = createMiddleware<AppEnv>((c, next) => {
  const { maxBytes } = c.get("readLimits");
  return bodyLimit({
    maxSize: maxBytes + ENVELOPE_BYTES,
    onError: () => {
      throw new UserError(tooLargeMessage(maxBytes), 413);
    },
  })(c, next);
});
