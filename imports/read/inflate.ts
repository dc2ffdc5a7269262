/**
 * How the zip guard inflates an entry, replaceable per runtime the way password hashing is:
 * fflate (pure JS) is the default and what Workers run; Node injects its native zlib
 * (node-inflate.ts), several times faster and without the JIT warm-up that each new import
 * worker thread pays. Either one hands the unpacked bytes on in chunks and stops early.
 */
import { Inflate } from "fflate";
import { ImportFileError } from "./types";

/**
 * Bytes the deflate stream at the start of `data` unpacks to, stopping just past `budget`;
 * `onChunk` sees them as they come (and may throw ImportFileError to stop). A broken stream
 * is SheetJS's to report: what was unpacked until the break counts.
 */
export type EntryInflater = (
  data: Uint8Array,
  budget: number,
  onChunk: ((chunk: Uint8Array) => void) | null,
) => number;

/**
 * Input per step: fflate unpacks each push into one buffer that it grows by doubling, so
 * the step bounds memory (≈1000× for a bomb) and the bytes unpacked past a refusal.
 */
const STEP = 16 * 1024;

/** fflate in steps; the first `skip` unpacked bytes are not handed on (already seen). */
export function fflateInflate(
  data: Uint8Array,
  budget: number,
  onChunk: ((chunk: Uint8Array) => void) | null,
  skip = 0,
): number {
  let size = 0;
  const inflater = new Inflate((chunk) => {
    const from = Math.max(0, Math.min(chunk.length, skip - size));
    size += chunk.length;
    if (from < chunk.length) onChunk?.(from ? chunk.subarray(from) : chunk);
  });
  // fflate's stream state: `f` is set once the final block began, `l` while one is open.
  const state = (inflater as unknown as { s?: { f?: number; l?: unknown } }).s;
  const ended = () => !!state?.f && !state.l;
  for (let at = 0; at < data.length && size <= budget && !ended(); at += STEP) {
    try {
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
    } catch (err) {
      if (err instanceof ImportFileError) throw err;
      break;
    }
  }
  return size;
}

let inflater: EntryInflater = fflateInflate;

/** Node's entries call this through useNodeInflate(); tests may switch back to fflate. */
export function useEntryInflater(impl: EntryInflater): void {
  inflater = impl;
}

export function inflateEntry(
  data: Uint8Array,
  budget: number,
  onChunk: ((chunk: Uint8Array) => void) | null,
): number {
  return inflater(data, budget, onChunk);
}
