import { describe, expect, it } from 'vitest';
import { renderProgress } from './progress-bar.js';

describe('renderProgress', () => {
  it('shows the share done, the rate and the time left', () => {
    const line = renderProgress(500, 1000, 10_000, 'households', '3 gated');
    expect(line).toBe(
      '[████████████░░░░░░░░░░░░]   500/1,000 households  50/s  eta 10s  (3 gated)',
    );
  });
  it('starts empty without dividing by zero', () => {
    expect(renderProgress(0, 10, 0, 'households')).toBe(
      '[░░░░░░░░░░░░░░░░░░░░░░░░]  0/10 households  0.0/s  eta 0s',
    );
  });
});
