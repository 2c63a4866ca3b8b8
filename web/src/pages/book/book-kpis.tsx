/** The overview's headline cards. */
import type { BookOverview } from '../../api/types';
import { KpiCard } from '../../components/kpi-card';
import { count, money, percent } from '../../format/format';

/** Props of {@link BookKpis}. */
export interface BookKpisProps {
  book: BookOverview;
}

/** Assets, accounts out of tolerance, harvestable losses, gain budgets used. */
export function BookKpis({ book }: BookKpisProps) {
  const out = book.accountsOutOfTolerance;
  const budget = book.gainBudgets;
  const used = budget.budgetUsd > 0 ? budget.realizedUsd / budget.budgetUsd : 0;
  return (
    <div className="kpi-row span-wide">
      <KpiCard
        label="Assets"
        value={money(book.valueUsd)}
        detail={`${count(book.households)} households · ${count(book.accounts)} accounts · cash ${money(book.cashUsd)}`}
        testId="kpi-assets"
      />
      <KpiCard
        label="Out of tolerance"
        value={count(out)}
        detail={`${percent(book.accounts > 0 ? out / book.accounts : 0, 1)} of accounts`}
        tone={out > 0 ? 'warn' : 'good'}
        testId="kpi-out-of-tolerance"
      />
      <KpiCard
        label="Harvestable losses"
        value={money(book.harvestableLossesUsd)}
        detail={`in ${count(book.accountsWithHarvestableLosses)} taxable accounts`}
        tone={book.harvestableLossesUsd > 0 ? 'good' : 'neutral'}
        testId="kpi-harvestable"
      />
      <KpiCard
        label="Gain budgets used"
        value={budget.runId ? percent(used, 1) : '—'}
        detail={
          budget.runId
            ? `${money(budget.realizedUsd)} of ${money(budget.budgetUsd)} · ${count(budget.householdsNearBudget)} near budget`
            : 'no run yet'
        }
        tone={budget.householdsNearBudget > 0 ? 'warn' : 'neutral'}
        testId="kpi-gain-budget"
      />
    </div>
  );
}
