/**
 * The drift distribution: households by their largest account drift. The book overview has
 * no distribution of its own, so it is drawn from the household list (first 5,000).
 */
import { listHouseholds } from '../../api/book-api';
import type { HouseholdSummary } from '../../api/types';
import { Histogram, type Bin } from '../../charts/histogram';
import { Card } from '../../components/card';
import { ErrorBanner } from '../../components/error-banner';
import { useResource } from '../../hooks/use-resource';

const BAND = 0.01;
const BANDS = 10;
const PAGES = 5;

async function allHouseholds(): Promise<{ items: HouseholdSummary[]; total: number }> {
  const first = await listHouseholds({ limit: 1000 });
  const items = [...first.items];
  for (let p = 1; p < PAGES && items.length < first.total; p++)
    items.push(...(await listHouseholds({ limit: 1000, offset: p * 1000 })).items);
  return { items, total: first.total };
}

/** Bins of 1% up to 10%, and a last bin for everything beyond. */
export function driftBins(households: readonly HouseholdSummary[]): Bin[] {
  const counts = new Array<number>(BANDS + 1).fill(0);
  for (const h of households) {
    if (h.maxDrift === null) continue;
    const i = Math.min(Math.floor(Math.abs(h.maxDrift) / BAND), BANDS);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts.map((n, i) => ({
    label: i === BANDS ? `≥${BANDS}%` : `${i}–${i + 1}%`,
    count: n,
    // Bins past the default 2% threshold are drawn as out of tolerance.
    alert: i >= 2,
  }));
}

/** The histogram card. */
export function DriftHistogramCard() {
  const { data, error } = useResource(allHouseholds, 'drift-histogram');
  const shown = data?.items.length ?? 0;
  return (
    <Card title="Drift distribution" span="half" testId="chart-drift-histogram">
      <ErrorBanner error={error} />
      {data && (
        <Histogram
          title="Households by largest drift"
          bins={driftBins(data.items)}
          xLabel={`households by largest account drift${shown < data.total ? ` (first ${shown} of ${data.total})` : ''}`}
        />
      )}
    </Card>
  );
}
