/** Matching a path against patterns like `/households/:id`. */

/** Path parameters by name, URI-decoded. */
export type Params = Record<string, string>;

/** The parameters of `path` under `pattern`, or null if it does not match. */
export function matchPath(pattern: string, path: string): Params | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.replace(/\/+$/, '').split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) return null;
  }
  return params;
}

/** Builds a path from a pattern's parts: `href('/accounts', id)` → `/accounts/a%2F1`. */
export function href(base: string, ...ids: string[]): string {
  return [base, ...ids.map(encodeURIComponent)].join('/');
}
