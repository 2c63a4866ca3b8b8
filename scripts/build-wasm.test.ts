import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileWat } from './lib/compile-wat.js';
import { renderKernelsModule, WASM_TS_PATH, WAT_PATH } from './lib/kernels-module.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('build:wasm', () => {
  it('the committed kernels-wasm.ts is the compiled kernels.wat (run npm run build:wasm)', async () => {
    const wat = await readFile(join(root, WAT_PATH), 'utf8');
    const committed = await readFile(join(root, WASM_TS_PATH), 'utf8');
    expect(committed).toBe(await renderKernelsModule(wat));
  });

  it('names the line of a syntax error', async () => {
    await expect(
      compileWat('bad.wat', '(module\n  (func (export "f") (f64x2.nope)))'),
    ).rejects.toThrow(/bad\.wat:2/);
  });
});
