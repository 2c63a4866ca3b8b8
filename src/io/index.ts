/**
 * The public API of `src/io`: the interchange documents (docs/interchange.md) validated from JSON
 * into the domain types, with every problem reported as data, and their JSON Schema.
 *
 * @example
 * const json = parseJsonText(text, 'request.json');
 * const request = json.ok ? parseLedgerRequest(json.value) : json;
 * if (!request.ok) console.error(formatProblems(request.problems));
 */
export {
  parseLedgerRequest,
  parseLedgerResponse,
  parseRebalanceRequest,
  parseRebalanceResponse,
} from './parse-documents.js';
export { parseJsonText } from './parse-json-text.js';
export type { JsonSyntaxProblem } from './parse-json-text.js';
export { parseWith } from './parse-result.js';
export type { ParseResult } from './parse-result.js';
export { LedgerRequestSchema } from './ledger-request-schema.js';
export { LedgerResponseSchema } from './ledger-response-schema.js';
export { RebalanceRequestSchema } from './rebalance-request-schema.js';
export { RebalanceResponseSchema } from './rebalance-response-schema.js';
export { renderJsonSchemas, SCHEMAS_FOLDER } from './json-schemas.js';
export type { JsonSchemaFile } from './json-schemas.js';
export * from './feed/index.js';
export * from './orders/index.js';
export { closestName, didYouMean } from './did-you-mean.js';
