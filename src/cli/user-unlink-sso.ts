/**
 * `cli user unlink-sso EMAIL`: clears an account's link to the SSO provider's `sub`, for when
 * the app was registered anew at the provider (every `sub` changes) and nobody can sign in
 * to reach the admin page. Audited like the admin button.
 */
import type { Db } from "../../db/client";
import { UserError } from "../domain/user-error";
import { unlinkSso, userIdByEmail } from "../services/users";
import type { ParsedArgs } from "./args";
import type { CliOutput } from "./io";

export async function userUnlinkSso(db: Db, args: ParsedArgs): Promise<CliOutput> {
  const email = args.positionals[2] ?? args.values.email;
  if (!email) throw new UserError("Ange kontots e-postadress: cli user unlink-sso E-POST.");
  const user = await unlinkSso(db, await userIdByEmail(db, email), { userId: null, ip: "cli" });
  return {
    json: { email: user.email, unlinked: true, previousSubject: user.oidcSubject },
    text: `Inloggningskontot för ${user.email} är bortkopplat. Nästa inloggning via SSO kopplar kontot på nytt via e-postadressen.`,
  };
}
