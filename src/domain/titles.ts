/**
 * Course titles arrive typed by hand in many exports: "VBE  webbutbildning",
 * "Våldsbejakande extremism - webbutbildning" (hyphen for en dash), odd casing.
 * Normalising case, whitespace and dashes lets them match the catalogue.
 */

// Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign.
const DASHES = /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
// Includes NBSP and other Unicode spaces that Excel exports carry.
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;

export function normaliseTitle(title: string): string {
  return title
    .normalize("NFC")
    .toLocaleLowerCase("sv-SE")
    .replace(DASHES, "-")
    .replace(/\s*-\s*/g, " - ")
    .replace(SPACES, " ")
    .trim();
}

export interface CatalogueCourse {
  id: string;
  title: string;
  aliases: readonly string[];
}

/** Builds a lookup from every normalised title and alias to its course id. */
export function courseTitleIndex(courses: readonly CatalogueCourse[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const course of courses) {
    for (const name of [course.title, ...course.aliases, course.id]) {
      index.set(normaliseTitle(name), course.id);
    }
  }
  return index;
}

/** The catalogue id for a title as written in a file, or null when it is not in the catalogue. */
export function matchCourse(index: Map<string, string>, title: string): string | null {
  return index.get(normaliseTitle(title)) ?? null;
}
