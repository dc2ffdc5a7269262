/**
 * Zip-bomb guard for .xlsx and .ods: the upload limit counts compressed bytes, but SheetJS inflates
 * every entry of the archive into memory before it reads a cell, and deflate expands up to
 * ~1000×. This walks the archive the way SheetJS does (central directory → local headers)
 * and inflates each entry piecewise (inflate.ts), counting output and stopping at the limit, so
 * lying size fields in the headers cannot hide the real size. A declared size over the limit
 * is refused as well: SheetJS allocates its output buffer from it before inflating.
 */
import { inflateEntry } from "./inflate";
import { ImportFileError } from "./types";

const EOCD = 0x06054b50;

/** Default ceiling for the unpacked size: generous for real sheets, far below a bomb. */
export function defaultMaxUnzippedBytes(maxBytes: number): number {
  return Math.min(256 * 1024 * 1024, Math.max(32 * 1024 * 1024, maxBytes * 40));
}

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
}

/**
 * Sees an entry's unpacked bytes as they are inflated (may throw ImportFileError to stop);
 * `size` is the unpacked size the archive's directory gives for it.
 */
export type EntryWatcher = (name: string, size: number) => ((chunk: Uint8Array) => void) | null;

/**
 * Throws ImportFileError when the archive's entries unpack to more than `maxUnzipped` bytes.
 * `watch` may look at chosen entries while they are inflated (the cell count of a sheet).
 */
export function checkZipExpansion(
  bytes: Uint8Array,
  maxUnzipped: number,
  watch?: EntryWatcher,
): void {
  // Searched from the very end like SheetJS does, even where a record would not fit: a
  // truncated record found there is the one SheetJS reads (missing bytes count as 0).
  let eocd = bytes.length - 4;
  while (eocd >= 0 && u32(bytes, eocd) !== EOCD) eocd--;
  // No directory: SheetJS cannot read it either and says so.
  if (eocd < 0) return;
  const entries = u16(bytes, eocd + 10);
  let cd = u32(bytes, eocd + 16);
  let total = 0;
  const tooBig = () =>
    new ImportFileError(
      `Filen packas upp till mer än ${Math.round(maxUnzipped / (1024 * 1024))} MB och tas inte emot. Spara om den i Excel eller LibreOffice, eller dela upp den.`,
    );
  // No bounds check on the directory: SheetJS reads past the end as zeros (an entry at
  // offset 0, inflated once more each time), so those entries count here too.
  for (let i = 0; i < entries; i++) {
    const compressed = u32(bytes, cd + 20);
    const nameLen = u16(bytes, cd + 28);
    const extraLen = u16(bytes, cd + 30);
    const commentLen = u16(bytes, cd + 32);
    const local = u32(bytes, cd + 42);
    const name = watch ? new TextDecoder().decode(bytes.subarray(cd + 46, cd + 46 + nameLen)) : "";
    const listed = Math.max(u32(bytes, cd + 24), zip64Size(bytes, cd + 46 + nameLen, extraLen));
    let declared = listed;
    cd += 46 + nameLen + extraLen + commentLen;
    if (local + 30 > bytes.length) continue;
    const method = u16(bytes, local + 8);
    const localExtra = local + 30 + u16(bytes, local + 26);
    const start = localExtra + u16(bytes, local + 28);
    declared = Math.max(
      declared,
      u32(bytes, local + 22),
      zip64Size(bytes, localExtra, u16(bytes, local + 28)),
    );
    if (method === 8 && declared > maxUnzipped - total) throw tooBig();
    if (method === 0) {
      total += compressed;
      watch?.(name, listed)?.(bytes.subarray(start, start + compressed));
    } else if (method === 8)
      total += inflateEntry(
        bytes.subarray(start),
        maxUnzipped - total,
        watch?.(name, listed) ?? null,
      );
    if (total > maxUnzipped) throw tooBig();
  }
}

/** The uncompressed size in a ZIP64 extra field (id 0x0001) within [from, from + length). */
function zip64Size(bytes: Uint8Array, from: number, length: number): number {
  let size = 0;
  for (let at = from; at + 4 <= from + length; ) {
    const id = u16(bytes, at);
    const len = u16(bytes, at + 2);
    if (id === 0x0001 && len >= 8)
      size = Math.max(size, u32(bytes, at + 8) * 2 ** 32 + u32(bytes, at + 4));
    at += 4 + len;
  }
  return size;
}
