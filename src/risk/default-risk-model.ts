/**
 * The shipped default risk model: `data/risk-model/default-<window end>-r<revision>.json`, the
 * newest by window end, then revision. Read once and cached. The folder is found relative to
 * this module, which sits at src/risk (tsx), dist/risk (`npm run build`) or dist/src/risk
 * (tsc with the root tsconfig), so the data folder is two or three levels up.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RiskModel } from '../domain/index.js';
import type { RiskModelFile } from './risk-model-file.js';
import { checkRiskModelFile } from './risk-model-file.js';

const FOLDER_CANDIDATES = ['../../data/risk-model/', '../../../data/risk-model/'];
const FILE_NAME = /^default-(\d{4}-\d{2}-\d{2})-r(\d+)\.json$/;

/** The risk-model folder for a module at `moduleUrl`; throws if none of the candidates exists. */
export function riskModelFolder(moduleUrl: string = import.meta.url): string {
  for (const candidate of FOLDER_CANDIDATES) {
    const path = fileURLToPath(new URL(candidate, moduleUrl));
    if (existsSync(path)) return path;
  }
  throw new Error(`no data/risk-model folder found from ${moduleUrl}`);
}

/** The newest `default-*.json` file name among `names` (window end, then revision), if any. */
export function newestDefaultFile(names: readonly string[]): string | undefined {
  const keyed = names.flatMap((name) => {
    const match = FILE_NAME.exec(name);
    return match ? [{ name, end: match[1]!, revision: Number(match[2]) }] : [];
  });
  keyed.sort((a, b) => (a.end === b.end ? b.revision - a.revision : a.end < b.end ? 1 : -1));
  return keyed[0]?.name;
}

let cached: RiskModelFile | undefined;

/** The default model file with its version, window, method and classification (cached). */
export function loadDefaultRiskModelFile(): RiskModelFile {
  if (cached === undefined) {
    const folder = riskModelFolder();
    const name = newestDefaultFile(readdirSync(folder));
    if (name === undefined) throw new Error(`no default-*.json risk model in ${folder}`);
    const path = join(folder, name);
    cached = checkRiskModelFile(JSON.parse(readFileSync(path, 'utf8')), path);
  }
  return cached;
}

/** The engine's default risk model (annualised; shared and cached — do not mutate). */
export function loadDefaultRiskModel(): RiskModel {
  return loadDefaultRiskModelFile();
}
