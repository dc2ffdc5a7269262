import { formatCount } from "../format";

/** One key figure; `change` is the difference to a comparison (shown with its sign). */
export function Figure({
  label,
  value,
  change,
}: {
  label: string;
  value: string;
  change?: string;
}) {
  return (
    <div class="figure">
      <span class="figure-value">{value}</span>
      <span class="figure-label">{label}</span>
      {change ? <span class="figure-change">{change}</span> : null}
    </div>
  );
}

/** "+12", "−3", "±0" with a real minus sign. */
export function signed(n: number): string {
  if (n === 0) return "±0";
  return n > 0 ? `+${formatCount(n)}` : `−${formatCount(-n)}`;
}
