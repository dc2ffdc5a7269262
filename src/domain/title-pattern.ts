/**
 * Befattning patterns in requirement rules: `*` stands for any text, everything else is
 * literal; the whole title must match, ignoring case and extra spaces
 * ("Socialsekreterare*" matches "Socialsekreterare barn och unga", not "Biträdande socialsekreterare").
 */

function fold(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("sv");
}

/** A matcher for one pattern; build it once per rule, not once per person. */
export function titleMatcher(pattern: string): (title: string | null) => boolean {
  const parts = fold(pattern)
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(`^${parts.join(".*")}$`, "u");
  return (title) => title !== null && re.test(fold(title));
}
