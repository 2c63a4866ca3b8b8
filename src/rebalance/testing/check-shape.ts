/**
 * Shape (spec §2, Definitions: Status): one proposal per request account in the same order,
 * `asOf` echoed, status consistent with trades, relaxations and error; held-away accounts untouched;
 * the response passes the interchange schema.
 */
import { formatPath } from '../../domain/index.js';
import { parseRebalanceResponse } from '../../io/index.js';
import type { Check } from './check-context.js';
import { Findings } from './violation.js';

/** Checks the response's shape and every status. */
export const checkShape: Check = ({ facts, response, pairs }) => {
  const f = new Findings();
  const parsed = parseRebalanceResponse(response);
  if (!parsed.ok) {
    for (const problem of parsed.problems) {
      f.add('', 'shape.schema', `${formatPath(problem.path)}: ${problem.message}`);
    }
  }
  f.expect(response.asOf === facts.request.asOf, '', 'shape.asOf', () => {
    return `asOf ${response.asOf} is not the request's ${facts.request.asOf}`;
  });
  const expected = facts.accounts.map((a) => a.id);
  const actual = response.accounts.map((a) => a.id);
  f.expect(expected.join('\u0000') === actual.join('\u0000'), '', 'shape.accounts', () => {
    return `accounts [${actual.join(', ')}] are not the request's [${expected.join(', ')}] in order`;
  });
  for (const { facts: account, proposal } of pairs) {
    const id = account.id;
    const { status, trades, summary, error } = proposal;
    const relaxed = summary.relaxed.length;
    f.expect((status === 'error') === (error !== null), id, 'shape.error', () => {
      return `status ${status} with error ${JSON.stringify(error)}`;
    });
    if (status === 'noTrade' || status === 'ok') {
      f.expect(relaxed === 0, id, 'shape.status', () => `status ${status} lists relaxations`);
    }
    if (status === 'noTrade') {
      f.expect(trades.length === 0, id, 'shape.status', () => 'status noTrade has trades');
    }
    if (status === 'ok') {
      f.expect(trades.length > 0, id, 'shape.status', () => 'status ok has no trades');
    }
    if (status !== 'error') {
      f.expect(status === 'relaxed' || relaxed === 0, id, 'shape.status', () => {
        return `relaxations listed but status is ${status}`;
      });
      f.expect(status !== 'relaxed' || relaxed > 0, id, 'shape.status', () => {
        return 'status relaxed lists no relaxation';
      });
      f.expect(status === 'noTrade' || relaxed > 0 || trades.length > 0, id, 'shape.status', () => {
        return `status ${status} with no trades and nothing relaxed (expected noTrade)`;
      });
    }
    if (!account.tradable) {
      f.expect(
        status === 'noTrade' && trades.length === 0 && relaxed === 0 && error === null,
        id,
        'shape.heldAway',
        () => `held-away account: status ${status}, ${trades.length} trades, ${relaxed} relaxed`,
      );
    }
  }
  return f.list;
};
