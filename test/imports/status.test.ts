import { describe, expect, it } from "vitest";
import { progressOf } from "../../imports/status";

describe("progressOf", () => {
  it.each([
    ["Ej påbörjad", "none"],
    ["Not started", "none"],
    ["Påbörjad", "started"],
    ["Pågående", "started"],
    ["Startad", "started"],
    ["In progress", "started"],
    ["Genomförd", "completed"],
    ["Slutförd", "completed"],
    ["Avklarad", "completed"],
    ["Klar", "completed"],
    ["Godkänd", "completed"],
    ["Completed", "completed"],
    ["GENOMFÖRD ", "completed"],
    ["Genomförd (100%)", "completed"],
    ["Slutförd – godkänd", "completed"],
    ["Påbörjad 40 %", "started"],
    ["Ej genomförd", "unfinished"],
    ["Ej slutförd", "unfinished"],
    ["Not completed", "unfinished"],
    ["Registrerad", "none"],
    ["Underkänd", "started"],
    ["Failed", "started"],
    ["Kanske", null],
    ["Kanske klar", null],
  ])("%j → %s", (label, progress) => {
    expect(progressOf(label)).toBe(progress);
  });
});
