import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RebalanceRequest } from '../domain/index.js';
import { runHouseholdTask } from './household-task.js';

const smith = JSON.parse(
  readFileSync(new URL('../../examples/rebalance/smith-household.json', import.meta.url), 'utf8'),
) as RebalanceRequest;
const task = { householdId: 'smith', inputHash: 'h', request: smith };

const costsOf = (o: ReturnType<typeof runHouseholdTask>) =>
  o.kind === 'response' ? o.response.accounts.map((a) => a.summary.customizationCost) : [];

describe('runHouseholdTask', () => {
  it('explains the binding constraints but prices no customization unless asked (nightly runs)', () => {
    const o = runHouseholdTask(task);
    expect(o.kind).toBe('response');
    expect(costsOf(o).every((c) => c === undefined)).toBe(true);
    const binding = o.kind === 'response' ? o.response.accounts.map((a) => a.summary.binding) : [];
    expect(binding.some((b) => b !== undefined)).toBe(true);
  });

  it('prices the customizations when asked', () => {
    const o = runHouseholdTask({ ...task, customizationCosts: true });
    expect(costsOf(o).some((c) => (c?.length ?? 0) > 0)).toBe(true);
  });

  it('answers the same from the request as JSON text (what a worker thread is sent)', () => {
    const fromText = runHouseholdTask({
      householdId: 'smith',
      inputHash: 'h',
      requestJson: JSON.stringify(smith),
    });
    const fromObject = runHouseholdTask(task);
    expect(fromText.kind).toBe('response');
    expect(fromText.kind === 'response' && fromText.response).toEqual(
      fromObject.kind === 'response' && fromObject.response,
    );
  });

  it('answers text that is not JSON as invalid, saying so', () => {
    const o = runHouseholdTask({ householdId: 'smith', inputHash: 'h', requestJson: '{"asOf":' });
    expect(o).toMatchObject({ kind: 'invalid' });
    expect(o.kind === 'invalid' && o.reason).toMatch(/not valid JSON/);
  });

  it('answers an invalid stored request with the problems, not a throw', () => {
    const o = runHouseholdTask({ ...task, request: { ...smith, asOf: 'yesterday' } });
    expect(o).toMatchObject({ kind: 'invalid' });
    expect(o.kind === 'invalid' && o.reason).toContain('asOf');
  });
});
