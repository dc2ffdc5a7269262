import type { CliIo } from "../../src/cli/io";

/**
 * A CliIo that captures stdout/stderr for in-process `runCli` tests, with a pinned clock
 * (default 2026-11-25 10:00 UTC) and optional environment and stdin.
 */
export function captureIo(
  opts: { env?: Record<string, string>; now?: string; stdin?: string } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t: string) => {
      out.push(t);
    },
    stderr: (t: string) => {
      err.push(t);
    },
    env: opts.env ?? {},
    now: () => new Date(opts.now ?? "2026-11-25T10:00:00Z"),
    ...(opts.stdin === undefined ? {} : { stdin: async () => opts.stdin as string }),
  };
  return { out, err, io, json: () => JSON.parse(out.join("")) };
}
