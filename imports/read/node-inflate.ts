/**
 * Node only (Workers keep fflate): the zip guard's inflating done by node:zlib. Refusing the
 * 1.1 MB cell bomb means unpacking ≈31 MB of sheet XML; fflate took 0.5–0.8 s for that in a
 * fresh process (its code not yet compiled, as in each new import worker thread), one zlib
 * pass 0.06 s.
 *
 * zlib's synchronous API cannot pause a stream and resume it, so a growing prefix of the
 * input is inflated from the start each time (×4 per round: ≈1.3× the work of one pass for
 * a stream read to its end; the bomb's refusal comes within a round of 51 MB, 67 MB in all).
 * Every round's output begins with the previous one's, and only the new bytes are handed on.
 * What stays in memory is bounded by MAX_OUTPUT; a stream that unpacks to more without being
 * refused (a huge but legal sheet), or a broken one, is streamed through fflate instead.
 */
import { constants, inflateRawSync } from "node:zlib";
import { type EntryInflater, fflateInflate, useEntryInflater } from "./inflate";

/** Small, so a declared <dimension> over the cap is refused after a few kilobytes. */
const FIRST_INPUT = 16 * 1024;
const GROWTH = 4;
const MAX_OUTPUT = 128 * 1024 * 1024;
const MIN_CHUNK = 1024 * 1024;
/** zlib refuses a smaller chunk size. */
const MIN_ZLIB_CHUNK = 64;

interface InflateInfo {
  buffer: Buffer;
  engine: { bytesWritten: number };
}

/** node:zlib's inflater, keeping at most `maxOutput` unpacked bytes in memory at a time. */
export const nodeInflater =
  (maxOutput = MAX_OUTPUT): EntryInflater =>
  (data, budget, onChunk) => {
    const limit = Math.min(budget + 1, maxOutput);
    let seen = 0;
    // An entry nobody watches needs only its size: one pass over all of it.
    let take = onChunk ? Math.min(FIRST_INPUT, data.length) : data.length;
    for (;;) {
      const options = {
        // A prefix ends mid-stream: flush what it holds instead of failing on it.
        finishFlush: constants.Z_SYNC_FLUSH,
        maxOutputLength: limit,
        // One output buffer for the whole round where the last round's ratio predicts it:
        // zlib otherwise joins its 16 KiB chunks with a copy of everything at the end.
        chunkSize: Math.max(MIN_ZLIB_CHUNK, Math.min(limit, Math.max(MIN_CHUNK, seen * 5))),
        info: true,
      };
      let round: InflateInfo;
      try {
        round = inflateRawSync(data.subarray(0, take), options) as unknown as InflateInfo;
      } catch (err) {
        const overBudget = err instanceof RangeError && limit === budget + 1;
        return overBudget ? budget + 1 : fflateInflate(data, budget, onChunk, seen);
      }
      const out = round.buffer;
      // A plain Uint8Array view: the cell counter's loop stays on one array type.
      if (onChunk && out.length > seen)
        onChunk(new Uint8Array(out.buffer, out.byteOffset + seen, out.length - seen));
      seen = out.length;
      // zlib stops reading at the stream's end, so fewer bytes read than given means it ended.
      if (round.engine.bytesWritten < take || take === data.length || seen > budget) return seen;
      // ×4, but where the budget is not what limits the round, only as far as this round's
      // ratio says still fits in memory: a round that overflows it is wasted work.
      const fits = limit === budget + 1 ? data.length : Math.floor((limit * 0.9 * take) / seen);
      const next = Math.min(data.length, take * GROWTH, fits);
      if (next <= take) return fflateInflate(data, budget, onChunk, seen);
      take = next;
    }
  };

export function useNodeInflate(): void {
  useEntryInflater(nodeInflater());
}
