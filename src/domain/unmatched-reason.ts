/**
 * Why a course-file row matched no person, in Swedish. Rows are matched by employee number,
 * else by e-mail (one person only), else by a link HR made by hand (imports/person-matcher.ts);
 * the reason says which of these failed, so HR knows whether to fix the staff list, the course
 * file or link by hand.
 */

export type UnmatchedReasonKind =
  | "noKey"
  | "unknownNumber"
  | "unknownEmail"
  | "sharedEmail"
  | "unknownNumberAndEmail"
  | "unknownNumberSharedEmail"
  | "nowMatches";

export interface UnmatchedReason {
  kind: UnmatchedReasonKind;
  text: string;
}

/** How many people hold a number or an address (now, or when the file was matched). */
export interface ReasonLookup {
  employeeNoCount: (employeeNo: string) => number;
  emailCount: (email: string) => number;
}

/** Short labels for counting reasons in a preview ("Okänd e-post: 12"). */
export const REASON_LABEL: Record<UnmatchedReasonKind, string> = {
  noKey: "Saknar anställningsnummer och e-post",
  unknownNumber: "Okänt anställningsnummer",
  unknownEmail: "Okänd e-postadress",
  sharedEmail: "E-postadressen delas av flera personer",
  unknownNumberAndEmail: "Okänt anställningsnummer och okänd e-post",
  unknownNumberSharedEmail: "Okänt anställningsnummer, e-post delad av flera",
  nowMatches: "Matchar nu en anställd",
};

const people = (n: number) => (n === 1 ? "1 person" : `${n} personer`);

export function unmatchedReason(
  row: { employeeNo: string | null; email: string | null },
  lookup: ReasonLookup,
): UnmatchedReason {
  const no = row.employeeNo || null;
  const email = row.email || null;
  const noKnown = no !== null && lookup.employeeNoCount(no) > 0;
  const emailHolders = email === null ? 0 : lookup.emailCount(email);
  // A later staff list may have added the person since the row was queued.
  if (noKnown || emailHolders === 1)
    return {
      kind: "nowMatches",
      text: noKnown
        ? `Anställningsnummer ${no} finns nu bland de anställda: koppla raden.`
        : `E-postadressen ${email} hör nu till en anställd: koppla raden.`,
    };
  if (no === null && email === null)
    return {
      kind: "noKey",
      text: "Raden saknar både anställningsnummer och e-post, så den kan bara kopplas för hand.",
    };
  if (email === null)
    return {
      kind: "unknownNumber",
      text: `Anställningsnummer ${no} finns inte bland de anställda, och raden har ingen e-post.`,
    };
  if (no === null)
    return emailHolders === 0
      ? { kind: "unknownEmail", text: `E-postadressen ${email} finns inte hos någon anställd.` }
      : {
          kind: "sharedEmail",
          text: `E-postadressen ${email} delas av ${people(emailHolders)} och pekar inte ut någon.`,
        };
  return emailHolders === 0
    ? {
        kind: "unknownNumberAndEmail",
        text: `Varken anställningsnummer ${no} eller e-postadressen ${email} finns bland de anställda.`,
      }
    : {
        kind: "unknownNumberSharedEmail",
        text: `Anställningsnummer ${no} finns inte, och e-postadressen ${email} delas av ${people(emailHolders)}.`,
      };
}
