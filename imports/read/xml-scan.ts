/**
 * A tag-by-tag walk over the XML that spreadsheet programs write (xlsx-values.ts): elements,
 * attributes and text, with namespace prefixes dropped. No DTDs, no CDATA, no comments and no
 * processing instructions but the XML declaration: where one appears the walk throws
 * NotPlainXml and the caller hands the file to SheetJS instead. SheetJS finds tags with
 * regular expressions that see into comments (a commented-out <sheet> or <v> counts there,
 * and a comment before a <row> or <c> shifts its place), so no walk could give its cells.
 * For the same reason a closing tag with space before its `>`, a tab after a tag's name and
 * markup inside text step aside too.
 * Positions are kept instead of substrings, so the ≈40 000 tags of a 1 000-row sheet cost
 * no allocation beyond the values read.
 */

import {
  APOS,
  COLON,
  EQUALS,
  endsTagName,
  GT,
  isXmlSpace as isSpace,
  QUOTE,
  SLASH,
  TAB,
} from "./xml-chars";

/** Thrown where the XML is outside what this reader understands; never reaches a user. */
export class NotPlainXml extends Error {
  override name = "NotPlainXml";
}

const BANG = 0x21;
const QUESTION = 0x3f;

export class XmlScanner {
  /** The current tag: `<` at `start`, one past its `>` at `end`. */
  start = 0;
  end = 0;
  closing = false;
  selfClosing = false;
  /** Whether an attribute value holds a `>` (where SheetJS's tag search may stop). */
  gtInValue = false;
  /** The tag name without its prefix, as [nameStart, nameEnd). */
  private nameStart = 0;
  private nameEnd = 0;
  private attrEnd = 0;

  constructor(
    readonly xml: string,
    private pos = 0,
  ) {}

