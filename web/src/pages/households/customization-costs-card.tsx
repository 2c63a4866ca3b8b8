/**
 * What each customization costs the household: the tracking error and tax it adds against
 * the same household without it. Computing it re-solves the household, so it loads on its own
 * and the rest of the page does not wait.
 */
import { getCustomizationCosts } from '../../api/book-api';
import type { CustomizationCosts, CustomizationPrice } from '../../api/types';
import { Card } from '../../components/card';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { Notice } from '../../components/notice';
import { SignedMoney } from '../../components/signed-money';
import { date } from '../../format/format';
import { useResource } from '../../hooks/use-resource';

/** A price tag with the account it belongs to. */
type PriceRow = CustomizationPrice & { accountId: string };

const COLUMNS: Column<PriceRow>[] = [
  { key: 'account', header: 'Account', value: (c) => c.accountId },
  { key: 'customization', header: 'Customization', value: (c) => c.customization },
  {
    key: 'te',
    header: 'Tracking error',
    value: (c) => c.trackingError,
    format: 'percent',
    title: 'Annualised tracking error the customization adds',
  },
  {
    key: 'tax',
    header: 'Tax',
    value: (c) => c.taxUsd,
    format: 'money',
    render: (c) => <SignedMoney value={c.taxUsd} cost />,
    title: 'Tax it costs in this rebalance (negative: it saves tax)',
  },
];

/** Every account's price tags as one list. */
export function priceRows(costs: CustomizationCosts): PriceRow[] {
  return costs.accounts.flatMap((a) => a.costs.map((c) => ({ ...c, accountId: a.accountId })));
}

/** Props of {@link CustomizationCostsCard}. */
export interface CustomizationCostsCardProps {
  household: string;
}

/** The price tags card. */
export function CustomizationCostsCard({ household }: CustomizationCostsCardProps) {
  const { data, error, loading } = useResource(() => getCustomizationCosts(household), household);
  return (
    <Card
      title="Customization price tags"
      actions={data && <span className="muted">as of {date(data.asOf)}</span>}
      testId="customization-costs"
    >
      <ErrorBanner error={error} />
      {data?.status === 'gated' && (
        <Notice tone="warn">
          Not priced: the household’s data cannot be trusted — {data.reasons.join('; ')}
        </Notice>
      )}
      <DataTable
        rows={data && priceRows(data)}
        loading={loading}
        columns={COLUMNS}
        rowKey={(c) => `${c.accountId}/${c.customization}`}
        rowTestId={() => 'customization-cost-row'}
        initialSort={{ key: 'te', dir: 'desc' }}
        empty={loading ? 'Pricing…' : 'This household has no customizations.'}
        filterable={false}
      />
    </Card>
  );
}
