/**
 * Checks on models as wholes: the weights of a model sum to at most 1 (exactly, as decimals), its
 * rows agree on its name, and no model contains itself through sub-models.
 */
import { compareDecimals, sumDecimals } from './decimal-text.js';
import type { ModelRow } from './model-table.js';
import type { TableRow } from './read-table.js';

/** Adds the problems of whole models to their rows in `models.csv`. */
export function checkModels(rows: readonly TableRow<ModelRow>[]): void {
  const byModel = new Map<string, TableRow<ModelRow>[]>();
  for (const row of rows) {
    if (row.value === undefined) continue;
    const list = byModel.get(row.value.modelId) ?? [];
    list.push(row);
    byModel.set(row.value.modelId, list);
  }
  for (const [id, list] of byModel) {
    const sum = sumDecimals(list.map((r) => r.value!.weight));
    if (compareDecimals(sum, '1') > 0) {
      list[list.length - 1]!.reader.problem(
        'weight',
        `the weights of model "${id}" (lines ${list.map((r) => r.line).join(', ')}) sum to ${sum}: ` +
          'they must sum to at most 1 (the remainder is cash); lower a weight',
      );
    }
    const named = list.filter((r) => r.value!.name !== '');
    for (const row of named.slice(1)) {
      if (row.value!.name !== named[0]!.value!.name)
        row.reader.problem(
          'name',
          `model "${id}" is named "${named[0]!.value!.name}" on line ${named[0]!.line}: give every row of a model the same name, or leave it empty`,
        );
    }
  }
  checkCycles(byModel);
}

function checkCycles(byModel: ReadonlyMap<string, TableRow<ModelRow>[]>): void {
  const state = new Map<string, 'open' | 'closed'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const row of byModel.get(id) ?? []) {
      const target = row.value!.target;
      if (!('model' in target)) continue;
      const seen = state.get(target.model);
      if (seen === 'open') {
        const cycle = [...stack.slice(stack.indexOf(target.model)), target.model].join(' → ');
        row.reader.problem('target', `model cycle ${cycle}: a model may not contain itself`);
      } else if (seen === undefined && byModel.has(target.model)) visit(target.model);
    }
    stack.pop();
    state.set(id, 'closed');
  };
  for (const id of byModel.keys()) if (!state.has(id)) visit(id);
}
