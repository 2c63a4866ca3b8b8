/**
 * Compiles the solver's SIMD kernels (src/solver/simd/kernels.wat) and writes their bytes to
 * src/solver/simd/kernels-wasm.ts (`npm run build:wasm`). Run it after editing the .wat file;
 * scripts/build-wasm.test.ts fails while the two disagree.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderKernelsModule, WAT_PATH, WASM_TS_PATH } from './lib/kernels-module.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const text = await readFile(join(root, WAT_PATH), 'utf8');
await writeFile(join(root, WASM_TS_PATH), await renderKernelsModule(text), 'utf8');
console.log(`wrote ${WASM_TS_PATH}`);
