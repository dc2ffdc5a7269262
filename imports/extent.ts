/**
 * Sysselsättningsgrad as HR systems write it: "50", "50 %", "0,5", "37,5%", or an Excel
 * number (a cell formatted as percent holds 0.5). Read as a percentage of full time.
 */

/** Percent of full time (0–100), or undefined when the cell says something else. */
export function parseExtent(cell: string | number): number | undefined {
  let value: number;
  let percentSign = false;
  if (typeof cell === "number") value = cell;
  else {
    const text = cell.replace(/[\s\u00a0]+/g, "");
    percentSign = text.endsWith("%");
    const digits = percentSign ? text.slice(0, -1) : text;
    if (!/^\d+([.,]\d+)?$/.test(digits)) return undefined;
    value = Number(digits.replace(",", "."));
  }
  // No one holds a 1 % post: 0,5 and 1 are fractions of full time, 50 and 100 percent.
  const percent = !percentSign && value <= 1 ? value * 100 : value;
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return undefined;
  return Math.round(percent * 100) / 100;
}
