/**
 * The XML parts of an .xlsx kept as the zip guard unpacks them, so the sheet reader
 * (xlsx-values.ts) needs no second inflate. A part whose unpacked length differs from the size
 * the archive's directory gives, or a name that occurs twice, makes the whole set unusable:
 * SheetJS then reads the file its own way.
 */
import type { EntryWatcher } from "./zip-guard";

const XML_PART = /\.(xml|rels)$/i;

export class XlsxParts {
  private readonly chunks = new Map<string, { size: number; chunks: Uint8Array[] }>();
  private usable = true;

  /** Chained into the guard's watcher: keeps every .xml and .rels entry. */
  readonly watch: EntryWatcher = (name, size) => {
    if (!XML_PART.test(name)) return null;
    const key = name.toLowerCase();
    if (this.chunks.has(key)) this.usable = false;
    const entry = { size, chunks: [] as Uint8Array[] };
    this.chunks.set(key, entry);
    return (chunk) => {
      entry.chunks.push(chunk);
    };
  };

  /** The parts by lower-cased name (zip names are matched case-blind, as SheetJS does). */
  take(): Map<string, Uint8Array> | null {
    if (!this.usable) return null;
    const parts = new Map<string, Uint8Array>();
    for (const [name, { size, chunks }] of this.chunks) {
      const bytes = joined(chunks);
      if (bytes.length !== size) return null;
      parts.set(name, bytes);
    }
    this.chunks.clear();
    return parts;
  }
}

function joined(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
