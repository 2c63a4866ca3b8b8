/** Writes the JSON Schema of each interchange document to `schemas/` (`npm run schemas`). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderJsonSchemas, SCHEMAS_FOLDER } from '../src/io/json-schemas.js';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', SCHEMAS_FOLDER);
await mkdir(folder, { recursive: true });
for (const { file, text } of renderJsonSchemas()) {
  await writeFile(join(folder, file), text, 'utf8');
  console.log(`wrote ${SCHEMAS_FOLDER}/${file}`);
}
