/**
 * `cli user create`: the first admin (and any later account) without a default password.
 * Either the password comes on stdin (--password-stdin) or from NEW_USER_PASSWORD, or the
 * command prints a one-time set-password link path for the server's address.
 */
import type { Db } from "../../db/client";
import { PASSWORD_TOKEN_LIFETIME_MS, setPasswordPath } from "../auth/password-tokens";
import { publicOriginFromEnv } from "../auth/public-origin";
import { passwordProblem } from "../domain/password-policy";
import { UserError } from "../domain/user-error";
import { createUser, isRole } from "../services/users";
import type { ParsedArgs } from "./args";
import type { CliIo, CliOutput } from "./io";

export async function userCreate(db: Db, args: ParsedArgs, io: CliIo): Promise<CliOutput> {
  const { email, name, role, unit } = args.values;
  if (!email) throw new UserError("Ange --email E-POST.");
  if (!name) throw new UserError("Ange --name NAMN.");
  if (!role || !isRole(role)) {
    throw new UserError(`--role måste vara admin, hr, ledning eller chef (fick '${role ?? ""}').`);
  }
  let password: string | undefined;
  if (args.values["password-stdin"]) {
    if (!io.stdin) throw new UserError("--password-stdin kräver lösenordet på standard in.");
    password = (await io.stdin()).replace(/\r?\n$/, "");
  } else if (io.env.NEW_USER_PASSWORD) {
    password = io.env.NEW_USER_PASSWORD;
  }
  if (password !== undefined) {
    const problem = passwordProblem(password);
    if (problem) throw new UserError(problem);
  }
  const { user, token } = await createUser(
    db,
    { email, name, role, unitCodes: unit ?? [], password },
    { userId: null, ip: "cli" },
    io.now(),
  );
  const path = token ? setPasswordPath(token) : null;
  const origin = publicOriginFromEnv(io.env);
  const link = path && origin ? new URL(path, origin).toString() : null;
  const hours = PASSWORD_TOKEN_LIFETIME_MS / 3_600_000;
  return {
    json: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      units: unit ?? [],
      setPasswordPath: path,
    },
    text: link
      ? `Kontot ${user.email} (${role}) är skapat.\nLänk för att välja lösenord (en gång, ${hours} timmar):\n  ${link}`
      : path
        ? `Kontot ${user.email} (${role}) är skapat.\nLänk för att välja lösenord (en gång, ${hours} timmar) — lägg till serverns adress framför (eller sätt PUBLIC_URL):\n  ${path}`
        : `Kontot ${user.email} (${role}) är skapat med det angivna lösenordet.`,
  };
}
