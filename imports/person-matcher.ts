/** Who a completion row is about: employee number, else e-mail, else a link HR made by hand. */
import { linkKeys } from "./people";

export interface MatchablePerson {
  id: number;
  employeeNo: string | null;
  email: string | null;
}

export type PersonMatcher = (row: {
  employeeNo: string;
  email: string;
  name: string;
}) => number | null;

export function personMatcher(
  people: readonly MatchablePerson[],
  links: ReadonlyMap<string, number>,
): PersonMatcher {
  const byNo = new Map<string, number>();
  const byEmail = new Map<string, number | null>();
  for (const p of people) {
    if (p.employeeNo) byNo.set(p.employeeNo, p.id);
    // Two people with one address cannot be told apart by it.
    if (p.email) byEmail.set(p.email, byEmail.has(p.email) ? null : p.id);
  }
  return (row) => {
    if (row.employeeNo) {
      const id = byNo.get(row.employeeNo);
      if (id !== undefined) return id;
    }
    if (row.email) {
      const id = byEmail.get(row.email);
      if (id) return id;
    }
    // Most databases have few or no hand-made links: the name key (locale lower-casing) is
    // only worth computing when there is something to look it up in.
    if (links.size === 0) return null;
    for (const key of linkKeys(row)) {
      const id = links.get(key);
      if (id !== undefined) return id;
    }
    return null;
  };
}
