/** A run's progress: households done of the total, with gated and error counts. */

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  done: number;
  total: number;
  label?: string;
  testId?: string;
}

/** A determinate progress bar (indeterminate while the total is still unknown). */
export function ProgressBar({ done, total, label, testId }: ProgressBarProps) {
  const share = total > 0 ? Math.min(done / total, 1) : 0;
  return (
    <div className="progress">
      <div
        className={`progress-track${total > 0 ? '' : ' progress-indeterminate'}`}
        role="progressbar"
        aria-label={label ?? 'Progress'}
        aria-valuemin={0}
        aria-valuemax={total || undefined}
        aria-valuenow={total > 0 ? done : undefined}
        data-testid={testId}
        data-done={done}
        data-total={total}
      >
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <div className="progress-text">
        {total > 0 ? `${done} of ${total} households (${Math.floor(share * 100)}%)` : 'Starting…'}
      </div>
    </div>
  );
}
