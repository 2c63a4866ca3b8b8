/** What a URL that is not a page, or a page the role may not use, shows. */
import { Link } from '../router/link';

/** Props of {@link NotFoundPage}. */
export interface NotFoundPageProps {
  reason: 'missing' | 'forbidden';
}

/** A short explanation and a way back. */
export function NotFoundPage({ reason }: NotFoundPageProps) {
  return (
    <div className="empty-page" data-testid="not-found">
      <h1>{reason === 'forbidden' ? 'Not available for your role' : 'Page not found'}</h1>
      <p>
        {reason === 'forbidden'
          ? 'Your role does not give access to this page.'
          : 'There is no page at this address.'}
      </p>
      <Link to="/">Go to the start page</Link>
    </div>
  );
}
