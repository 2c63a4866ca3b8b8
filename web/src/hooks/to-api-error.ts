/** Any thrown value as an {@link ApiError}, so error banners have one shape to show. */
import { ApiError } from '../api/api-error';

/** `e` itself if it is an ApiError; otherwise an ApiError carrying its message. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError(0, 'client', message);
}
