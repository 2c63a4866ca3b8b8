/** The book's latest run and the way to its proposals: where the day's review starts. */
import type { BookOverview } from '../../api/types';
import { Card } from '../../components/card';
import { StatusBadge } from '../../components/status-badge';
import { date, shortId } from '../../format/format';
import { Link } from '../../router/link';
import { href } from '../../router/match';

/** Props of {@link LatestRunCard}. */
export interface LatestRunCardProps {
  run: BookOverview['latestRun'];
}

/** The latest run, or how to start one. */
export function LatestRunCard({ run }: LatestRunCardProps) {
  return (
    <Card title="Latest run" span="half" testId="latest-run">
      {run ? (
        <div className="stack">
          <p>
            <Link to={href('/runs', run.id)} title={run.id}>
              Run {shortId(run.id)}
            </Link>{' '}
            <StatusBadge status={run.status} /> as of {date(run.asOf)}
          </p>
          <div className="button-row">
            <Link className="button" to={`/proposals?run=${encodeURIComponent(run.id)}`}>
              Review its proposals
            </Link>
            <Link className="button" to="/runs">
              All runs
            </Link>
          </div>
        </div>
      ) : (
        <p className="muted">
          No run yet. <Link to="/runs">Start one</Link>.
        </p>
      )}
    </Card>
  );
}
