/** A block that measures its width and hands it to the chart drawn inside. */
import type { ReactNode } from 'react';
import { useWidth } from './use-width';

/** Props of {@link ChartFrame}. */
export interface ChartFrameProps {
  /** Draws the chart at `width` pixels. */
  children: (width: number) => ReactNode;
  testId?: string;
}

/** Renders the chart once the width is known. */
export function ChartFrame({ children, testId }: ChartFrameProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  return (
    <div ref={ref} className="chart-frame" data-testid={testId}>
      {width > 0 && children(width)}
    </div>
  );
}
