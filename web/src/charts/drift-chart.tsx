/**
 * Each holding's drift (weight − target) as a bar left or right of a centre line, largest
 * first; bars past the account's tolerance are highlighted so the eye goes to them.
 */
import { percent } from '../format/format';
import { ChartFrame } from './chart-frame';

/** One security's weight against its target. */
export interface DriftItem {
  label: string;
  drift: number;
}

/** Props of {@link DriftChart}. */
export interface DriftChartProps {
  items: readonly DriftItem[];
  /** Drift beyond ±threshold is out of tolerance. */
  threshold?: number;
  /** At most this many bars (largest absolute drift first). */
  limit?: number;
  testId?: string;
}

const ROW = 22;
const LABEL = 80;

/** A diverging bar chart of drift. */
export function DriftChart(props: DriftChartProps) {
  if (props.items.length === 0) return <p className="chart-empty">No holdings.</p>;
  return <ChartFrame testId={props.testId}>{(w) => <Diverging {...props} width={w} />}</ChartFrame>;
}

function Diverging({
  items,
  threshold,
  limit = 20,
  width: W,
}: DriftChartProps & { width: number }) {
  const top = [...items].sort((a, b) => Math.abs(b.drift) - Math.abs(a.drift)).slice(0, limit);
  const max = Math.max(...top.map((i) => Math.abs(i.drift)), threshold ?? 0, 1e-6);
  const half = (W - LABEL - 10) / 2 - 50;
  const mid = LABEL + 10 + half + 50;
  const h = top.length * ROW + 24;
  const tx = threshold ? (threshold / max) * half : 0;
  return (
    <svg
      className="chart"
      width={W}
      height={h}
      viewBox={`0 0 ${W} ${h}`}
      role="img"
      aria-label="Drift by holding"
    >
      {threshold !== undefined && threshold > 0 && (
        <g className="threshold">
          <line x1={mid - tx} x2={mid - tx} y1={0} y2={h - 20} />
          <line x1={mid + tx} x2={mid + tx} y1={0} y2={h - 20} />
          <text x={mid + tx} y={h - 6} textAnchor="middle" className="chart-caption">
            ±{percent(threshold, 1)}
          </text>
        </g>
      )}
      <line x1={mid} x2={mid} y1={0} y2={h - 20} className="axis" />
      {top.map((item, i) => {
        const y = i * ROW + 2;
        const len = (Math.abs(item.drift) / max) * half;
        const over = threshold !== undefined && Math.abs(item.drift) > threshold;
        const x = item.drift < 0 ? mid - len : mid;
        return (
          <g key={item.label}>
            <title>{`${item.label}: ${percent(item.drift)}`}</title>
            <text x={LABEL} y={y + ROW / 2} textAnchor="end" className="chart-label">
              {item.label}
            </text>
            <rect
              x={x}
              y={y + 3}
              width={Math.max(len, 0.5)}
              height={ROW - 6}
              rx={2}
              className={over ? 'bar bar-alert' : item.drift < 0 ? 'bar bar-neg' : 'bar'}
            />
            <text
              x={item.drift < 0 ? x - 4 : x + len + 4}
              y={y + ROW / 2}
              textAnchor={item.drift < 0 ? 'end' : 'start'}
              className="chart-value"
            >
              {percent(item.drift)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
