/** Rules across a rebalance request: unique ids, references, household substitutions. */
import type { Problem } from '../domain/problem.js';
import { formatPath } from '../domain/problem.js';
import type { Rule } from './cross-check.js';
import { listDuplicates } from './occurrences.js';
import type { JsonPath } from './problem-helpers.js';
import { modelsKnown, securitiesKnown } from './rebalance-reference-rules.js';
import { field, listAt, textAt } from './unknown-reader.js';

/** Security, model and account ids are unique; so are lot ids within an account. */
const idsUnique: Rule = (request) => {
  const problems: Problem[] = [];
  for (const list of ['securities', 'models', 'accounts']) {
    problems.push(
      ...listDuplicates(listAt(request, list), [list], 'id', 'id', `ids in ${list} must be unique`),
    );
  }
  const accounts = listAt(request, 'accounts');
  for (let i = 0; i < accounts.length; i++) {
    const lots = listAt(accounts[i], 'lots');
    const advice = 'lot ids must be unique within an account';
    problems.push(...listDuplicates(lots, ['accounts', i, 'lots'], 'id', 'lot id', advice));
  }
  return problems;
};

/** A model names each security and sub-model once; an account substitutes each security once. */
const namedOnce: Rule = (request) => {
  const problems: Problem[] = [];
  const models = listAt(request, 'models');
  for (let i = 0; i < models.length; i++) {
    for (const kind of ['security', 'model'] as const) {
      const targets = listAt(models[i], 'targets');
      const advice = 'name each target of a model once';
      problems.push(...listDuplicates(targets, ['models', i, 'targets'], kind, kind, advice));
    }
  }
  const accounts = listAt(request, 'accounts');
  for (let i = 0; i < accounts.length; i++) {
    problems.push(
      ...listDuplicates(
        listAt(field(accounts[i], 'settings'), 'substitutions'),
        ['accounts', i, 'settings', 'substitutions'],
        'from',
        'security',
        'substitute each security once',
      ),
    );
  }
  return problems;
};

/** With a household model, tradable accounts that substitute a security agree on its substitute. */
const householdSubstitutionsAgree: Rule = (request) => {
  if (textAt(field(request, 'household'), 'model') === undefined) return [];
  const chosen = new Map<string, { to: string; path: JsonPath }>();
  const problems: Problem[] = [];
  listAt(request, 'accounts').forEach((account, i) => {
    if (field(account, 'tradable') === false) return;
    listAt(field(account, 'settings'), 'substitutions').forEach((substitution, j) => {
      const from = textAt(substitution, 'from');
      const to = textAt(substitution, 'to');
      if (from === undefined || to === undefined) return;
      const path = ['accounts', i, 'settings', 'substitutions', j, 'to'];
      const earlier = chosen.get(from);
      if (earlier === undefined) chosen.set(from, { to, path });
      else if (earlier.to !== to) {
        problems.push({
          path,
          code: 'substitution_conflict',
          message: `"${from}" is substituted by "${to}" here but by "${earlier.to}" at ${formatPath(earlier.path)}: with a household model every tradable account must substitute it the same way`,
        });
      }
    });
  });
  return problems;
};

/** Every cross-field rule of a rebalance request. */
export const rebalanceRequestRules: readonly Rule[] = [
  idsUnique,
  namedOnce,
  securitiesKnown,
  modelsKnown,
  householdSubstitutionsAgree,
];
