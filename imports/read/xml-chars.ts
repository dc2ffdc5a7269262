/**
 * The characters of XML markup, as codes: the same numbers as UTF-8 bytes (the counters in
 * worksheet-cells.ts and size-guard.ts read raw bytes) and as UTF-16 char codes (xml-scan.ts
 * reads decoded text).
 */
export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
export const COLON = 0x3a;
export const EQUALS = 0x3d;
export const QUOTE = 0x22;
export const APOS = 0x27;
export const TAB = 0x09;

/** XML's whitespace: space, tab, line feed, carriage return. */
export const isXmlSpace = (c: number | undefined): boolean =>
  c === 0x20 || c === TAB || c === 0x0a || c === 0x0d;

/** What ends a tag's name: whitespace, `>` or `/`. */
export const endsTagName = (c: number | undefined): boolean =>
  isXmlSpace(c) || c === GT || c === SLASH;
