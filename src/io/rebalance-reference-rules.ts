/** Rules that every security and model a rebalance request names is declared in it. */
import type { Problem } from '../domain/problem.js';
import type { Rule } from './cross-check.js';
import { modelCycleProblems } from './model-cycles.js';
import { occurrences } from './occurrences.js';
import type { JsonPath, Occurrence } from './problem-helpers.js';
import { unknownReference } from './problem-helpers.js';
import { field, isRecord, listAt, textAt } from './unknown-reader.js';

/** Every security named anywhere is listed in `securities`. */
export const securitiesKnown: Rule = (request) => {
  const known = new Set(occurrences(listAt(request, 'securities'), [], 'id').map((o) => o.id));
  const problems: Problem[] = [];
  // Checked where each name is read, in document order; a path is built only for a problem.
  const check = (list: readonly unknown[], at: JsonPath, key: string): void => {
    for (let i = 0; i < list.length; i++) {
      const id = textAt(list[i], key);
      if (id !== undefined && !known.has(id)) {
        problems.push(unknownReference('security', id, known, [...at, i, key], 'securities'));
      }
    }
  };
  listAt(request, 'models').forEach((model, i) => {
    check(listAt(model, 'targets'), ['models', i, 'targets'], 'security');
  });
  listAt(request, 'accounts').forEach((account, i) => {
    const settings = field(account, 'settings');
    const substitutions = listAt(settings, 'substitutions');
    check(listAt(account, 'lots'), ['accounts', i, 'lots'], 'security');
    check(listAt(account, 'recentTrades'), ['accounts', i, 'recentTrades'], 'security');
    check(
      listAt(settings, 'restrictions'),
      ['accounts', i, 'settings', 'restrictions'],
      'security',
    );
    check(substitutions, ['accounts', i, 'settings', 'substitutions'], 'from');
    check(substitutions, ['accounts', i, 'settings', 'substitutions'], 'to');
  });
  for (const table of ['exposures', 'specificVariance']) {
    const entries = field(field(request, 'riskModel'), table);
    if (isRecord(entries)) {
      for (const id of Object.keys(entries)) {
        if (!known.has(id)) {
          problems.push(
            unknownReference('security', id, known, ['riskModel', table, id], 'securities'),
          );
        }
      }
    }
  }
  return problems;
};

/** Every model named (sub-models, accounts, household) is listed in `models`, without cycles. */
export const modelsKnown: Rule = (request) => {
  const models = listAt(request, 'models');
  const named: Occurrence[] = models.flatMap((model, i) =>
    occurrences(listAt(model, 'targets'), ['models', i, 'targets'], 'model'),
  );
  named.push(...occurrences(listAt(request, 'accounts'), ['accounts'], 'model'));
  const householdModel = textAt(field(request, 'household'), 'model');
  if (householdModel !== undefined)
    named.push({ id: householdModel, path: ['household', 'model'] });
  const known = new Set(occurrences(models, [], 'id').map((o) => o.id));
  const unknown = named
    .filter(({ id }) => !known.has(id))
    .map(({ id, path }) => unknownReference('model', id, known, path, 'models'));
  return [...unknown, ...modelCycleProblems(request)];
};
