/**
 * A very small history-API router: the location is an external store that React reads with
 * `useSyncExternalStore`, so every page has a real URL and deep links work (the server answers
 * index.html for unknown paths).
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

window.addEventListener('popstate', emit);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = (): string => window.location.pathname + window.location.search;

/** Goes to `to` (a path with an optional query); `replace` keeps the history length. */
export function navigate(to: string, replace = false): void {
  if (to === snapshot()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  emit();
}

/** The current location, split into path and query. */
export interface Location {
  path: string;
  query: URLSearchParams;
}

/** The current location; re-renders on every navigation. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, query: url.searchParams };
}

/** Replaces the query string (filters live in the URL so a filtered view can be shared). */
export function setQuery(values: Record<string, string | undefined>): void {
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === '') url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  navigate(url.pathname + url.search, true);
}
