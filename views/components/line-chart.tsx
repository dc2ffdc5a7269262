import { formatPercent } from "../format";

export interface LinePoint {
  /** Short axis label, e.g. "jan 25". */
  label: string;
  /** Percent 0–100, or null where nobody was employed. */
  value: number | null;
  /** Full description for the point's tooltip. */
  title: string;
}

const W = 640;
const H = 240;
const PAD = { left: 44, right: 16, top: 16, bottom: 36 };

/**
 * A server-rendered SVG line chart of percentages (0–100 %). Only SVG attributes are used
 * for geometry and colour classes, so it works under a strict CSP and without JS.
 */
export function LineChart({ points, label }: { points: LinePoint[]; label: string }) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / 100) * plotH;
  const drawn = points.flatMap((p, i) =>
    p.value === null ? [] : [{ ...p, cx: x(i), cy: y(p.value) }],
  );
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  return (
    // A narrow screen scrolls the chart in its box rather than shrinking its text (app.css).
    <section class="chart-scroll" aria-label={label} tabindex={0}>
      <svg
        class="chart line-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={label}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title>{label}</title>
        {[0, 25, 50, 75, 100].map((v) => (
          <g class="grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end">{`${v} %`}</text>
          </g>
        ))}
        {points.map((p, i) =>
          showsLabel(i, points.length, labelEvery) ? (
            <text class="axis-label" x={x(i)} y={H - 12} text-anchor="middle">
              {p.label}
            </text>
          ) : null,
        )}
        {drawn.length > 1 ? (
          <polyline
            class="series"
            fill="none"
            points={drawn.map((p) => `${p.cx.toFixed(1)},${p.cy.toFixed(1)}`).join(" ")}
          />
        ) : null}
        {drawn.map((p) => (
          <circle class="point" cx={p.cx.toFixed(1)} cy={p.cy.toFixed(1)} r="3.5">
            <title>{`${p.title}: ${formatPercent(p.value)}`}</title>
          </circle>
        ))}
      </svg>
    </section>
  );
}

/**
 * Every `every`-th point is labelled, and the last one — unless it sits so close to the
 * previous labelled point that the two texts would overlap; then that one gives way.
 */
export function showsLabel(i: number, count: number, every: number): boolean {
  const last = count - 1;
  if (i === last) return true;
  if (i % every !== 0) return false;
  // With every point labelled (few points) there is room; otherwise keep two steps apart.
  const minGap = every === 1 ? 1 : Math.max(2, Math.ceil(every / 2));
  return last - i >= minGap || i === 0;
}
