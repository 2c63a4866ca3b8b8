/** Rules across a ledger request: references, unique ids, and SPECID lots. */
import type { Problem } from '../domain/problem.js';
import type { Rule } from './cross-check.js';
import { ReliefMethodSchema } from './enums.js';
import { listDuplicates, occurrences } from './occurrences.js';
import type { Occurrence } from './problem-helpers.js';
import { duplicateProblems, unknownReference } from './problem-helpers.js';
import { field, listAt, textAt } from './unknown-reader.js';

/** Account ids are unique; every account a transaction or opening lot names is listed. */
const accountsKnown: Rule = (request) => {
  const ids = occurrences(listAt(request, 'accounts'), ['accounts'], 'id');
  const known = new Set(ids.map((o) => o.id));
  const problems = duplicateProblems(ids, 'account id', 'account ids must be unique');
  for (const key of ['transactions', 'openingLots']) {
    listAt(request, key).forEach((item, i) => {
      const account = textAt(item, 'account');
      if (account !== undefined && !known.has(account)) {
        problems.push(unknownReference('account', account, known, [key, i, 'account'], 'accounts'));
      }
    });
  }
  return problems;
};

/** Lot ids, of opening lots and of buys, are unique within an account. */
const lotIdsUnique: Rule = (request) => {
  const byAccount = new Map<string, Occurrence[]>();
  const note = (item: unknown, path: (string | number)[]) => {
    const account = textAt(item, 'account');
    const lot = textAt(item, 'lot');
    if (account === undefined || lot === undefined) return;
    const lots = byAccount.get(account) ?? [];
    lots.push({ id: lot, path });
    byAccount.set(account, lots);
  };
  listAt(request, 'openingLots').forEach((lot, i) => note(lot, ['openingLots', i, 'lot']));
  listAt(request, 'transactions').forEach((t, i) => {
    if (textAt(t, 'side') === 'buy') note(t, ['transactions', i, 'lot']);
  });
  return [...byAccount].flatMap(([account, lots]) =>
    duplicateProblems(lots, 'lot id', `lot ids must be unique within account "${account}"`),
  );
};

/**
 * A SPECID sell names its lots. A sell under another method may name them too: specific
 * identification then overrides the method for that sale (the spec's own §3 example does this).
 */
const specificLots: Rule = (request) => {
  const method = ReliefMethodSchema.safeParse(field(request, 'method')).data;
  if (method === undefined) return [];
  const problems: Problem[] = [];
  listAt(request, 'transactions').forEach((t, i) => {
    if (textAt(t, 'side') !== 'sell') return;
    const hasLots = field(t, 'lots') !== undefined;
    if (method === 'SPECID' && !hasLots) {
      problems.push({
        path: ['transactions', i],
        code: 'lots_required',
        message:
          'a sell under method SPECID must name the lots it relieves: add "lots": [{ "lot": …, "quantity": … }]',
      });
    }
  });
  return problems;
};

/** A SPECID sell names each of its lots once. */
const picksUnique: Rule = (request) =>
  listAt(request, 'transactions').flatMap((t, i) =>
    listDuplicates(
      listAt(t, 'lots'),
      ['transactions', i, 'lots'],
      'lot',
      'lot',
      'name each lot once',
    ),
  );

/** A security belongs to at most one wash group, once. */
const washGroupsDisjoint: Rule = (request) =>
  duplicateProblems(
    listAt(request, 'washGroups').flatMap((group, i) =>
      (Array.isArray(group) ? group : []).flatMap((security: unknown, j) =>
        typeof security === 'string' ? [{ id: security, path: ['washGroups', i, j] }] : [],
      ),
    ),
    'security',
    'a security belongs to at most one wash group, once',
  );

/** Every cross-field rule of a ledger request. */
export const ledgerRequestRules: readonly Rule[] = [
  accountsKnown,
  lotIdsUnique,
  specificLots,
  picksUnique,
  washGroupsDisjoint,
];
