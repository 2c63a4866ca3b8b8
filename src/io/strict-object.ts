import { z } from 'zod';
import { expectedFound } from './describe-input.js';
import { didYouMean } from './did-you-mean.js';

/** Fields that name a feature Tailor does not support, and the message that says so. */
export interface UnsupportedFields {
  fields: readonly string[];
  message: string;
}

/**
 * A zod object that rejects unknown fields (JSON Schema: `additionalProperties: false`) and
 * names each one, with a "did you mean" hint when a known field is close, e.g.
 * `unknown field "costbasis" (did you mean "costBasis"?)`. Fields listed in `unsupported` get its
 * message instead.
 *
 * @example
 * const Lot = strictObject({ id: IdSchema, costBasis: NonNegativeAmountSchema });
 */
export function strictObject<T extends z.core.$ZodLooseShape>(
  shape: T,
  unsupported?: UnsupportedFields,
) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'invalid_type') return expectedFound('an object', issue.input);
      if (issue.code === 'unrecognized_keys') {
        return unknownFieldsMessage(issue.keys, known, unsupported);
      }
      return undefined;
    },
  });
}

/** One message for every unknown field of one object. */
export function unknownFieldsMessage(
  keys: readonly string[],
  known: readonly string[],
  unsupported?: UnsupportedFields,
): string {
  const blocked = keys.filter((key) => unsupported?.fields.includes(key) === true);
  const parts: string[] = [];
  if (unsupported !== undefined && blocked.length > 0) {
    parts.push(`${unsupported.message} (found ${blocked.map((k) => `"${k}"`).join(', ')})`);
  }
  for (const key of keys) {
    if (!blocked.includes(key)) parts.push(`unknown field "${key}"${didYouMean(key, known)}`);
  }
  return parts.join('; ');
}
