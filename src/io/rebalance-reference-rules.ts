/** Rules that every security and model a rebalance request names is declared in it. */
import type { Problem } from '../domain/problem.js';
import type { Rule } from './cross-check.js';
import { modelCycleProblems } from './model-cycles.js';
import { idsOf, occurrences } from './occurrences.js';
import type { JsonPath, Occurrence } from './problem-helpers.js';
import { unknownReference } from './problem-helpers.js';
import { field, isRecord, listAt, textAt } from './unknown-reader.js';

/** Every security named anywhere is listed in `securities`. */
export const securitiesKnown: Rule = (request) => {
  const known = new Set(idsOf(listAt(request, 'securities'), 'id'));
  const problems: Problem[] = [];
  const models = listAt(request, 'models');
  for (let i = 0; i < models.length; i++) {
    check(known, problems, listAt(models[i], 'targets'), ['models', i, 'targets'], 'security');
  }
  const accounts = listAt(request, 'accounts');
  for (let i = 0; i < accounts.length; i++) {
    const account = accounts[i];
    const settings = field(account, 'settings');
    const substitutions = listAt(settings, 'substitutions');
    check(known, problems, listAt(account, 'lots'), ['accounts', i, 'lots'], 'security');
    check(
      known,
      problems,
      listAt(account, 'recentTrades'),
      ['accounts', i, 'recentTrades'],
      'security',
    );
    check(
      known,
      problems,
      listAt(settings, 'restrictions'),
      ['accounts', i, 'settings', 'restrictions'],
      'security',
    );
    check(known, problems, substitutions, ['accounts', i, 'settings', 'substitutions'], 'from');
    check(known, problems, substitutions, ['accounts', i, 'settings', 'substitutions'], 'to');
  }
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

// Checked where each name is read, in document order; a path is built only for a problem.
function check(
  known: ReadonlySet<string>,
  problems: Problem[],
  list: readonly unknown[],
  at: JsonPath,
  key: string,
): void {
  for (let i = 0; i < list.length; i++) {
    const id = textAt(list[i], key);
    if (id !== undefined && !known.has(id)) {
      problems.push(unknownReference('security', id, known, [...at, i, key], 'securities'));
    }
  }
}

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
  const known = new Set(idsOf(models, 'id'));
  const unknown = named
    .filter(({ id }) => !known.has(id))
    .map(({ id, path }) => unknownReference('model', id, known, path, 'models'));
  return [...unknown, ...modelCycleProblems(request)];
};
