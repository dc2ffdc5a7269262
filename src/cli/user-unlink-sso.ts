/**
 * `cli user unlink-sso EMAIL`: clears an account's link to the SSO provider's `sub`, for when
 * the app was registered anew at the provider (every `sub` changes) and nobody can sign in
 * to reach the admin page. Audited like the admin button.
 */
import type { Db } from "../../db/client";
import { UserInputError, unlinkSso, userIdByEmail } from "../services/users";
import type { ParsedArgs } from "./args";
import { type CliOutput, UsageError } from "./io";

export async function userUnlinkSso(db: Db, args: ParsedArgs): Promise<CliOutput> {
  const email = args.positionals[2] ?? args.values.email;
  if (!email) throw new UsageError("Ange kontots e-postadress: cli user unlink-sso E-POST.");
  try {
    const user = await unlinkSso(db, await userIdByEmail(db, email), { userId: null, ip: "cli" });
    return {
      json: { email: user.email, unlinked: true, previousSubject: user.oidcSubject },
      text: `Inloggningskontot för ${user.email} är bortkopplat. Nästa inloggning via SSO kopplar kontot på nytt via e-postadressen.`,
    };
  } catch (err) {
    if (err instanceof UserInputError) throw new UsageError(err.message);
    throw err;
  }
}
