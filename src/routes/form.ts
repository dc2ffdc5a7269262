import { zValidator } from "@hono/zod-validator";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodType } from "zod";
import type { AppEnv } from "../env";

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

/** zValidator's hook is typed with the base Env; the request is the same one. */
export const asApp = (c: Context) => c as unknown as Context<AppEnv>;
