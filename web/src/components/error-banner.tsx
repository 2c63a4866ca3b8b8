/**
 * Shows an API error as the server worded it, with the path of every problem so people can
 * find the field at fault; a 409 reads as a refusal, not a crash.
 */
import type { ApiError } from '../api/api-error';
import { formatPath } from '../api/api-error';

/** Props of {@link ErrorBanner}. */
export interface ErrorBannerProps {
  error: ApiError | null | undefined;
  onDismiss?: () => void;
}

/** An error message box, or nothing when there is no error. */
export function ErrorBanner({ error, onDismiss }: ErrorBannerProps) {
  if (!error) return null;
  const kind = error.status === 409 ? 'Refused' : error.status === 403 ? 'Not allowed' : 'Error';
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <div className="banner-text">
        <strong>{kind}:</strong> {error.message}
        {error.status > 0 && (
          <span className="banner-code">
            {' '}
            ({error.status} {error.code}
            {error.reason ? `: ${error.reason}` : ''})
          </span>
        )}
        {error.problems.length > 0 && (
          <ul className="problem-list">
            {error.problems.map((p, i) => (
              <li key={i}>
                {p.path.length > 0 && <code>{formatPath(p.path)}</code>} {p.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {onDismiss && (
        <button type="button" className="banner-close" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
