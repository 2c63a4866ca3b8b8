/**
 * How every JSON Schema in `src/io` is generated: draft 2020-12, describing the documents a
 * reader accepts (`io: 'input'`). Input mode matters: a keyed union parses through a transform
 * and carries its `anyOf` as metadata, which only input mode reads (see `keyed-union.ts`).
 */
export const JSON_SCHEMA_OPTIONS = {
  target: 'draft-2020-12',
  io: 'input',
  unrepresentable: 'throw',
} as const;
