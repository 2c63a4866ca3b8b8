/**
 * The scenario fixtures of this folder as files: one `<story>.json` request per story, each with
 * an explicit risk model (docs/scenarios.md tells every story and what the engine must do).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RebalanceRequest } from '../../domain/index.js';
import { formatProblems } from '../../domain/index.js';
import { parseRebalanceRequest } from '../../io/index.js';

/** The folder holding the scenario files. */
export const SCENARIO_FOLDER = import.meta.dirname;

/** The story names of every scenario file, sorted. */
export function scenarioNames(): string[] {
  return readdirSync(SCENARIO_FOLDER)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/**
 * A scenario's request, validated. Throws with every problem when the file is not a valid
 * request.
 *
 * @example
 * const request = loadScenario('pure-drift');
 */
export function loadScenario(name: string): RebalanceRequest {
  const text = readFileSync(join(SCENARIO_FOLDER, `${name}.json`), 'utf8');
  const parsed = parseRebalanceRequest(JSON.parse(text));
  if (!parsed.ok) throw new Error(`${name}.json:\n${formatProblems(parsed.problems)}`);
  return parsed.value;
}
