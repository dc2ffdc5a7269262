import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { ImportFileError } from "../../../imports/read";
import { type EntryInflater, fflateInflate } from "../../../imports/read/inflate";
import { nodeInflater } from "../../../imports/read/node-inflate";

/** Sheet-like XML with some variety, so it does not deflate to nothing. */
const xml = (rows: number) =>
  strToU8(
    Array.from(
      { length: rows },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="str"><v>Person ${r * 7919}</v></c></row>`,
    ).join(""),
  );

const INFLATERS: [string, EntryInflater][] = [
  ["fflate (Workers)", fflateInflate],
  ["node:zlib", nodeInflater()],
  // Windows smaller than the stream: node:zlib streams through fflate instead, at once (the
  // first round overflows) or once its rounds cannot grow within the window.
  ["node:zlib, 64 kB window", nodeInflater(64 * 1024)],
  ["node:zlib, 256 kB window", nodeInflater(256 * 1024)],
];

/** Byte-wise equality without the deep-equality walk (megabytes of elements). */
const same = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && Buffer.from(a).equals(Buffer.from(b));

/** Everything an inflater hands on, joined, and the size it reports. */
function run(inflate: EntryInflater, data: Uint8Array, budget = 1e9) {
  const parts: Uint8Array[] = [];
  const size = inflate(data, budget, (chunk) => parts.push(chunk.slice()));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { size, out };
}

describe.each(INFLATERS)("unpacking a zip entry: %s", (_name, inflate) => {
  const plain = xml(20_000);
  const deflated = deflateSync(plain, { level: 6 });

  it("hands on exactly the unpacked bytes, in order, and stops at the stream's end", () => {
    // What follows an entry in a zip (the next header) is not part of it.
    const withNext = new Uint8Array(deflated.length + 7);
    withNext.set(deflated);
    withNext.set([0x50, 0x4b, 0x03, 0x04, 1, 2, 3], deflated.length);
    for (const data of [deflated, withNext]) {
      const { size, out } = run(inflate, data);
      expect(size).toBe(plain.length);
      expect(same(out, plain)).toBe(true);
    }
  });

  it("stops just past the budget", () => {
    expect(run(inflate, deflated, 100_000).size).toBeGreaterThan(100_000);
    expect(inflate(deflated, 100_000, null)).toBeLessThan(plain.length);
  });

  it("hands on a beginning of the bytes of a cut-off stream, without throwing", () => {
    const { size, out } = run(inflate, deflated.subarray(0, deflated.length >> 1));
    expect(size).toBe(out.length);
    expect(out.length).toBeGreaterThan(0);
    expect(same(out, plain.subarray(0, out.length))).toBe(true);
  });

  it("lets the watcher's refusal through", () => {
    const refuse = () => {
      throw new ImportFileError("för många celler");
    };
    expect(() => inflate(deflated, 1e9, refuse)).toThrow(/för många celler/);
  });
});

describe("node:zlib and fflate agree", () => {
  it.each([
    ["a broken block", (d: Uint8Array) => d.map((b, i) => (i > 200 && i < 230 ? 0xff : b))],
    ["a stream cut in the middle", (d: Uint8Array) => d.subarray(0, 999)],
    ["an empty entry", () => new Uint8Array(0)],
  ])("on %s", (_name, damage) => {
    const data = damage(deflateSync(xml(2000)));
    const expected = run(fflateInflate, data);
    const native = run(nodeInflater(), data);
    // A broken stream counts what came out before the break; zlib may get a little further.
    expect(same(native.out.subarray(0, expected.out.length), expected.out)).toBe(true);
    expect(native.size).toBe(native.out.length);
  });
});
