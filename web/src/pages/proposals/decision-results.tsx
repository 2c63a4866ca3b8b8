/** The per-proposal answers of a bulk approval: how many were approved, and why others were not. */
import type { BulkApproveResponse } from '../../api/types';

/** Props of {@link DecisionResults}. */
export interface DecisionResultsProps {
  results: BulkApproveResponse;
}

/** A count line and one line per refusal, with the server's reason. */
export function DecisionResults({ results }: DecisionResultsProps) {
  const refused = results.items.flatMap((r) => (r.ok ? [] : [r]));
  return (
    <div>
      <strong>{results.approved} approved</strong>
      {refused.length > 0 && `, ${results.refused} refused:`}
      {refused.length > 0 && (
        <ul className="problem-list" data-testid="bulk-refusals">
          {refused.map((r) => (
            <li key={r.proposalId}>
              <code>{r.proposalId}</code> ({r.code}) {r.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
