/** CLI plumbing shared by the commands: output streams, usage errors and exit codes. */

export const EXIT_OK = 0;
/** Bad input or usage; nothing was written. */
export const EXIT_BAD_INPUT = 1;
/** Anything unexpected (EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  now: () => Date;
  /** All of standard input (for --password-stdin); absent when there is none. */
  stdin?: () => Promise<string>;
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
