import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnownIds } from './feed-data.js';
import { formatFeedProblem, formatFeedSkip } from './feed-problem.js';
import { readFeedDirectory } from './read-feed-dir.js';
import { validateFeed, type FeedFile } from './validate-feed.js';

const none: KnownIds = {
  securities: new Set(),
  models: new Set(),
  households: new Set(),
  accounts: new Set(),
};
const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
const report = (files: FeedFile[], known = none) => {
  const v = validateFeed(files, known);
  return { v, problems: v.problems.map(formatFeedProblem), skipped: v.skipped.map(formatFeedSkip) };
};

describe('validateFeed', () => {
  it('accepts the example feed whole, decimals kept as text', async () => {
    const { v, problems } = report(await readFeedDirectory(join(examples, 'feed')));
    expect(problems).toEqual([]);
    expect(v.data.accounts).toHaveLength(5);
    expect(v.data.models.map((m) => [m.id, m.targets.length])).toEqual([
      ['us-core', 2],
      ['global', 2],
    ]);
    expect(v.data.lots.find((l) => l.accountId === 'H3-TAX')?.costBasis).toBe('2950.25');
    expect(v.data.settings[0]?.note).toBe(
      'client call 2026-11-18:\nharvest losses, hold ITOT for VTI',
    );
  });

  it('reports examples/feed-bad exactly as docs/import.md shows it', async () => {
    const { problems, skipped } = report(await readFeedDirectory(join(examples, 'feed-bad')));
    expect(problems).toEqual([
      'prices.csv:3: close: expected a decimal number greater than 0 written like 1234.56 (digits and an optional point; no thousands separators, currency signs or exponents), found "1,234.50"',
      'prices.csv:4: security_id: unknown security "VTX": it is neither in securities.csv nor in the store; correct the id or add it to securities.csv (did you mean "VTI"?)',
      'models.csv:3: weight: the weights of model "us-core" (lines 2, 3) sum to 1.05: they must sum to at most 1 (the remainder is cash); lower a weight',
      'households.csv:3: short_term_rate: expected a decimal fraction from 0 to 1 (0.05 is 5%), found "32"',
      'households.csv:5: id: duplicate household id "H3": line 4 already has it; keep one of the two rows',
      'accounts.csv:6: tax_status: expected one of "taxable", "deferred", "exempt", found "taxble" (did you mean "taxable"?)',
      'lots.csv:5: quantity: expected a decimal number greater than 0, found "-5"',
      'lots.csv:5: acquired: expected a real calendar date, found "2026-02-30" (no such day)',
      'transactions.csv:3: type: expected one of "buy", "sell", "deposit", "withdrawal", "dividend", "fee", found "purchase"',
      'transactions.csv:4: amount: a buy takes cash out: expected an amount at most 0 (negative), found "720.00"',
      'settings.csv:2: settings: cash.min: expected a fraction from 0 to 1 (0.05 is 5%), found 1.5',
      'settings.csv:2: settings: tax: unknown field "harvestLoss" (did you mean "harvestLosses"?)',
      'settings.csv:4: account_id: unknown account "H9-TAX": it is neither in accounts.csv nor in the store; correct the id or add it to accounts.csv (did you mean "H1-TAX"?)',
      'lot.csv:1: not a feed file (did you mean "lots.csv"?): the feed files are securities.csv, prices.csv, models.csv, households.csv, accounts.csv, lots.csv, transactions.csv, settings.csv',
    ]);
    expect(skipped).toEqual([
      'models.csv:2: skipped: depends on skipped models.csv line 3 (a model is written as a whole)',
      'models.csv:4: skipped: depends on skipped models.csv line 3',
      'models.csv:5: skipped: depends on skipped models.csv line 4 (a model is written as a whole)',
      'accounts.csv:2: skipped: depends on skipped models.csv line 4',
      'accounts.csv:4: skipped: depends on skipped models.csv line 3',
      'accounts.csv:5: skipped: depends on skipped households.csv line 3',
      'lots.csv:2: skipped: depends on skipped accounts.csv line 2',
      'lots.csv:3: skipped: depends on skipped accounts.csv line 2',
      'lots.csv:4: skipped: depends on skipped accounts.csv line 5',
      'lots.csv:6: skipped: depends on skipped accounts.csv line 6',
      'transactions.csv:2: skipped: depends on skipped accounts.csv line 2',
      'transactions.csv:5: skipped: depends on skipped accounts.csv line 6',
      'settings.csv:3: skipped: depends on skipped accounts.csv line 4',
    ]);
  });

  it('resolves references against the store as well as the feed', () => {
    const lots =
      'account_id,lot_id,security_id,quantity,cost_basis,acquired\nA1,L1,VTI,1,10,2024-01-02\n';
    const known = { ...none, accounts: new Set(['A1']), securities: new Set(['VTI']) };
    expect(report([{ name: 'lots.csv', text: lots }], known).problems).toEqual([]);
    expect(report([{ name: 'lots.csv', text: lots }]).problems).toEqual([
      'lots.csv:2: account_id: unknown account "A1": it is neither in accounts.csv nor in the store; correct the id or add it to accounts.csv',
      'lots.csv:2: security_id: unknown security "VTI": it is neither in securities.csv nor in the store; correct the id or add it to securities.csv',
    ]);
  });

  it('reports header problems once, at line 1, and leaves the whole file out', () => {
    const text = 'security_id,dat,close\nVTI,2026-11-20,1\n';
    const { v, problems } = report([{ name: 'prices.csv', text }], {
      ...none,
      securities: new Set(['VTI']),
    });
    expect(problems).toEqual([
      'prices.csv:1: dat: unknown column "dat" (did you mean "date"?); the columns of prices.csv are security_id, date, close',
      'prices.csv:1: date: missing required column: add "date" to the header',
    ]);
    expect(v.data.prices).toEqual([]);
  });

  it('reports a ragged row, a bad decimal and a missing required cell on the right line', () => {
    const text =
      'id,household_id,name,tax_status,tradable,model_id,cash\n' +
      'A1,H1,"two\nlines",taxable,true,,1e3\n' +
      'A2,H1,x,taxable\n' +
      'A3,,x,exempt,maybe,,5\n';
    const { problems } = report([{ name: 'accounts.csv', text }], {
      ...none,
      households: new Set(['H1']),
    });
    expect(problems).toEqual([
      'accounts.csv:2: cash: expected a decimal number written like 1234.56 (digits and an optional point; no thousands separators, currency signs or exponents), found "1e3"',
      'accounts.csv:4: the row has 4 cells but the header has 7 columns: add the missing cells (an optional cell may be empty)',
      'accounts.csv:4: cash: required, but the cell is empty: fill it in',
      'accounts.csv:5: household_id: required, but the cell is empty: fill it in',
      'accounts.csv:5: tradable: expected true or false, found "maybe"',
    ]);
  });

  it('finds model cycles and repeated targets', () => {
    const text =
      'model_id,target,weight\na,model:b,0.5\nb,model:a,0.5\nc,security:X,0.1\nc,security:X,0.2\n';
    const { problems } = report([{ name: 'models.csv', text }], {
      ...none,
      securities: new Set(['X']),
    });
    expect(problems).toEqual([
      'models.csv:3: target: model cycle a → b → a: a model may not contain itself',
      'models.csv:5: target: duplicate model target (model_id, target) "c, security:X": line 4 already has it; keep one of the two rows',
    ]);
  });

  it("skips an account's other lots when one of them is bad (its lot list is replaced whole)", () => {
    const text =
      'account_id,lot_id,security_id,quantity,cost_basis,acquired\nA1,L1,VTI,1,10,2024-01-02\nA1,L2,VTI,0,10,2024-01-02\nA2,L1,VTI,1,10,2024-01-02\n';
    const known = { ...none, accounts: new Set(['A1', 'A2']), securities: new Set(['VTI']) };
    const { v, skipped } = report([{ name: 'lots.csv', text }], known);
    expect(skipped).toEqual([
      "lots.csv:2: skipped: depends on skipped lots.csv line 3 (an account's lots are replaced as a whole)",
    ]);
    expect(v.data.lots.map((l) => l.accountId)).toEqual(['A2']);
  });

  it('reads the optional realized_loss of a sell (≤ 0) and refuses a positive one or one on a buy', () => {
    const text =
      'account_id,date,type,security_id,quantity,price,amount,realized_gain,realized_loss\n' +
      'A1,2026-11-05,sell,VTI,30,300.00,9000.00,1515.00,-495.00\n' +
      'A1,2026-11-06,sell,VTI,1,300.00,300.00,10.00,\n' +
      'A1,2026-11-06,sell,VTI,1,300.00,300.00,10.00,0\n' +
      'A1,2026-11-07,sell,VTI,1,300.00,300.00,10.00,40.00\n' +
      'A1,2026-11-08,buy,VTI,1,300.00,-300.00,,-1.00\n';
    const known = { ...none, accounts: new Set(['A1']), securities: new Set(['VTI']) };
    const { v, problems } = report([{ name: 'transactions.csv', text }], known);
    expect(problems).toEqual([
      'transactions.csv:5: realized_loss: expected a decimal number at most 0 (a loss), found "40.00"',
      'transactions.csv:6: realized_loss: only a sell has a realized loss: leave it empty',
    ]);
    expect(v.data.transactions.map((t) => [t.realizedGain, t.realizedLoss])).toEqual([
      ['1515.00', '-495.00'],
      ['10.00', null],
      ['10.00', '0'],
    ]);
  });
});
