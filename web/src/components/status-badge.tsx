/** A coloured label for a lifecycle status (proposal, order, run, request). */

const TONES: Record<string, string> = {
  proposed: 'info',
  pending: 'info',
  running: 'info',
  open: 'info',
  approved: 'good',
  done: 'good',
  filled: 'good',
  ordered: 'good',
  noTrade: 'muted',
  cancelled: 'muted',
  active: 'good',
  disabled: 'muted',
  rejected: 'warn',
  gated: 'warn',
  relaxed: 'warn',
  error: 'bad',
  failed: 'bad',
};

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  status: string;
}

/** The status in a pill coloured by what it means. */
export function StatusBadge({ status }: StatusBadgeProps) {
  return <span className={`badge badge-${TONES[status] ?? 'muted'}`}>{status}</span>;
}
