/** Every scenario file is a valid request and is told in docs/scenarios.md. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, SCENARIO_FOLDER, scenarioNames } from './scenario-files.js';

const doc = readFileSync(join(SCENARIO_FOLDER, '..', '..', '..', 'docs', 'scenarios.md'), 'utf8');

describe('the scenario fixtures', () => {
  it('are all here', () => {
    expect(scenarioNames()).toHaveLength(15);
  });

  it.each(scenarioNames())('%s is a valid request with its own small risk model', (name) => {
    const request = loadScenario(name);
    expect(request.riskModel).toBeDefined();
    expect(doc).toContain(`\`${name}\``);
  });
});
