/**
 * Approves the selected proposals in one request with one note. The server approves each on
 * its own and refuses the stale ones with a reason; both lists are shown.
 */
import { useState } from 'react';
import { approveMany } from '../../api/proposals-api';
import type { BulkApproveResponse } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks/use-action';
import { DecisionResults } from './decision-results';

/** Props of {@link BulkApproveBar}. */
export interface BulkApproveBarProps {
  ids: string[];
  onDone: () => void;
}

/** Note input and the bulk approve button. */
export function BulkApproveBar({ ids, onDone }: BulkApproveBarProps) {
  const [note, setNote] = useState('');
  const [results, setResults] = useState<BulkApproveResponse | null>(null);
  const approve = useAction(async () => {
    const out = await approveMany(ids, note);
    setResults(out);
    setNote('');
    onDone();
  });
  return (
    <div className="bulk-bar">
      <input
        aria-label="Approval note"
        placeholder="Note for the approval"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="bulk-note"
      />
      <button
        type="button"
        className="button-primary"
        disabled={ids.length === 0 || approve.busy}
        onClick={() => void approve.run()}
        data-testid="bulk-approve"
      >
        Approve selected ({ids.length})
      </button>
      <ErrorBanner error={approve.error} onDismiss={approve.clear} />
      {results && (
        <Notice
          tone={results.refused === 0 ? 'ok' : 'warn'}
          onDismiss={() => setResults(null)}
          testId="bulk-results"
        >
          <DecisionResults results={results} />
        </Notice>
      )}
    </div>
  );
}
