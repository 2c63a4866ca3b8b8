/** A drift figure, highlighted when it is past the tolerance that triggers a rebalance. */
import { percent } from '../../format/format';

/** The default drift threshold of an account without its own (src/batch/selection.ts). */
export const DEFAULT_DRIFT_THRESHOLD = 0.02;

/** Props of {@link DriftValue}. */
export interface DriftValueProps {
  drift: number | null | undefined;
  threshold?: number | undefined;
  /** The server's own verdict, when it gives one (a household's accounts differ in threshold). */
  over?: boolean | undefined;
}

/** `4.12%`, amber when out of tolerance. */
export function DriftValue({ drift, threshold = DEFAULT_DRIFT_THRESHOLD, over }: DriftValueProps) {
  const out = over ?? (typeof drift === 'number' && Math.abs(drift) > threshold);
  return (
    <span className={out ? 'warn-text' : undefined} title={out ? 'Out of tolerance' : undefined}>
      {percent(drift)}
    </span>
  );
}
