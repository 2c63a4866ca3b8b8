/** A short success or information message after an action. */
import type { ReactNode } from 'react';

/** Props of {@link Notice}. */
export interface NoticeProps {
  children: ReactNode;
  tone?: 'ok' | 'info' | 'warn';
  onDismiss?: () => void;
  testId?: string;
}

/** A dismissable message box. */
export function Notice({ children, tone = 'ok', onDismiss, testId }: NoticeProps) {
  return (
    <div className={`banner banner-${tone}`} role="status" data-testid={testId}>
      <div className="banner-text">{children}</div>
      {onDismiss && (
        <button type="button" className="banner-close" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
