/**
 * A one-line progress bar on standard error, redrawn at most every 100 ms:
 *   [██████████░░░░░░░░░░]  512/1,000 households  38/s  eta 13s  (3 gated, 0 errors)
 * Silent when standard error is not a terminal (logs and CI stay clean).
 */
export interface ProgressBar {
  update(done: number, total: number, detail?: string): void;
  done(): void;
}

const WIDTH = 24;
const fmt = (n: number): string => n.toLocaleString('en-US');

/** Renders one frame (exported for tests). */
export function renderProgress(
  done: number,
  total: number,
  elapsedMs: number,
  unit: string,
  detail = '',
): string {
  const frac = total > 0 ? Math.min(1, done / total) : 1;
  const full = Math.round(frac * WIDTH);
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
  const bar = '█'.repeat(full) + '░'.repeat(WIDTH - full);
  const tail = detail ? `  (${detail})` : '';
  return `[${bar}] ${fmt(done).padStart(fmt(total).length)}/${fmt(total)} ${unit}  ${rate.toFixed(rate < 10 ? 1 : 0)}/s  eta ${eta}s${tail}`;
}

/** A bar for `unit` (e.g. "households"); a no-op unless stderr is a TTY. */
export function progressBar(
  unit: string,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressBar {
  const t0 = performance.now();
  let last = 0;
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  return {
    update(done, total, detail) {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      stream.write(`\r${renderProgress(done, total, now - t0, unit, detail)}\x1b[K`);
    },
    done() {
      stream.write('\n');
    },
  };
}
