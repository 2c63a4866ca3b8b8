/**
 * `/accounts/:id`: holdings with weight against target and a drift chart, tax lots with their
 * unrealized gain and term, and the settings with their version history (pm can edit).
 */
import { getAccount } from '../../api/book-api';
import { DriftChart } from '../../charts/drift-chart';
import { Card } from '../../components/card';
import { ErrorBanner } from '../../components/error-banner';
import { PageHeader } from '../../components/page-header';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/link';
import { href } from '../../router/match';
import { DEFAULT_DRIFT_THRESHOLD } from '../households/drift-value';
import { AccountKpis } from './account-kpis';
import { HoldingsTable } from './holdings-table';
import { LotsTable } from './lots-table';
import { SettingsCard } from './settings-card';

/** Props of {@link AccountPage}. */
export interface AccountPageProps {
  id: string;
}

/** One account. */
export function AccountPage({ id }: AccountPageProps) {
  const { data, error, loading, reload } = useResource(() => getAccount(id), id);
  const threshold = data?.driftThreshold ?? DEFAULT_DRIFT_THRESHOLD;
  return (
    <>
      <PageHeader
        crumbs={
          <>
            <Link to="/households">Households</Link>
            {data && (
              <>
                {' / '}
                <Link to={href('/households', data.householdId)}>
                  {data.householdName || data.householdId}
                </Link>
              </>
            )}
          </>
        }
        title={data?.name ? `${data.name} (${id})` : id}
        subtitle={
          data &&
          `${data.taxStatus} · ${
            data.householdModelId === null
              ? `model ${data.modelId ?? 'none (own portfolio)'}`
              : `household model ${data.householdModelId} (asset location)`
          } · prices as of ${data.asOf ?? '—'} · settings v${data.settingsVersion}`
        }
      />
      <ErrorBanner error={error} />
      {loading && !data && <p className="muted">Loading…</p>}
      {data && (
        <div className="grid">
          <AccountKpis account={data} threshold={threshold} />
          <Card
            title={
              data.householdModelId === null
                ? 'Holdings'
                : 'Holdings · target and drift of the household'
            }
            span="two-thirds"
          >
            <HoldingsTable holdings={data.holdings} threshold={threshold} />
          </Card>
          <Card
            title={
              data.householdModelId === null ? 'Drift from target' : 'Household drift from target'
            }
            span="third"
            testId="drift-chart-card"
          >
            <DriftChart
              items={data.holdings.map((h) => ({ label: h.securityId, drift: h.drift }))}
              threshold={threshold}
              testId="drift-chart"
            />
          </Card>
          <Card title="Tax lots">
            <LotsTable lots={data.lots} />
          </Card>
          <SettingsCard account={data} onSaved={reload} />
        </div>
      )}
    </>
  );
}
