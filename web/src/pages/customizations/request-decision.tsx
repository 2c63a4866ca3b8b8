/** Approve or reject a customization request with a note. */
import { useState } from 'react';
import { decideCustomization } from '../../api/book-api';
import { ErrorBanner } from '../../components/error-banner';
import { useAction } from '../../hooks/use-action';

/** Props of {@link RequestDecision}. */
export interface RequestDecisionProps {
  id: string;
  onDecided: () => void;
}

/** Note, approve, reject. */
export function RequestDecision({ id, onDecided }: RequestDecisionProps) {
  const [note, setNote] = useState('');
  const decide = useAction(async (d: 'approve' | 'reject') => {
    await decideCustomization(id, d, note);
    onDecided();
  });
  return (
    <div className="decision-form">
      <input
        aria-label="Decision note"
        placeholder="Note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid={`request-note-${id}`}
      />
      <button
        type="button"
        className="button-primary"
        disabled={decide.busy}
        onClick={() => void decide.run('approve')}
        data-testid={`request-approve-${id}`}
      >
        Approve
      </button>
      <button
        type="button"
        className="button-danger"
        disabled={decide.busy}
        onClick={() => void decide.run('reject')}
        data-testid={`request-reject-${id}`}
      >
        Reject
      </button>
      <ErrorBanner error={decide.error} onDismiss={decide.clear} />
    </div>
  );
}
