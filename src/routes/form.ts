import { zValidator } from "@hono/zod-validator";
import type { ZodType } from "zod";
import { UserError } from "../domain/user-error";

/** zValidator for forms: a value that does not parse is a UserError (400), not a JSON dump. */
export function formValidator<T extends ZodType>(schema: T) {
  return zValidator("form", schema, (result) => {
    if (!result.success) throw new UserError("Formuläret innehöll ogiltiga värden. Försök igen.");
  });
}
