/**
 * `/runs/:id`: a run's live progress (server-sent events), then its counts and book tally,
 * with a link to its proposals in the approval queue.
 */
import { useEffect } from 'react';
import { getRun } from '../../api/runs-api';
import { ProgressBar } from '../../charts/progress-bar';
import { Card } from '../../components/card';
import { ErrorBanner } from '../../components/error-banner';
import { Notice } from '../../components/notice';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { count, dateTime, shortId } from '../../format/format';
import { useResource } from '../../hooks/use-resource';
import { useRunEvents } from '../../hooks/use-run-events';
import { Link } from '../../router/link';
import { describeSelection } from './describe-selection';
import { RunTally } from './run-tally';

/** Props of {@link RunPage}. */
export interface RunPageProps {
  id: string;
}

/** One run. */
export function RunPage({ id }: RunPageProps) {
  const run = useResource(() => getRun(id), id);
  const running = run.data?.status === 'running';
  const events = useRunEvents(id, running);
  const { reload } = run;

  // Without a live stream, poll every two seconds until the run ends.
  useEffect(() => {
    if (!running || !events.lost) return;
    const t = window.setInterval(reload, 2000);
    return () => window.clearInterval(t);
  }, [running, events.lost, reload]);

  // The `done` event carries the finished run; it is newer than what was loaded.
  const r = events.done?.summary ?? run.data;
  const p = r?.status === 'running' ? events.progress : null;
  const selected = r?.summary.householdsSelected ?? 0;
  const done = p?.done ?? (r?.status === 'running' ? r.summary.proposalsWritten : selected);
  const total = p?.total ?? selected;
  return (
    <>
      <PageHeader
        crumbs={<Link to="/runs">Runs</Link>}
        title={`Run ${shortId(id)}`}
        subtitle={
          r &&
          `${describeSelection(r.selection)} · as of ${r.asOf} · started by ${r.startedBy} ${dateTime(r.startedAt)}`
        }
        actions={
          r && (
            <Link
              className="button"
              to={`/proposals?run=${encodeURIComponent(id)}`}
              data-testid="run-proposals-link"
            >
              Review proposals
            </Link>
          )
        }
      />
      <ErrorBanner error={run.error} />
      {events.done?.error && <Notice tone="warn">The run failed: {events.done.error}</Notice>}
      {r && (
        <div className="grid">
          <Card
            title={
              <>
                Progress <StatusBadge status={r.status} />
              </>
            }
            testId="run-progress-card"
          >
            <ProgressBar done={done} total={total} label="Run progress" testId="run-progress" />
            <p className="muted" data-testid="run-counts">
              {count(p?.gated ?? r.summary.gated)} gated · {count(p?.errors ?? r.summary.errors)}{' '}
              errors
              {r.finishedAt && ` · finished ${dateTime(r.finishedAt)}`}
            </p>
          </Card>
          {r.status !== 'running' && <RunTally run={r} />}
        </div>
      )}
    </>
  );
}
