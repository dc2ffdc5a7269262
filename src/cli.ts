/**
 * Command-line entry (contract in ../shared/DESIGN.md): stdout carries human text or one
 * JSON document with --json; errors go to stderr; exit 0 ok, 1 bad input/usage (nothing
 * written), 70 internal error. The CLI migrates the DB itself.
 */
import { pathToFileURL } from "node:url";
import type { Db } from "../db/client";
import { parse, USAGE } from "./cli/args";
import { type CliIo, type CliOutput, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK } from "./cli/io";
import { UserError } from "./domain/user-error";

type Command = (db: Db, args: ReturnType<typeof parse>, io: CliIo) => Promise<CliOutput>;

// Every command's module (and what it pulls in: the spreadsheet readers, drizzle, zod, the
// native libSQL client) is loaded only when that command runs. `--help` and usage errors load
// none of it, and each command loads only its own part: HR's scripts pay for what they call.
const COMMANDS: Record<string, Command> = {
  "import staff": async (db, args, io) =>
    (await import("./cli/import")).importStaffCommand(db, args, io),
  "import completions": async (db, args, io) =>
    (await import("./cli/import")).importCompletionsCommand(db, args, io),
  "import undo": async (db, args) => (await import("./cli/import")).importUndoCommand(db, args),
  "plan import": async (db, args, io) =>
    (await import("./cli/plan-import")).planImportCommand(db, args, io),
  "plan summary": async (db, args) =>
    (await import("./cli/plan-summary")).planSummaryCommand(db, args),
  "units import": async (db, args, io) =>
    (await import("./cli/target-imports")).targetImportCommand("units", db, args, io),
  "requirements import": async (db, args, io) =>
    (await import("./cli/target-imports")).targetImportCommand("requirements", db, args, io),
  "exemptions import": async (db, args, io) =>
    (await import("./cli/target-imports")).targetImportCommand("exemptions", db, args, io),
  "report annual": async (db, args, io) =>
    (await import("./cli/report-annual")).reportAnnual(db, args, io),
  "report coverage": async (db, args, io) =>
    (await import("./cli/report-coverage")).reportCoverage(db, args, io),
  "user create": async (db, args, io) =>
    (await import("./cli/user-create")).userCreate(db, args, io),
  "privacy purge": async (db, args, io) =>
    (await import("./cli/privacy-purge")).privacyPurge(db, args, io),
  "privacy extract": async (db, args, io) =>
    (await import("./cli/privacy-extract")).privacyExtract(db, args, io),
  "user unlink-sso": async (db, args) =>
    (await import("./cli/user-unlink-sso")).userUnlinkSso(db, args),
  "db migrate": async () => ({ json: { migrated: true }, text: "Databasen är migrerad." }),
  "db seed-demo": async (db, _args, io) => {
    const [{ isEmpty, seedDemoData }, { stockholmDate }] = await Promise.all([
      import("./services/demo/seed"),
      import("./domain/dates"),
    ]);
    if (!(await isEmpty(db)))
      throw new UserError("Databasen har redan personal; demodata läggs bara i en tom databas.");
    const r = await seedDemoData(db, { today: stockholmDate(io.now()) });
    return { json: r, text: `Demodata inlagd: ${r.people} anställda, ${r.events} händelser.` };
  },
};

/**
 * The process's own database, migrated; node:crypto's scrypt for passwords and node:zlib for
 * unpacking uploaded workbooks (Node only). A CLI call is one batch job: one connection, tuned
 * for large imports, its log copied back at close.
 */
async function openOwnDb(env: CliIo["env"]): Promise<{ db: Db; close: () => Promise<void> }> {
  const [
    { databaseUrlFromEnv, finishBulkWrites, openNodeDb, tuneForBulkWrites },
    { prepareDatabase },
    { useNodeRuntime },
  ] = await Promise.all([
    import("../db/node"),
    import("./services/database"),
    import("./node-runtime"),
  ]);
  useNodeRuntime();
  const db = openNodeDb(databaseUrlFromEnv(env), env.DATABASE_AUTH_TOKEN, { batch: true });
  try {
    await prepareDatabase(db);
    await tuneForBulkWrites(db);
  } catch (err) {
    db.$client.close();
    throw err;
  }
  return { db, close: () => finishBulkWrites(db) };
}

export async function runCli(argv: string[], io: CliIo, db?: Db): Promise<number> {
  let own: { db: Db; close: () => Promise<void> } | undefined;
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
    if (!db) own = await openOwnDb(io.env);
    const out = await command(db ?? own!.db, args, io);
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
    await own?.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The process entry: real stdio, environment and clock; resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
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
