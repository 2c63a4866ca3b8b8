/**
 * Numbers in plain words for explanations, and the conversion of an objective change into
 * tracking error (docs/optimization.md §7).
 */

/**
 * Tracking error saved when a group's risk term λ_g·TE² falls by `riskDrop` (objective units,
 * i.e. currency / S): TE − √(TE² − riskDrop/λ_g), which is ≈ riskDrop / (2 λ_g TE) for a small
 * drop and never more than TE itself.
 *
 * @example
 * trackingErrorSaved(0.0001, 50, 0.01); // ≈ 0.0001 (1 bp: at λ = 50 and TE = 1%, 1 bp of TE is worth 1 bp of value)
 */
export function trackingErrorSaved(riskDrop: number, aversion: number, te: number): number {
  if (!(aversion > 0) || !(riskDrop > 0)) return 0;
  return te - Math.sqrt(Math.max(0, te * te - riskDrop / aversion));
}

/** Two significant digits, without trailing zeros or exponent: 12.34 → "12", 0.0456 → "0.046". */
export function twoDigits(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return '0';
  const digits = Math.max(0, 1 - Math.floor(Math.log10(Math.abs(x))));
  return String(Number(x.toFixed(Math.min(digits, 12))));
}

/** A fraction as basis points: 0.0012 → "12 bps", 0.0001 → "1 bp". */
export function bps(fraction: number): string {
  const text = twoDigits(fraction * 1e4);
  return `${text} ${text === '1' ? 'bp' : 'bps'}`;
}

/** Currency with thousands separators and cents only below $100: 1234.5 → "$1,235". */
export function money(amount: number): string {
  const abs = Math.abs(amount);
  const text =
    abs < 100
      ? abs.toFixed(2)
      : Math.round(abs)
          .toString()
          .replace(/\B(?=(\d{3})+$)/g, ',');
  return `${amount < 0 ? '−' : ''}$${text}`;
}
