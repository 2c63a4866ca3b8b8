import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFirm, type Store } from '../store/index.js';
import { testStoreKinds } from '../store/testing/test-stores.js';
import { tinyFirm } from '../store/testing/tiny-firm.js';
import { checkSelection } from './selection-check.js';

describe.each(testStoreKinds())('checkSelection on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await writeFirm(store.db, tinyFirm(), 'loader');
  });
  afterAll(async () => store?.close());

  it('passes what the book has, and selections that name nothing', async () => {
    for (const s of [
      { kind: 'households' as const, households: ['H1', 'H2'] },
      { kind: 'advisor' as const, advisor: 'alice' },
      { kind: 'model' as const, model: 'balanced' },
      { kind: 'all' as const },
      { kind: 'trigger' as const, trigger: 'drift' as const },
    ])
      expect(await checkSelection(store.db, s)).toBeNull();
  });

  it('names the missing households, the unknown model and the unknown advisor, with what there is', async () => {
    expect(
      await checkSelection(store.db, { kind: 'households', households: ['H1', 'X1', 'X2', 'X1'] }),
    ).toEqual({
      field: 'households',
      message: expect.stringMatching(/^no household X1, X2 in the book;/),
    });
    const model = await checkSelection(store.db, { kind: 'model', model: 'balanced2' });
    expect(model?.field).toBe('model');
    expect(model?.message).toMatch(/^no model "balanced2" \(did you mean "balanced"\?\); models: /);
    expect(await checkSelection(store.db, { kind: 'advisor', advisor: 'zed' })).toEqual({
      field: 'advisor',
      message: 'no household has advisor "zed"; advisors: alice, bob',
    });
  });
});
