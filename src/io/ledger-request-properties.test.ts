import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLedgerRequest } from './index.js';
import { ledgerRequestArbitrary } from './test-support/ledger-request-arbitrary.js';
import { edited } from './test-support/fixtures.js';

describe('ledger request properties', () => {
  it('a valid request survives JSON.stringify and JSON.parse, and still validates to itself', () => {
    fc.assert(
      fc.property(ledgerRequestArbitrary, (request) => {
        const decoded: unknown = JSON.parse(JSON.stringify(request));
        expect(parseLedgerRequest(decoded)).toEqual({ ok: true, value: request });
      }),
      { numRuns: 300 },
    );
  });

  it('an impossible date or an unknown field in any transaction is reported at its path', () => {
    const withTransaction = ledgerRequestArbitrary.filter((r) => r.transactions.length > 0);
    fc.assert(
      fc.property(withTransaction, fc.nat(), (request, pick) => {
        const i = pick % request.transactions.length;
        const result = parseLedgerRequest(
          edited(
            request,
            [['transactions', i, 'date'], '2023-02-29'],
            [['transactions', i, 'memo'], 'x'],
          ),
        );
        expect(result.ok).toBe(false);
        const problems = result.ok ? [] : result.problems;
        expect(problems.map((p) => [p.path, p.code])).toEqual([
          [['transactions', i, 'date'], 'invalid_format'],
          [['transactions', i], 'unknown_field'],
        ]);
      }),
      { numRuns: 200 },
    );
  });
});
