/**
 * A proposal opened in the queue: its trades with their per-trade reasons, the accounts'
 * warnings, past decisions, and approve or reject with a note. A stale proposal answers 409;
 * the reason is shown as the server gave it.
 */
import { getProposal } from '../../api/proposals-api';
import { useSession } from '../../auth/session-context';
import { ErrorBanner } from '../../components/error-banner';
import { dateTime } from '../../format/format';
import { useResource } from '../../hooks/use-resource';
import { DecisionForm } from './decision-form';
import { gainOf, tradeGains } from './trade-gains';
import { TradesTable } from './trades-table';

/** Props of {@link ProposalDetailView}. */
export interface ProposalDetailViewProps {
  id: string;
  onDecided: () => void;
}

/** Trades, notes and the decision form. */
export function ProposalDetailView({ id, onDecided }: ProposalDetailViewProps) {
  const { can } = useSession();
  const { data, error, loading } = useResource(() => getProposal(id), id);
  if (loading && !data) return <p className="muted">Loading trades…</p>;
  const gains = data ? tradeGains(data) : new Map<string, number>();
  const warnings = (data?.response?.accounts ?? []).flatMap((a) =>
    a.summary.warnings.map((w) => `${a.id}: ${w}`),
  );
  return (
    <div className="proposal-detail" data-testid={`proposal-detail-${id}`}>
      <ErrorBanner error={error} />
      {data && (
        <>
          {data.reason && <p className="warn-text">{data.reason}</p>}
          {/* Above the trades: a direct-index proposal can hold hundreds of them. */}
          {can('decideProposals') && data.status === 'proposed' && (
            <DecisionForm id={id} onDecided={onDecided} />
          )}
          <TradesTable trades={data.tradeList.map((t) => ({ ...t, gainUsd: gainOf(gains, t) }))} />
          {warnings.length > 0 && (
            <ul className="problem-list muted">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {data.decisions.map((d) => (
            <p key={d.decidedAt} className="muted">
              {d.decision} by {d.decidedBy} {dateTime(d.decidedAt)}
              {d.note ? ` — “${d.note}”` : ''}
            </p>
          ))}
        </>
      )}
    </div>
  );
}
