import { describe, expect, it } from 'vitest';
import { emptyTally, type RunReport } from '../../batch/index.js';
import { runReportText } from './run-report.js';

const report = (over: Partial<RunReport>): RunReport => ({
  runId: 'r1',
  asOf: '2021-04-21',
  status: 'done',
  householdsSelected: 3,
  proposalsWritten: 3,
  proposed: 2,
  noTrade: 0,
  gated: 1,
  errors: 0,
  trades: 14,
  elapsedMs: 1500,
  householdsPerSecond: 2,
  accountsRebalanced: 4,
  engineMs: 900,
  book: {
    ...emptyTally(),
    accounts: 4,
    accountsTraded: 3,
    buysUsd: 120_000.4,
    sellsUsd: 98_000,
    realizedGainsUsd: -2_500,
    estimatedTaxUsd: -600,
    meanMaxDriftBefore: 0.051,
    meanMaxDriftAfter: 0.004,
  },
  ...over,
});

describe('run report text', () => {
  it('gives the counts, the book figures and where to look next', () => {
    const text = runReportText(report({}));
    expect(text).toContain('with trades         2  (14 trades)');
    expect(text).toContain('buy $120,000, sell $98,000');
    expect(text).toContain('realized gains        -$2,500  (estimated tax -$600)');
    expect(text).toContain('mean largest drift    5.10% -> 0.40%');
    expect(text).toContain('gated: tailor proposals --run r1 --status gated');
    expect(text).not.toContain('--status error');
    expect(text).toContain('next: review with tailor proposals --run r1');
  });

  it('leaves out the book figures when no account was rebalanced', () => {
    const text = runReportText(report({ proposed: 0, gated: 0, book: emptyTally() }));
    expect(text).not.toContain('mean largest drift');
    expect(text).not.toContain('next:');
  });
});
