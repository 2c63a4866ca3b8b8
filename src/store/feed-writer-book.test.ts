import { describe, expect, it } from 'vitest';
import { writeFeed, type FeedWriteData } from './feed-writer.js';
import { writeFirm } from './firm-writer.js';
import { openStore } from './open-store.js';
import { tinyFirm } from './testing/tiny-firm.js';

describe('a feed over a big book', () => {
  it('compares more stored lots than a call takes arguments (a whole book re-imported)', async () => {
    // 130,000 lots of one account: past what `stored.push(...batch)` took before it threw.
    const store = await openStore({ home: 'memory' });
    try {
      await writeFirm(store.db, tinyFirm(), 'loader');
      const lots: NonNullable<FeedWriteData['lots']> = [];
      for (let k = 0; k < 130_000; k++)
        lots.push({
          accountId: 'H1-TAX',
          id: `B${k}`,
          securityId: 'BND',
          quantity: '1',
          costBasis: '70',
          acquired: '2024-02-01',
        });
      const opts = { actor: 'ops', source: 'feeds/big' };
      const first = await writeFeed(store.db, { lots }, opts);
      expect(first.lots).toMatchObject({ added: 130_000 });
      const again = await writeFeed(store.db, { lots }, opts);
      expect(again.lots).toMatchObject({ added: 0, updated: 0, unchanged: 130_000 });
    } finally {
      await store.close();
    }
  }, 120_000);
});
