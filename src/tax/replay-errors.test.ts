/** Bad histories: each is one clear problem naming the transaction and the rule; nothing returned. */
import { describe, expect, it } from 'vitest';
import { replayLedger } from './replay.js';
import { buy, household, sell } from './test-support/history.js';

const T = { A: 'taxable' } as const;

describe('replayLedger rejects', () => {
  it('selling more than is held (no short sales), naming the transaction', () => {
    const outcome = replayLedger(
      household(T, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'L1'),
        sell('2024-02-01', 'A', 'X', 11, 10),
      ]),
    );
    expect(outcome).toEqual({
      status: 'error',
      problems: [
        expect.objectContaining({
          path: ['transactions', 1, 'quantity'],
          code: 'sellExceedsHolding',
        }),
      ],
    });
    if (outcome.status === 'error')
      expect(outcome.problems[0]!.message).toMatch(/holds 10 on 2024-02-01.*short sales/);
  });

  it('a sell before any buy', () => {
    const outcome = replayLedger(
      household(T, [
        sell('2024-01-01', 'A', 'X', 1, 10),
        buy('2024-01-02', 'A', 'X', 10, 10, 'L1'),
      ]),
    );
    expect(outcome).toMatchObject({
      status: 'error',
      problems: [{ path: ['transactions', 0, 'security'], code: 'sellBeforeBuy' }],
    });
  });

  it('an unknown account, listing the known ones', () => {
    const outcome = replayLedger(household(T, [buy('2024-01-02', 'B', 'X', 10, 10, 'L1')]));
    expect(outcome).toMatchObject({
      status: 'error',
      problems: [{ path: ['transactions', 0, 'account'], code: 'unknownAccount' }],
    });
    if (outcome.status === 'error') expect(outcome.problems[0]!.message).toContain('known: A');
  });

  it('an unknown lot in SPECID, and named lots that do not sum to the sale', () => {
    const unknown = replayLedger(
      household(
        T,
        [
          buy('2024-01-02', 'A', 'X', 10, 10, 'L1'),
          sell('2024-02-01', 'A', 'X', 5, 10, { lots: [{ lot: 'L9', quantity: 5 }] }),
        ],
        { method: 'SPECID' },
      ),
    );
    expect(unknown).toMatchObject({
      status: 'error',
      problems: [{ path: ['transactions', 1, 'lots', 0, 'lot'], code: 'unknownLot' }],
    });
    const mismatch = replayLedger(
      household(
        T,
        [
          buy('2024-01-02', 'A', 'X', 10, 10, 'L1'),
          sell('2024-02-01', 'A', 'X', 5, 10, { lots: [{ lot: 'L1', quantity: 4 }] }),
        ],
        { method: 'SPECID' },
      ),
    );
    expect(mismatch).toMatchObject({
      status: 'error',
      problems: [{ path: ['transactions', 1, 'lots'], code: 'specIdMismatch' }],
    });
    const tooMany = replayLedger(
      household(
        T,
        [
          buy('2024-01-02', 'A', 'X', 10, 10, 'L1'),
          buy('2024-01-02', 'A', 'X', 10, 10, 'L2'),
          sell('2024-02-01', 'A', 'X', 11, 10, { lots: [{ lot: 'L1', quantity: 11 }] }),
        ],
        { method: 'SPECID' },
      ),
    );
    expect(tooMany).toMatchObject({ status: 'error', problems: [{ code: 'lotTooSmall' }] });
  });

  it('a SPECID sell without lots, and lots on a buy', () => {
    const missing = replayLedger(
      household(
        T,
        [buy('2024-01-02', 'A', 'X', 10, 10, 'L1'), sell('2024-02-01', 'A', 'X', 5, 10)],
        { method: 'SPECID' },
      ),
    );
    expect(missing).toMatchObject({
      status: 'error',
      problems: [{ path: ['transactions', 1, 'lots'], code: 'specIdNeedsLots' }],
    });
    const onBuy = replayLedger(
      household(T, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'L1', { lots: [{ lot: 'L1', quantity: 1 }] }),
      ]),
    );
    expect(onBuy).toMatchObject({
      status: 'error',
      problems: [{ path: ['transactions', 0, 'lots'], code: 'lotsNotAllowed' }],
    });
  });

  it('a sell that names its lots relieves them under any method (specific identification)', () => {
    const outcome = replayLedger(
      household(T, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'L1'),
        buy('2024-01-03', 'A', 'X', 10, 20, 'L2'),
        sell('2024-02-01', 'A', 'X', 5, 15, { lots: [{ lot: 'L2', quantity: 5 }] }),
      ]),
    );
    expect(outcome).toMatchObject({
      status: 'ok',
      response: { realized: [{ lot: 'L2', gain: -25 }] },
    });
  });

  it('duplicate lot ids within an account, from buys and from opening lots', () => {
    const buys = replayLedger(
      household(T, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'L1'),
        buy('2024-01-03', 'A', 'Y', 10, 10, 'L1'),
      ]),
    );
    expect(buys).toMatchObject({
      status: 'error',
      problems: [{ path: ['transactions', 1, 'lot'], code: 'duplicateLot' }],
    });
    const opening = replayLedger(
      household(T, [], {
        openingLots: [
          {
            account: 'A',
            security: 'X',
            lot: 'O1',
            quantity: 1,
            costBasis: 1,
            acquired: '2020-01-01',
          },
          {
            account: 'A',
            security: 'Y',
            lot: 'O1',
            quantity: 1,
            costBasis: 1,
            acquired: '2020-01-01',
          },
        ],
      }),
    );
    expect(opening).toMatchObject({
      status: 'error',
      problems: [{ path: ['openingLots', 1, 'lot'], code: 'duplicateLot' }],
    });
  });

  it('the same lot id in two accounts is fine', () => {
    const outcome = replayLedger(
      household({ A: 'taxable', B: 'taxable' }, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'L1'),
        buy('2024-01-03', 'B', 'X', 10, 10, 'L1'),
      ]),
    );
    expect(outcome.status).toBe('ok');
  });

  it('duplicate account ids', () => {
    const outcome = replayLedger({
      method: 'FIFO',
      accounts: [
        { id: 'A', taxStatus: 'taxable' },
        { id: 'A', taxStatus: 'deferred' },
      ],
      transactions: [],
    });
    expect(outcome).toMatchObject({
      status: 'error',
      problems: [{ path: ['accounts', 1, 'id'], code: 'duplicateAccount' }],
    });
  });

  it('a spin-off into the same security', () => {
    const outcome = replayLedger(
      household(T, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'L1'),
        {
          date: '2024-02-01',
          security: 'X',
          spinoff: { security: 'X', ratio: 1, basisFraction: 0.5 },
        },
      ]),
    );
    expect(outcome).toMatchObject({
      status: 'error',
      problems: [{ path: ['transactions', 1, 'spinoff', 'security'] }],
    });
  });

  it('applies transactions in date order, so a later-listed earlier buy is fine', () => {
    const outcome = replayLedger(
      household(T, [
        sell('2024-02-01', 'A', 'X', 5, 10),
        buy('2024-01-02', 'A', 'X', 10, 10, 'L1'),
      ]),
    );
    expect(outcome.status).toBe('ok');
  });
});
