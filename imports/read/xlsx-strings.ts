/** Text items: the shared-string table and a cell's inline string, as SheetJS reads them. */
import { GT } from "./xml-chars";
import { NotPlainXml, unescapeXml, XmlScanner } from "./xml-scan";

/**
 * The shared strings by index; an entry without text (no <t>) is undefined. SheetJS finds
 * the items by splitting at </si> after dropping every bare <si>: an <si/>, an <si> with
 * attributes or an <sstItem> would run into the next item there, so they step aside here.
 */
export function sharedStringTable(xml: string): Array<string | undefined> {
  const strings: Array<string | undefined> = [];
  const scan = new XmlScanner(xml);
  while (scan.next()) {
    if (scan.closing) continue;
    if (scan.is("sstItem")) throw new NotPlainXml("<sstItem>");
    if (!scan.is("si")) continue;
    if (scan.afterName() !== GT) throw new NotPlainXml("<si> not bare");
    strings.push(richText(scan, "si"));
  }
  return strings;
}

/**
 * The text of a string item (<si>, or a cell's <is>) whose opening tag is current. A plain
 * item (one that starts with <t>) is its first <t>; a rich one (any <r> run) joins every <t>
 * outside the phonetic guides (<rPh>) that Japanese text carries. An item that is neither
 * has no text.
 */
export function richText(scan: XmlScanner, element: string): string | undefined {
  let plain: boolean | undefined;
  let rich = false;
  let text = "";
  for (;;) {
    if (!scan.next()) throw new NotPlainXml(`unclosed <${element}>`);
    // SheetJS finds these tags by their first `>`.
    if (scan.gtInValue) throw new NotPlainXml("'>' in an attribute value");
    if (scan.closing) {
      if (scan.is(element)) break;
      continue;
    }
    const isText = scan.is("t");
    if (plain === undefined) {
      plain = isText;
      if (plain) {
        // SheetJS reads a plain item from its first <t> up to the first </t>: after a <t/>
        // that is whatever follows in the item, tags and all.
        if (!scan.selfClosing) text = scan.text();
        else if (!scan.next() || !scan.closing || !scan.is(element)) {
          throw new NotPlainXml("<t/> and more");
        } else break;
        continue;
      }
    }
    if (scan.is("rPh")) {
      // SheetJS drops a guide up to the next </rPh>, which a self-closing one lacks.
      if (scan.selfClosing) throw new NotPlainXml("<rPh/>");
      scan.skipElement();
      continue;
    }
    if (scan.is("r")) rich = true;
    if (!plain && isText && !scan.selfClosing) text += scan.text();
  }
  if (!plain && !rich) return undefined;
  return unescapeXml(text, true);
}
