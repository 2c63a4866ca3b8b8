/**
 * Writing a file all or nothing: the text goes to a temporary name in the same directory, is
 * flushed to disk, then renamed over the target. A crash leaves either the old file or the new
 * one, never half of one; rename is atomic only within one file system, hence the same dir.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `text` (UTF-8) to `path` through a temporary file and a rename. */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeFileSync(fd, text, 'utf8');
      // Without the flush a power cut after the rename could leave an empty file in its place.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
