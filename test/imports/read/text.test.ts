import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, decodeWindows1252, looksBinary } from "../../../imports/read/text";

describe("decodeWindows1252", () => {
  it.each([
    [0x96, "–"],
    [0x80, "€"],
    [0x97, "—"],
    [0x92, "’"],
    [0xe5, "å"],
    [0xc4, "Ä"],
    [0xf6, "ö"],
    [0x41, "A"],
  ])("byte 0x%s decodes to %s", (byte, ch) => {
    expect(decodeWindows1252(new Uint8Array([byte]))).toBe(ch);
  });

  it("agrees with iconv-lite on every byte Windows-1252 defines", () => {
    // 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined: iconv-lite gives U+FFFD, we keep the C1 code.
    const undefinedBytes = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
    const all = new Uint8Array(256).map((_, i) => i).filter((b) => !undefinedBytes.includes(b));
    expect(decodeWindows1252(all)).toBe(iconv.decode(Buffer.from(all), "win1252"));
  });
});

describe("decodeText", () => {
  it.each([
    ["UTF-8 with BOM", [0xef, 0xbb, 0xbf, 0xc3, 0xa5], "å", "UTF-8 med BOM"],
    ["UTF-8 without BOM", [0xc3, 0xa5, 0xe2, 0x80, 0x93], "å–", "UTF-8"],
    ["Windows-1252", [0x96, 0xe5, 0x80], "–å€", "Windows-1252"],
  ])("%s", (_, bytes, text, encoding) => {
    expect(decodeText(new Uint8Array(bytes))).toEqual({ text, encoding });
  });
});

describe("looksBinary", () => {
  it.each([
    ["a;b;c\r\n1;2;3\r\n", false],
    ["Namn\tE-post\n", false],
    ["PK\u0003\u0004\u0000\u0000garbage", true],
  ])("%j → %s", (text, binary) => {
    expect(looksBinary(text)).toBe(binary);
  });
});
