/** Reading a feed directory: every `.csv` file in it (other files are ignored). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeedFile } from './validate-feed.js';

/**
 * The `.csv` files of `dir` as text, by name. Throws (with the system's reason) when the
 * directory cannot be read.
 */
export async function readFeedDirectory(dir: string): Promise<FeedFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.csv'))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })),
  );
}
