/** A run's selection in words. */

const text = (x: unknown): string => (typeof x === 'string' ? x : '');

/**
 * `all households`, `model growth`, `trigger drift`, `3 households`… The run list gives the
 * selection as stored (an open record), so each field is checked before use.
 */
export function describeSelection(s: Record<string, unknown> | null | undefined): string {
  if (!s) return '—';
  switch (s.kind) {
    case 'all':
      return 'all households';
    case 'households': {
      const ids = Array.isArray(s.households) ? s.households.map(text) : [];
      return ids.length <= 3 ? ids.join(', ') : `${ids.length} households`;
    }
    case 'model':
      return `model ${text(s.model)}`;
    case 'advisor':
      return `advisor ${text(s.advisor)}`;
    case 'trigger':
      return `trigger ${text(s.trigger)}`;
    default:
      return JSON.stringify(s);
  }
}
