/** How much of a budget is used, as a filled bar with the figures beside it. */

/** Props of {@link Meter}. */
export interface MeterProps {
  label: string;
  used: number;
  limit: number;
  format: (x: number) => string;
  testId?: string;
}

/** A horizontal meter; past 90% it turns amber, at 100% red. */
export function Meter({ label, used, limit, format, testId }: MeterProps) {
  const share = limit > 0 ? used / limit : 0;
  const tone = share >= 1 ? 'bad' : share >= 0.9 ? 'warn' : 'ok';
  return (
    <div className="meter" data-testid={testId}>
      <div className="meter-head">
        <span>{label}</span>
        <span className="meter-figures">
          {format(used)} of {format(limit)} ({limit > 0 ? `${(share * 100).toFixed(1)}%` : '—'})
        </span>
      </div>
      <div
        className="meter-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={used}
      >
        <div
          className={`meter-fill meter-${tone}`}
          style={{ width: `${Math.min(share, 1) * 100}%` }}
        />
      </div>
    </div>
  );
}
