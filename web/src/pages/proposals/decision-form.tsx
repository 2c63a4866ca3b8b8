/** Approve or reject one proposal with a note (a rejection needs one). */
import { useState } from 'react';
import { decideProposal } from '../../api/proposals-api';
import { ErrorBanner } from '../../components/error-banner';
import { useAction } from '../../hooks/use-action';

/** Props of {@link DecisionForm}. */
export interface DecisionFormProps {
  id: string;
  onDecided: () => void;
}

/** Note, approve, reject. */
export function DecisionForm({ id, onDecided }: DecisionFormProps) {
  const [note, setNote] = useState('');
  const decide = useAction(async (decision: 'approve' | 'reject') => {
    await decideProposal(id, decision, note);
    onDecided();
  });
  return (
    <div className="decision-form">
      <input
        aria-label="Decision note"
        placeholder="Note (required to reject)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid={`proposal-note-${id}`}
      />
      <button
        type="button"
        className="button-primary"
        disabled={decide.busy}
        onClick={() => void decide.run('approve')}
        data-testid={`approve-${id}`}
      >
        Approve
      </button>
      <button
        type="button"
        className="button-danger"
        disabled={decide.busy || note.trim() === ''}
        onClick={() => void decide.run('reject')}
        data-testid={`reject-${id}`}
      >
        Reject
      </button>
      <ErrorBanner error={decide.error} onDismiss={decide.clear} />
    </div>
  );
}
