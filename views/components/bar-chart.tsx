import { formatPercent } from "../format";

export interface Bar {
  label: string;
  /** Percent 0–100, or null for an empty unit. */
  value: number | null;
}

const W = 640;
const ROW = 26;
const LABEL_W = 260;
const VALUE_W = 64;

/** Horizontal SVG bars, one per unit (percent reached); geometry in SVG attributes only. */
export function BarChart({ bars, label }: { bars: Bar[]; label: string }) {
  const plotW = W - LABEL_W - VALUE_W;
  const height = Math.max(ROW, bars.length * ROW) + 8;
  return (
    // A narrow screen scrolls the chart in its box rather than shrinking its text (app.css).
    <section class="chart-scroll" aria-label={label} tabindex={0}>
      <svg
        class="chart bar-chart"
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={label}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title>{label}</title>
        {bars.map((b, i) => {
          const top = 4 + i * ROW;
          const width = ((b.value ?? 0) / 100) * plotW;
          return (
            <g class="bar-row">
              <text class="bar-label" x={LABEL_W - 8} y={top + 17} text-anchor="end">
                {b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}
              </text>
              <rect class="track" x={LABEL_W} y={top + 4} width={plotW} height={ROW - 10} rx="3" />
              <rect
                class="fill"
                x={LABEL_W}
                y={top + 4}
                width={width.toFixed(1)}
                height={ROW - 10}
                rx="3"
              >
                <title>{`${b.label}: ${formatPercent(b.value)}`}</title>
              </rect>
              <text class="bar-value" x={W - 4} y={top + 17} text-anchor="end">
                {formatPercent(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </section>
  );
}
