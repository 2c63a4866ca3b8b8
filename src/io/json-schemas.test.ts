import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderJsonSchemas, SCHEMAS_FOLDER } from './index.js';

const root = new URL('../../', import.meta.url);
const onDisk = (file: string) =>
  readFile(new URL(`${SCHEMAS_FOLDER}/${file}`, root), 'utf8').catch(() => undefined);

/** Every JSON object in the schema that describes an object type. */
function objectSchemas(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(objectSchemas);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = record['type'] === 'object' && 'properties' in record ? [record] : [];
  return [...own, ...Object.values(record).flatMap(objectSchemas)];
}

describe('JSON Schema files', () => {
  const files = renderJsonSchemas();

  it('covers the four documents', () => {
    expect(files.map((f) => f.file)).toEqual([
      'ledger-request.schema.json',
      'ledger-response.schema.json',
      'rebalance-request.schema.json',
      'rebalance-response.schema.json',
    ]);
  });

  it.each(files)('$file on disk is what `npm run schemas` writes', async ({ file, text }) => {
    const stale = `${SCHEMAS_FOLDER}/${file} is missing or stale: run \`npm run schemas\` and commit it`;
    expect(await onDisk(file), stale).toBe(text);
  });

  it.each(files)('$file is draft 2020-12 and closes every object', ({ text }) => {
    const schema = JSON.parse(text) as Record<string, unknown>;
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    const objects = objectSchemas(schema);
    expect(objects.length).toBeGreaterThan(3);
    expect(objects.filter((o) => o['additionalProperties'] !== false)).toEqual([]);
  });

  it('gives each kind of ledger transaction its own closed branch, keyed by its field', () => {
    const request = JSON.parse(files[0]!.text) as {
      properties: { transactions: { items: { anyOf: { required: string[] }[] } } };
    };
    const kinds = request.properties.transactions.items.anyOf.map((branch) => branch.required);
    expect(
      kinds.map((required) =>
        required.find((key) => key !== 'date' && key !== 'security' && key !== 'account'),
      ),
    ).toEqual(['side', 'split', 'renameTo', 'returnOfCapital', 'spinoff']);
  });

  it('describes the cross-field rules JSON Schema cannot state', () => {
    const request = JSON.parse(files[0]!.text) as { description: string };
    expect(request.description).toContain('a SPECID sell names its `lots`');
  });
});
