/** Renders a risk-model file as compact, stable, diff-friendly JSON (one security per line). */
import type { RiskModelFile } from '../../src/risk/index.js';

/** Rounds to `digits` significant digits (the shipped precision). */
export function roundSignificant(x: number, digits = 5): number {
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}

const row = (values: readonly number[]): string =>
  `[${values.map((x) => roundSignificant(x)).join(',')}]`;

/** Sorted keys; numbers to 5 significant digits; one line per security. */
export function renderRiskModelFile(file: RiskModelFile): string {
  const ids = Object.keys(file.exposures).sort();
  const block = (entries: string[]): string =>
    `{\n${entries.map((e) => `    ${e}`).join(',\n')}\n  }`;
  const method = Object.fromEntries(
    Object.entries(file.method).map(([key, value]) => [
      key,
      typeof value === 'number' ? roundSignificant(value) : value,
    ]),
  );
  const lines = [
    `  "version": ${JSON.stringify(file.version)}`,
    `  "window": ${JSON.stringify(file.window)}`,
    `  "method": ${JSON.stringify(method)}`,
    `  "sources": ${JSON.stringify(file.sources)}`,
    `  "factors": ${JSON.stringify(file.factors)}`,
    `  "factorCovariance": [\n${file.factorCovariance.map((r) => `    ${row(r)}`).join(',\n')}\n  ]`,
    `  "exposures": ${block(ids.map((id) => `${JSON.stringify(id)}: ${row(file.exposures[id] ?? [])}`))}`,
    `  "specificVariance": ${block(
      ids.map((id) => `${JSON.stringify(id)}: ${roundSignificant(file.specificVariance[id] ?? 0)}`),
    )}`,
    `  "classification": ${block(
      ids.map((id) => `${JSON.stringify(id)}: ${JSON.stringify(file.classification[id] ?? {})}`),
    )}`,
  ];
  return `{\n${lines.join(',\n')}\n}\n`;
}
