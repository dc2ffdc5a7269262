/**
 * Command-line entry (contract in ../shared/DESIGN.md): stdout carries human text or one
 * JSON document with --json; errors go to stderr; exit 0 ok, 1 bad input/usage (nothing
 * written), 70 internal error. The CLI migrates the DB itself.
 */
import { pathToFileURL } from "node:url";
import type { Db } from "../db/client";
import { databaseUrlFromEnv, openNodeDb } from "../db/node";
import { useNodeScrypt } from "./auth/node-scrypt";
import { parse, USAGE } from "./cli/args";
import { type CliIo, type CliOutput, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK } from "./cli/io";
import { planSummaryCommand } from "./cli/plan-summary";
import { privacyExtract } from "./cli/privacy-extract";
import { privacyPurge } from "./cli/privacy-purge";
import { reportAnnual } from "./cli/report-annual";
import { reportCoverage } from "./cli/report-coverage";
import { userCreate } from "./cli/user-create";
import { userUnlinkSso } from "./cli/user-unlink-sso";
import { stockholmDate } from "./domain/dates";
import { UserError } from "./domain/user-error";
import { prepareDatabase } from "./services/database";
import { isEmpty, seedDemoData } from "./services/demo/seed";

type Command = (db: Db, args: ReturnType<typeof parse>, io: CliIo) => Promise<CliOutput>;

// The import commands pull in the spreadsheet readers: loaded only when an import runs, so
// every other command starts faster.
const importCommands = () => import("./cli/import");
const targetImports = () => import("./cli/target-imports");

const COMMANDS: Record<string, Command> = {
  "import staff": async (db, args, io) => (await importCommands()).importStaffCommand(db, args, io),
  "import completions": async (db, args, io) =>
    (await importCommands()).importCompletionsCommand(db, args, io),
  "import undo": async (db, args) => (await importCommands()).importUndoCommand(db, args),
  "plan import": async (db, args, io) =>
    (await import("./cli/plan-import")).planImportCommand(db, args, io),
  "plan summary": planSummaryCommand,
  "units import": async (db, args, io) =>
    (await targetImports()).targetImportCommand("units", db, args, io),
  "requirements import": async (db, args, io) =>
    (await targetImports()).targetImportCommand("requirements", db, args, io),
  "exemptions import": async (db, args, io) =>
    (await targetImports()).targetImportCommand("exemptions", db, args, io),
  "report annual": reportAnnual,
  "report coverage": reportCoverage,
  "user create": userCreate,
  "privacy purge": privacyPurge,
  "privacy extract": privacyExtract,
  "user unlink-sso": userUnlinkSso,
  "db migrate": async () => ({ json: { migrated: true }, text: "Databasen är migrerad." }),
  "db seed-demo": async (db, _args, io) => {
    if (!(await isEmpty(db)))
      throw new UserError("Databasen har redan personal; demodata läggs bara i en tom databas.");
    const r = await seedDemoData(db, { today: stockholmDate(io.now()) });
    return { json: r, text: `Demodata inlagd: ${r.people} anställda, ${r.events} händelser.` };
  },
};

export async function runCli(argv: string[], io: CliIo, db?: Db): Promise<number> {
  let ownDb: Db | undefined;
  try {
    const args = parse(argv);
    const key = args.positionals.slice(0, 2).join(" ");
    if (args.values.help || argv.length === 0) {
      io.stdout(`${USAGE}\n`);
      return argv.length === 0 ? EXIT_BAD_INPUT : EXIT_OK;
    }
    const command = COMMANDS[key];
    if (!command)
      throw new UserError(`Okänt kommando '${args.positionals.join(" ")}'.\n\n${USAGE}`);
    if (!db) {
      ownDb = openNodeDb(databaseUrlFromEnv(io.env), io.env.DATABASE_AUTH_TOKEN);
      await prepareDatabase(ownDb);
    }
    const out = await command(db ?? ownDb!, args, io);
    io.stdout(args.values.json ? `${JSON.stringify(out.json, null, 2)}\n` : `${out.text}\n`);
    if (out.stderr) io.stderr(out.stderr);
    return out.exitCode ?? EXIT_OK;
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr(`Fel: ${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`Internt fel: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_INTERNAL;
  } finally {
    ownDb?.$client.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The process entry: real stdio, environment and clock; resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
  useNodeScrypt();
  return runCli(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    now: () => new Date(),
    stdin: readStdin,
  });
}

// Run directly (tsx src/cli.ts); the bundle is started by src/launch.mjs, which calls main().
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
