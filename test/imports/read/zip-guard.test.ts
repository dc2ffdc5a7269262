import { unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_READ_LIMITS, ImportFileError, readSheet } from "../../../imports/read";
import { fflateInflate, useEntryInflater } from "../../../imports/read/inflate";
import { nodeInflater } from "../../../imports/read/node-inflate";
import { checkZipExpansion, defaultMaxUnzippedBytes } from "../../../imports/read/zip-guard";
import { xlsxBytes } from "../../helpers/files";

const MB = 1024 * 1024;
const limits = { ...DEFAULT_READ_LIMITS, maxUnzippedBytes: 4 * MB };

/** A real workbook with an extra entry of `size` zero bytes (deflates ~1000:1). */
function workbookWithPadding(size: number): Uint8Array {
  const files = unzipSync(
    xlsxBytes([
      ["Namn", "E-post"],
      ["Anna Berg", "anna@x.se"],
    ]),
  );
  files["xl/media/padding.bin"] = new Uint8Array(size);
  return zipSync(files, { level: 9 });
}

/** Sets every declared uncompressed size (local headers and directory) to `size`. */
function lieAboutSizes(zip: Uint8Array, size = 0): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 30 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

// Workers unpack with fflate, Node with node:zlib (test/setup.ts, like the Node entries).
describe.each([
  ["fflate", fflateInflate],
  ["node:zlib", nodeInflater()],
])("zip-bomb guard for .xlsx, unpacking with %s", (_name, inflater) => {
  beforeAll(() => useEntryInflater(inflater));
  afterAll(() => useEntryInflater(nodeInflater()));

  it("reads an ordinary workbook", () => {
    const sheet = readSheet(workbookWithPadding(1 * MB), "ok.xlsx", limits);
    expect(sheet.rows[1]?.cells).toEqual(["Anna Berg", "anna@x.se"]);
  });

  it("refuses a small file that unpacks past the limit, before SheetJS inflates it", () => {
    const bomb = workbookWithPadding(8 * MB);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => readSheet(bomb, "bomb.xlsx", limits)).toThrow(ImportFileError);
    expect(() => readSheet(bomb, "bomb.xlsx", limits)).toThrow(/packas upp till mer än 4 MB/);
  });

  it("counts what the entries really unpack to, not what their headers claim", () => {
    const liar = lieAboutSizes(workbookWithPadding(8 * MB));
    expect(() => checkZipExpansion(liar, 4 * MB)).toThrow(/packas upp/);
    expect(() => checkZipExpansion(lieAboutSizes(workbookWithPadding(MB)), 4 * MB)).not.toThrow();
  });

  it("finds the directory where SheetJS does, even in a cut-off end record", () => {
    const bomb = workbookWithPadding(8 * MB);
    // Without the last byte (the comment length's high byte) the record does not fit in 22
    // bytes any more; SheetJS still finds and reads it.
    const cut = bomb.slice(0, bomb.length - 1);
    expect(() => checkZipExpansion(cut, 4 * MB)).toThrow(/packas upp/);
  });

  it("counts directory entries read past the end (SheetJS inflates offset 0 again for each)", () => {
    const files = unzipSync(xlsxBytes([["Namn"], ["Anna"]]));
    const zip = zipSync({ "a.bin": new Uint8Array(MB), ...files }, { level: 9 });
    const view = new DataView(zip.buffer);
    const eocd = zip.length - 22;
    view.setUint16(eocd + 8, 50, true);
    view.setUint16(eocd + 10, 50, true);
    view.setUint32(eocd + 16, zip.length - 8, true);
    expect(() => checkZipExpansion(zip, 4 * MB)).toThrow(/packas upp/);
  });

  it("refuses a declared size past the limit (SheetJS would allocate it up front)", () => {
    const claims = lieAboutSizes(workbookWithPadding(1000), 0xfff00000);
    expect(() => readSheet(claims, "claims.xlsx", limits)).toThrow(/packas upp till mer än 4 MB/);
  });

  it("the default limit follows the upload limit within sane bounds", () => {
    expect(defaultMaxUnzippedBytes(20 * MB)).toBe(256 * MB);
    expect(defaultMaxUnzippedBytes(1.5 * MB)).toBe(60 * MB);
    expect(defaultMaxUnzippedBytes(64 * 1024)).toBe(32 * MB);
  });
});
