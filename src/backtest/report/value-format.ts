/**
 * Compact number formats for chart labels: `$1.2M`, `$350k`, `1.25%`. Tables use the fuller
 * formats of html-format.ts.
 */

/** How a chart's values read: dollars, fractions shown as percentages, or plain numbers. */
export type ValueFormat = 'usd' | 'percent' | 'number';

const SCALES: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * Decimals needed to tell `step` apart at `unit` scale, or `fallback` when no step is given.
 * Axis labels pass their tick step, so that 1.1M and 1.15M do not both print as 1.1M.
 */
function decimalsFor(step: number | undefined, unit: number, fallback: number): number {
  if (step === undefined || !(step > 0)) return fallback;
  const scaled = step / unit;
  // Enough decimals to show the step exactly: a 0.25 step needs two, not one.
  let decimals = Math.max(0, -Math.floor(Math.log10(scaled) + 1e-9));
  while (
    decimals < 6 &&
    Math.abs(scaled * 10 ** decimals - Math.round(scaled * 10 ** decimals)) > 1e-6
  ) {
    decimals++;
  }
  return decimals;
}

/** Fixed decimals with trailing zeros removed ("1.50" → "1.5", "2.00" → "2"). */
function trimmed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * `|value|` compactly: `1234567` → `1.23M`; below 1,000 as is. Three significant digits unless a
 * step says more. A value that rounds to zero is plain "0" (no "0k" on an axis).
 */
function compact(value: number, step: number | undefined): string {
  const text = scaledText(Math.abs(value), step);
  return Number(text.replace(/[kMBT]$/, '')) === 0 ? '0' : text;
}

function scaledText(abs: number, step: number | undefined): string {
  const unitStep = step ?? 0;
  for (const [unit, suffix] of SCALES) {
    // The scale follows the larger of value and step so an axis keeps one unit throughout.
    if (Math.max(abs, unitStep) >= unit) {
      const scaled = abs / unit;
      const fallback = Math.max(0, 2 - Math.floor(Math.log10(Math.max(scaled, 1))));
      return `${trimmed(scaled, decimalsFor(step, unit, fallback))}${suffix}`;
    }
  }
  return trimmed(abs, decimalsFor(step, 1, abs === 0 ? 0 : 2));
}

/**
 * Formats `value` as `format` says. `step` (the axis tick step, in the same units as `value`)
 * sets the decimals so neighbouring ticks differ; without it USD and numbers get three
 * significant digits and percentages two decimals. Non-finite values print as "n/a".
 */
export function formatValue(format: ValueFormat, value: number, step?: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  // A negative value that rounds to zero gets no minus sign: "-$0" reads like a bug.
  const sign = value < 0 && compact(value, step) !== '0' ? '-' : '';
  switch (format) {
    case 'usd':
      return `${sign}$${compact(value, step)}`;
    case 'number':
      return `${sign}${compact(value, step)}`;
    case 'percent': {
      const percent = Math.abs(value) * 100;
      const text = trimmedPercent(percent, step === undefined ? undefined : step * 100);
      return `${value < 0 && Number(text) !== 0 ? '-' : ''}${text}%`;
    }
  }
}

/** Percentages keep two decimals by default ("1.25%", "0.50%"), fewer when the step allows. */
function trimmedPercent(percent: number, step: number | undefined): string {
  if (step === undefined) return percent.toFixed(2);
  return trimmed(percent, decimalsFor(step, 1, 2));
}
