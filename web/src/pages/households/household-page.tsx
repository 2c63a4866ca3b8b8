/**
 * `/households/:id`: the household's accounts with value, cash and drift, what each
 * customization costs, and (for advisors and pm) a form to request a customization.
 */
import { getHousehold } from '../../api/book-api';
import { useSession } from '../../auth/session-context';
import { Card } from '../../components/card';
import { ErrorBanner } from '../../components/error-banner';
import { KpiCard } from '../../components/kpi-card';
import { PageHeader } from '../../components/page-header';
import { money, percent } from '../../format/format';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/link';
import { href } from '../../router/match';
import { CustomizationCostsCard } from './customization-costs-card';
import { CustomizationRequestForm } from './customization-request-form';
import { HouseholdAccountsTable } from './household-accounts-table';

/** Props of {@link HouseholdPage}. */
export interface HouseholdPageProps {
  id: string;
}

/** One household. */
export function HouseholdPage({ id }: HouseholdPageProps) {
  const { can } = useSession();
  const { data, error, loading } = useResource(() => getHousehold(id), id);
  return (
    <>
      <PageHeader
        crumbs={<Link to="/households">Households</Link>}
        title={data?.name ? `${data.name} (${id})` : id}
        subtitle={data && `Advisor: ${data.advisor || '—'}`}
        actions={
          can('proposals') && (
            <Link className="button" to={`/proposals?household=${encodeURIComponent(id)}`}>
              Proposals
            </Link>
          )
        }
      />
      <ErrorBanner error={error} />
      {loading && !data && <p className="muted">Loading…</p>}
      {data && (
        <div className="grid">
          <div className="kpi-row span-wide">
            <KpiCard
              label="Value"
              value={money(data.valueUsd)}
              detail={`cash ${money(data.cashUsd)}`}
            />
            <KpiCard label="Accounts" value={`${data.accounts.length}`} />
            <KpiCard
              label="Tax rates"
              value={`${percent(data.shortTermRate, 1)} / ${percent(data.longTermRate, 1)}`}
              detail="short / long term"
            />
            <KpiCard label="Household model" value={data.modelId ?? '—'} detail="asset location" />
          </div>
          <Card title="Accounts">
            <HouseholdAccountsTable accounts={data.accounts} />
          </Card>
          <CustomizationCostsCard household={id} />
          {can('requestCustomization') && (
            <Card title="Request a customization" testId="customization-request-card">
              <CustomizationRequestForm accounts={data.accounts.map((a) => a.id)} />
            </Card>
          )}
          {data.accounts.length > 0 && (
            <p className="muted span-wide">
              Open an account for its holdings, lots and settings:{' '}
              {data.accounts.map((a, i) => (
                <span key={a.id}>
                  {i > 0 && ', '}
                  <Link to={href('/accounts', a.id)}>{a.id}</Link>
                </span>
              ))}
            </p>
          )}
        </div>
      )}
    </>
  );
}
