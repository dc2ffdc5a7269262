import { describe, expect, it } from "vitest";
import { cleanText, lengthProblem } from "../../imports/text-hygiene";

describe("cleanText", () => {
  it.each([
    ["A\u030asa Ek", "Åsa Ek"], // NFD → NFC: the same person as a precomposed Åsa
    ["  Anna \u00a0 Berg\t", "Anna Berg"],
    ["Anna\u2003Berg", "Anna Berg"], // em space
    ["Eva\u202egpj.exe", "Evagpj.exe"], // right-to-left override removed
    ["\u2067Ali\u2069 Hassan", "Ali Hassan"], // bidi isolates
    ["Pe\u200bter", "Peter"], // zero-width space
    ["Jo\u200dhan\ufeff", "Johan"], // zero-width joiner, BOM
    ["\u001b[2J\u001b[31mRöd", "[2J[31mRöd"], // ESC gone: no terminal control sequence left
    ["Lars\u0000\u0007\u007f\u0085", "Lars"], // NUL, BEL, DEL, C1 NEL
    ["Karl-\u00adJohan", "Karl-Johan"], // soft hyphen
    ["Rad1\r\nRad2", "Rad1 Rad2"],
    ["José Ñúñez", "José Ñúñez"], // ordinary letters untouched
    ["أحمد", "أحمد"], // right-to-left script itself is kept
  ])("%j → %j", (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe("lengthProblem", () => {
  it.each([
    ["firstName", "a".repeat(100), null],
    ["firstName", "a".repeat(10_000), "texten är för lång (10\u00a0000 tecken, högst 100)"],
    ["email", `${"a".repeat(250)}@x.se`, "texten är för lång (255 tecken, högst 254)"],
    ["employmentDate", "x".repeat(500), null], // dates are parsed, not capped here
  ] as const)("%s of %j chars → %j", (field, text, expected) => {
    expect(lengthProblem(field, text)).toBe(expected);
  });
});
