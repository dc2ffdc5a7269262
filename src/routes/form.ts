import { zValidator } from "@hono/zod-validator";
import { HTTPException } from "hono/http-exception";
import type { ZodType } from "zod";

/** zValidator for forms whose failure is the Swedish 400 page, not a JSON dump. */
export function formValidator<T extends ZodType>(schema: T) {
  return zValidator("form", schema, (result) => {
    if (!result.success) {
      throw new HTTPException(400, {
        message: "Formuläret innehöll ogiltiga värden. Försök igen.",
      });
    }
  });
}
