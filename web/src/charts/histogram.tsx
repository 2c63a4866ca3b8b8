/** Vertical columns for a distribution (how many households in each drift band). */
import { ChartFrame } from './chart-frame';

/** One column: its band label and the count in it. */
export interface Bin {
  label: string;
  count: number;
  /** Highlights bins past a threshold (e.g. out of tolerance). */
  alert?: boolean;
}

/** Props of {@link Histogram}. */
export interface HistogramProps {
  bins: readonly Bin[];
  title: string;
  /** Axis caption under the bins. */
  xLabel?: string;
  testId?: string;
}

const H = 240;
const PAD = { top: 18, bottom: 40, left: 8, right: 8 };

/** Columns with their counts on top and labels under. */
export function Histogram(props: HistogramProps) {
  if (props.bins.length === 0) return <p className="chart-empty">No data.</p>;
  return <ChartFrame testId={props.testId}>{(w) => <Columns {...props} width={w} />}</ChartFrame>;
}

function Columns({ bins, title, xLabel, width: W }: HistogramProps & { width: number }) {
  const max = Math.max(...bins.map((b) => b.count), 1);
  const plotH = H - PAD.top - PAD.bottom;
  const colW = (W - PAD.left - PAD.right) / bins.length;
  // Labels need about 38 px each; on a narrow chart label every other bin.
  const every = colW < 38 ? 2 : 1;
  return (
    <svg
      className="chart"
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={title}
    >
      <line
        x1={PAD.left}
        x2={W - PAD.right}
        y1={H - PAD.bottom}
        y2={H - PAD.bottom}
        className="axis"
      />
      {bins.map((b, i) => {
        const h = (b.count / max) * plotH;
        const x = PAD.left + i * colW;
        const y = H - PAD.bottom - h;
        return (
          <g key={`${b.label}-${i}`}>
            <title>{`${b.label}: ${b.count}`}</title>
            <rect
              x={x + 3}
              y={y}
              width={Math.max(colW - 6, 1)}
              height={h}
              rx={2}
              className={b.alert ? 'bar bar-alert' : 'bar'}
            />
            {b.count > 0 && (
              <text x={x + colW / 2} y={y - 4} className="chart-value" textAnchor="middle">
                {b.count}
              </text>
            )}
            {i % every === 0 && (
              <text
                x={x + colW / 2}
                y={H - PAD.bottom + 15}
                className="chart-label"
                textAnchor="middle"
              >
                {b.label}
              </text>
            )}
          </g>
        );
      })}
      {xLabel && (
        <text x={W / 2} y={H - 6} className="chart-caption" textAnchor="middle">
          {xLabel}
        </text>
      )}
    </svg>
  );
}
