/** Peak resident memory of this process (sampled) and of child processes (from /proc). */
import { readFileSync } from 'node:fs';

/** Samples this process's RSS every 50 ms until stopped; returns the peak in MB. */
export function samplePeakRss(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss) / 1e6;
  };
}

/** The kernel's high-water mark of a live process's RSS (VmHWM), in MB; NaN if unreadable. */
export function processPeakMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1000 : NaN;
  } catch {
    return NaN;
  }
}
