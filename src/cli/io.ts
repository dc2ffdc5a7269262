/** CLI plumbing shared by the commands: output streams, usage errors and exit codes. */

export const EXIT_OK = 0;
/** Bad input or usage; nothing was written. */
export const EXIT_BAD_INPUT = 1;
/** The command exists in the contract but its issue has not landed yet. */
export const EXIT_NOT_IMPLEMENTED = 2;
/** Anything unexpected (EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

/** A mistake of the caller (flags, file, values). Message is Swedish and says what to do. */
export class UsageError extends Error {
  override name = "UsageError";
}

export class NotImplementedError extends Error {
  override name = "NotImplementedError";
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  now: () => Date;
}

export interface CliOutput {
  /** Printed as one JSON document with --json. */
  json: unknown;
  /** Human-readable text otherwise. */
  text: string;
  /** Printed on stderr (e.g. a file's row errors, listed while the JSON still goes to stdout). */
  stderr?: string;
  /** Exit code when the command ran but the input was bad (default 0). */
  exitCode?: number;
}
