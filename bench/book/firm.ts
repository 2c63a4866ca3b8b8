/** The firms the whole-book benchmark imports. */
import { etfBook } from '../../src/batch/testing/etf-book.js';
import { buildDemoFirm } from '../../src/demo/index.js';
import type { FirmData } from '../../src/store/index.js';

export interface BenchFirm {
  data: FirmData;
  description: string;
}

/** `demo`: the demo firm (`tailor demo`); `etf`: a lean ETF book, two accounts per household. */
export type BenchFirmKind = 'demo' | 'etf';

/** A firm of about `accounts` accounts. */
export function buildBenchFirm(kind: BenchFirmKind, accounts: number, seed: number): BenchFirm {
  if (kind === 'etf')
    return {
      data: etfBook(Math.ceil(accounts / 2)),
      description: 'ETF book: two ETF-model accounts per household, four lots each',
    };
  return {
    data: buildDemoFirm({ accounts, seed }).data,
    description:
      'demo firm (tailor demo): ETF-model, direct-index, model-of-models and legacy accounts',
  };
}
