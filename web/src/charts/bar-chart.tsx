/** Horizontal bars with their labels and values, drawn as SVG at the card's pixel width. */
import { ChartFrame } from './chart-frame';

/** One bar. */
export interface Bar {
  label: string;
  value: number;
  /** Shown in the tooltip beside the formatted value. */
  detail?: string;
}

/** Props of {@link BarChart}. */
export interface BarChartProps {
  bars: readonly Bar[];
  format: (x: number) => string;
  /** Accessible name of the chart. */
  title: string;
  testId?: string;
}

const ROW = 26;
const VALUE = 70;

/** A bar per item, longest = the largest value. */
export function BarChart(props: BarChartProps) {
  if (props.bars.length === 0) return <p className="chart-empty">No data.</p>;
  return <ChartFrame testId={props.testId}>{(w) => <Bars {...props} width={w} />}</ChartFrame>;
}

function Bars({ bars, format, title, width: W }: BarChartProps & { width: number }) {
  // Labels take up to a third of narrow charts and at most 200 px of wide ones.
  const LABEL = Math.min(200, Math.round(W / 3));
  const chars = Math.floor((LABEL - 12) / 7);
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), 1e-9);
  const span = W - LABEL - VALUE - 8;
  const h = bars.length * ROW + 4;
  return (
    <svg
      className="chart"
      width={W}
      height={h}
      viewBox={`0 0 ${W} ${h}`}
      role="img"
      aria-label={title}
    >
      {bars.map((b, i) => {
        const y = i * ROW + 2;
        const len = Math.max((Math.abs(b.value) / max) * span, b.value === 0 ? 0 : 1);
        return (
          <g key={`${b.label}-${i}`}>
            <title>{`${b.label}: ${format(b.value)}${b.detail ? ` — ${b.detail}` : ''}`}</title>
            <text x={LABEL - 8} y={y + ROW / 2} className="chart-label" textAnchor="end">
              {b.label.length > chars ? `${b.label.slice(0, chars - 1)}…` : b.label}
            </text>
            <rect
              x={LABEL}
              y={y + 4}
              width={len}
              height={ROW - 8}
              rx={3}
              className={b.value < 0 ? 'bar bar-neg' : 'bar'}
            />
            <text x={LABEL + len + 6} y={y + ROW / 2} className="chart-value">
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
