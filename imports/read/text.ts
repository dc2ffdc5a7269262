/**
 * Text decoding for CSV files: UTF-8 (with or without BOM) or Windows-1252, which is what
 * Swedish Excel writes. Decoded by hand: TextDecoder("windows-1252") in Node and workerd
 * maps 0x80–0x9F to control characters, and iconv-lite needs Buffer (not in Workers).
 */

// Windows-1252 differs from Latin-1 only in 0x80–0x9F; undefined bytes keep their C1 code.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part: string[] = [];
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      part.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b));
    }
    out += part.join("");
  }
  return out;
}

export type TextEncoding = "UTF-8" | "UTF-8 med BOM" | "Windows-1252";

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), otherwise Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8 med BOM" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
  }
}

/** True when decoded text looks like binary data (NUL bytes or many control characters). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes("\u0000")) return true;
  let control = 0;
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f)) control++;
  }
  return control > sample.length / 50;
}

/** Text as Swedish Excel saves CSV: Windows-1252; a character it cannot hold becomes "?". */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = CP1252_HIGH.indexOf(text[i]!);
    out[i] = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : high >= 0 ? 0x80 + high : 0x3f;
  }
  return out;
}
