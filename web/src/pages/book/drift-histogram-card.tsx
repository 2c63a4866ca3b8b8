/**
 * The drift distribution: households by their largest account drift, over the whole book (the
 * book overview counts them in bands of 1%).
 */
import type { BookOverview } from '../../api/types';
import { Histogram, type Bin } from '../../charts/histogram';
import { Card } from '../../components/card';

/** Bins of 1% up to 10%, and a last bin for everything beyond, from the overview's counts. */
export function driftBins(counts: readonly number[]): Bin[] {
  const last = counts.length - 1;
  return counts.map((n, i) => ({
    label: i === last ? `≥${last}%` : `${i}–${i + 1}%`,
    count: n,
    // Bins past the default 2% threshold are drawn as out of tolerance.
    alert: i >= 2,
  }));
}

/** Props of {@link DriftHistogramCard}. */
export interface DriftHistogramCardProps {
  book: BookOverview;
}

/** The histogram card. */
export function DriftHistogramCard({ book }: DriftHistogramCardProps) {
  return (
    <Card title="Drift distribution" span="half" testId="chart-drift-histogram">
      <Histogram
        title="Households by largest drift"
        bins={driftBins(book.householdsByDrift)}
        xLabel="households by largest account drift"
      />
    </Card>
  );
}
