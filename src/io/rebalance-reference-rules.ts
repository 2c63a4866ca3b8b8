/** Rules that every security and model a rebalance request names is declared in it. */
import type { Rule } from './cross-check.js';
import { modelCycleProblems } from './model-cycles.js';
import { occurrences } from './occurrences.js';
import type { JsonPath, Occurrence } from './problem-helpers.js';
import { unknownReference } from './problem-helpers.js';
import { field, isRecord, listAt, textAt } from './unknown-reader.js';

/** Every security named anywhere is listed in `securities`. */
export const securitiesKnown: Rule = (request) => {
  const named: Occurrence[] = [];
  listAt(request, 'models').forEach((model, i) => {
    named.push(...occurrences(listAt(model, 'targets'), ['models', i, 'targets'], 'security'));
  });
  listAt(request, 'accounts').forEach((account, i) => {
    const settings = field(account, 'settings');
    const at = (...path: JsonPath): JsonPath => ['accounts', i, ...path];
    const substitutions = listAt(settings, 'substitutions');
    named.push(
      ...occurrences(listAt(account, 'lots'), at('lots'), 'security'),
      ...occurrences(listAt(account, 'recentTrades'), at('recentTrades'), 'security'),
      ...occurrences(listAt(settings, 'restrictions'), at('settings', 'restrictions'), 'security'),
      ...occurrences(substitutions, at('settings', 'substitutions'), 'from'),
      ...occurrences(substitutions, at('settings', 'substitutions'), 'to'),
    );
  });
  for (const table of ['exposures', 'specificVariance']) {
    const entries = field(field(request, 'riskModel'), table);
    if (isRecord(entries)) {
      for (const id of Object.keys(entries)) named.push({ id, path: ['riskModel', table, id] });
    }
  }
  const known = new Set(occurrences(listAt(request, 'securities'), [], 'id').map((o) => o.id));
  return named
    .filter(({ id }) => !known.has(id))
    .map(({ id, path }) => unknownReference('security', id, known, path, 'securities'));
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
