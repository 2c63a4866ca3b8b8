/** A headline figure of the book overview. */
import type { ReactNode } from 'react';

/** Props of {@link KpiCard}. */
export interface KpiCardProps {
  label: string;
  value: string;
  /** A line under the value giving context ("of 312 accounts"). */
  detail?: ReactNode;
  tone?: 'neutral' | 'good' | 'warn' | 'bad';
  testId?: string;
}

/** A label, a large value and a detail line. */
export function KpiCard({ label, value, detail, tone = 'neutral', testId }: KpiCardProps) {
  return (
    <div className={`kpi kpi-${tone}`} data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {detail && <div className="kpi-detail">{detail}</div>}
    </div>
  );
}
