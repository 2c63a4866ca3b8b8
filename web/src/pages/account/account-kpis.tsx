/** An account's headline figures. */
import type { AccountDetail } from '../../api/types';
import { KpiCard } from '../../components/kpi-card';
import { money, percent } from '../../format/format';

/** Props of {@link AccountKpis}. */
export interface AccountKpisProps {
  account: AccountDetail;
  threshold: number;
}

/** Value, cash, largest drift, unrealized gain. */
export function AccountKpis({ account: a, threshold }: AccountKpisProps) {
  const losses = a.lots.reduce((s, l) => s + Math.min(l.unrealizedGainUsd, 0), 0);
  const over = a.maxDrift !== null && Math.abs(a.maxDrift) > threshold;
  return (
    <div className="kpi-row span-wide">
      <KpiCard
        label="Value"
        value={money(a.valueUsd)}
        detail={a.tradable ? `${a.holdings.length} holdings` : 'held away'}
      />
      <KpiCard label="Cash" value={money(a.cashUsd)} detail={percent(a.cashWeight, 1)} />
      <KpiCard
        label={a.householdModelId === null ? 'Largest drift' : 'Household drift'}
        testId="kpi-drift"
        value={percent(a.maxDrift)}
        detail={`tolerance ±${percent(threshold, 1)}`}
        tone={a.maxDrift === null ? 'neutral' : over ? 'warn' : 'good'}
      />
      <KpiCard
        label="Unrealized gain"
        value={money(a.unrealizedGainUsd)}
        detail={`lots at a loss: ${money(losses)}`}
        tone={a.unrealizedGainUsd < 0 ? 'bad' : 'neutral'}
      />
    </div>
  );
}
