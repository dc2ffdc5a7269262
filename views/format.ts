/** Number formatting as Swedish readers expect it: "1 024", "24,2 %". */
const INTEGER = new Intl.NumberFormat("sv-SE");
const ONE_DECIMAL = new Intl.NumberFormat("sv-SE", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function formatCount(n: number): string {
  return INTEGER.format(n);
}

export function formatPercent(p: number | null): string {
  return p === null ? "–" : `${ONE_DECIMAL.format(p)} %`;
}

/** A sysselsättningsgrad: "50 %", "37,5 %" (as many decimals as HR gave). */
export function formatExtent(percent: number): string {
  return `${new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 }).format(percent)} %`;
}

/** "1 rad", "3 rader", "1 024 rader": the count with the noun in the right number. */
export function countNoun(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