  /** Moves to the next tag; false at the end of the text. */
  next(): boolean {
    const xml = this.xml;
    let lt = xml.indexOf("<", this.pos);
    for (;;) {
      if (lt < 0) return false;
      const c = xml.charCodeAt(lt + 1);
      if (c !== QUESTION) break;
      if (!xml.startsWith("<?xml", lt) || !isSpace(xml.charCodeAt(lt + 5))) {
        throw new NotPlainXml("processing instruction");
      }
      const close = xml.indexOf("?>", lt + 2);
      if (close < 0) throw new NotPlainXml("unfinished declaration");
      lt = xml.indexOf("<", close + 2);
    }
    if (xml.charCodeAt(lt + 1) === BANG) throw new NotPlainXml("comment, CDATA or DTD");
    this.start = lt;
    this.closing = xml.charCodeAt(lt + 1) === SLASH;
    let i = lt + (this.closing ? 2 : 1);
    this.nameStart = i;
    for (; i < xml.length; i++) {
      const c = xml.charCodeAt(i);
      if (c === COLON) this.nameStart = i + 1;
      else if (endsTagName(c)) break;
    }
    this.nameEnd = i;
    // SheetJS takes a tag's name up to a space or line end, and a closing tag as `</name>`.
    if (xml.charCodeAt(i) === TAB) throw new NotPlainXml("tab after a tag name");
    if (this.closing && xml.charCodeAt(i) !== GT) throw new NotPlainXml("space in a closing tag");
    this.gtInValue = false;
    let quote = 0;
    for (; i < xml.length; i++) {
      const c = xml.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
        else if (c === GT) this.gtInValue = true;
      } else if (c === QUOTE || c === APOS) quote = c;
      else if (c === GT) break;
    }
    if (i >= xml.length) throw new NotPlainXml("unfinished tag");
    this.selfClosing = xml.charCodeAt(i - 1) === SLASH;
    this.attrEnd = this.selfClosing ? i - 1 : i;
    this.end = i + 1;
    this.pos = this.end;
    return true;
  }

  /** Whether the current tag's name (prefix dropped) is `name`. */
  is(name: string): boolean {
    return (
      this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart)
    );
  }

  name(): string {
    return this.xml.slice(this.nameStart, this.nameEnd);
  }

  /** An attribute's raw value (entities left as they are), prefix dropped; undefined if absent. */
  attr(name: string): string | undefined {
    const xml = this.xml;
    let i = this.nameEnd;
    const end = this.attrEnd;
    while (i < end) {
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      let from = i;
      for (; i < end; i++) {
        const c = xml.charCodeAt(i);
        if (c === COLON) from = i + 1;
        else if (c === EQUALS || isSpace(c)) break;
      }
      const to = i;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      if (i >= end || xml.charCodeAt(i) !== EQUALS) return undefined;
      i++;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOS) throw new NotPlainXml("unquoted attribute");
      const close = xml.indexOf(String.fromCharCode(quote), i + 1);
      if (close < 0 || close > end) throw new NotPlainXml("unfinished attribute");
      if (to - from === name.length && xml.startsWith(name, from)) return xml.slice(i + 1, close);
      i = close + 1;
    }
    return undefined;
  }

  /**
   * The raw text from the end of the current tag to the next tag (entities left in), which
   * must be a closing tag: SheetJS reads up to the closing tag, markup and all.
   */
  text(): string {
    const next = this.xml.indexOf("<", this.end);
    if (next < 0) throw new NotPlainXml("text runs to the end");
    if (this.xml.charCodeAt(next + 1) !== SLASH) throw new NotPlainXml("markup inside text");
    return this.xml.slice(this.end, next);
  }

  /** Whether the current tag's name has a namespace prefix. */
  prefixed(): boolean {
    return this.nameStart !== this.start + (this.closing ? 2 : 1);
  }

  /** The character code right after the current tag's name (a space, `/`, `>` or a line end). */
  afterName(): number {
    return this.xml.charCodeAt(this.nameEnd);
  }

  /** Skips the rest of the element whose opening tag is current (nothing if self-closing). */
  skipElement(): void {
    if (this.selfClosing || this.closing) return;
    let depth = 1;
    while (this.next()) {
      if (this.closing) depth--;
      else if (!this.selfClosing) depth++;
      if (depth === 0) return;
    }
    throw new NotPlainXml("unclosed element");
  }

  /** Moves to the first opening tag named `name`; false if there is none. */
  find(name: string): boolean {
    while (this.next()) if (!this.closing && this.is(name)) return true;
    return false;
  }
}

/**
 * Entities and escapes are resolved exactly as SheetJS's unescapexml resolves them, quirks
 * included, so that both readers give the same text: names match case-blind (an unknown
 * spelling such as &AMP; becomes U+0000), a reference is cut to 16 bits by fromCharCode
 * (&#128512; is U+F600, not an emoji), and "&#X41;" is read as decimal 41.
 */
const NAMED: Record<string, string> = {
  "&quot;": '"',
  "&apos;": "'",
  "&gt;": ">",
  "&lt;": "<",
  "&amp;": "&",
};
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
/** OOXML's own escape for characters XML cannot hold (ECMA-376 22.4.2.4), e.g. _x000D_. */
const OOXML_ESCAPE = /_x([\da-fA-F]{4})_/gi;

function entity(whole: string, digits: string | undefined): string {
  const named = NAMED[whole];
  if (named !== undefined) return named;
  // parseInt(undefined) is NaN, and fromCharCode(NaN) is U+0000, as in SheetJS.
  return String.fromCharCode(Number.parseInt(digits as string, whole.includes("x") ? 16 : 10));
}

/**
 * Text as the user typed it: XML entities, then OOXML's _xHHHH_ escapes, resolved; with
 * `lines`, Windows line ends become \n (as SheetJS gives cell text).
 */
export function unescapeXml(raw: string, lines = false): string {
  let text = raw;
  if (text.includes("&")) text = text.replace(ENTITY, entity);
  if (text.includes("_x") || text.includes("_X")) {
    text = text.replace(OOXML_ESCAPE, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
  }
  return lines && text.includes("\r\n") ? text.replace(/\r\n/g, "\n") : text;
}
