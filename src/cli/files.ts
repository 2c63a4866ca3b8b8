/**
 * Reading the input document and writing the output atomically, so a failed command never leaves
 * a partial or stale output file behind.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** Reads a file (or standard input for `-`) as UTF-8 text. */
export async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes `text` to `path` through a temporary file and a rename: all or nothing. */
export async function writeOutput(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, path);
}
