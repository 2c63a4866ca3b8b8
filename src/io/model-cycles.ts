import type { Problem } from '../domain/problem.js';
import type { JsonPath } from './problem-helpers.js';
import { listAt, textAt } from './unknown-reader.js';

interface Edge {
  child: string;
  path: JsonPath;
}

/**
 * Problems for models that contain themselves through sub-model targets, one per edge that
 * closes a cycle, e.g. `models[1].targets[0].model: model cycle growth → tech → growth`.
 * Reads a possibly malformed rebalance request; unknown sub-models are reported elsewhere.
 */
export function modelCycleProblems(request: unknown): Problem[] {
  const edges = new Map<string, Edge[]>();
  const models = listAt(request, 'models');
  for (let i = 0; i < models.length; i++) {
    const model = models[i];
    const id = textAt(model, 'id');
    if (id === undefined || edges.has(id)) continue;
    const targets = listAt(model, 'targets');
    const out: Edge[] = [];
    for (let j = 0; j < targets.length; j++) {
      const child = textAt(targets[j], 'model');
      if (child !== undefined) out.push({ child, path: ['models', i, 'targets', j, 'model'] });
    }
    edges.set(id, out);
  }
  const state = new Map<string, 'open' | 'closed'>();
  const stack: string[] = [];
  const problems: Problem[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const { child, path } of edges.get(id) ?? []) {
      const seen = state.get(child);
      if (seen === 'open') {
        const cycle = [...stack.slice(stack.indexOf(child)), child].join(' → ');
        problems.push({
          path,
          code: 'model_cycle',
          message: `model cycle ${cycle}: a model may not contain itself`,
        });
      } else if (seen === undefined && edges.has(child)) visit(child);
    }
    stack.pop();
    state.set(id, 'closed');
  };
  for (const id of edges.keys()) if (!state.has(id)) visit(id);
  return problems;
}
