/**
 * JSON Schema (draft 2020-12) of the four interchange documents, generated from the zod schemas.
 * `npm run schemas` writes them to `schemas/`; a test fails when the files are stale. Rules that
 * span fields (references, unique ids, SPECID lots…) are not expressible there and are listed in
 * each document's `description`.
 */
import { z } from 'zod';
import { JSON_SCHEMA_OPTIONS } from './json-schema-options.js';
import { LedgerRequestSchema } from './ledger-request-schema.js';
import { LedgerResponseSchema } from './ledger-response-schema.js';
import { RebalanceRequestSchema } from './rebalance-request-schema.js';
import { RebalanceResponseSchema } from './rebalance-response-schema.js';

/** The folder, relative to the repository root, that holds the generated files. */
export const SCHEMAS_FOLDER = 'schemas';

/** A generated JSON Schema file: its name in `schemas/` and its exact text. */
export interface JsonSchemaFile {
  file: string;
  text: string;
}

const DOCUMENTS = [
  {
    file: 'ledger-request.schema.json',
    title: 'Tailor ledger request',
    schema: LedgerRequestSchema,
  },
  {
    file: 'ledger-response.schema.json',
    title: 'Tailor ledger response',
    schema: LedgerResponseSchema,
  },
  {
    file: 'rebalance-request.schema.json',
    title: 'Tailor rebalance request',
    schema: RebalanceRequestSchema,
  },
  {
    file: 'rebalance-response.schema.json',
    title: 'Tailor rebalance response',
    schema: RebalanceResponseSchema,
  },
] as const;

/**
 * The text of each JSON Schema file, as `npm run schemas` writes it.
 *
 * @example
 * for (const { file, text } of renderJsonSchemas()) await writeFile(`schemas/${file}`, text);
 */
export function renderJsonSchemas(): JsonSchemaFile[] {
  return DOCUMENTS.map(({ file, title, schema }) => {
    const { $schema, ...json } = z.toJSONSchema(schema, JSON_SCHEMA_OPTIONS);
    return { file, text: `${JSON.stringify({ $schema, title, ...json }, null, 2)}\n` };
  });
}
