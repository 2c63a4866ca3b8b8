import type { z } from 'zod';
import { describeInput, expectedFound } from './describe-input.js';
import { didYouMean } from './did-you-mean.js';

const NOUNS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

/**
 * The fallback wording of every problem no schema words itself: always the expectation and
 * what was found. Passed to each parse so messages do not depend on zod's locale.
 *
 * @example
 * schema.safeParse(input, { error: genericErrorMap });
 */
export const genericErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return expectedFound(
        NOUNS[issue.expected] ?? `a value of type ${issue.expected}`,
        issue.input,
      );
    case 'too_small':
      return expectedFound(
        bound(issue.origin, 'least', issue.minimum, issue.inclusive),
        issue.input,
      );
    case 'too_big':
      return expectedFound(
        bound(issue.origin, 'most', issue.maximum, issue.inclusive),
        issue.input,
      );
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const hint =
        typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : '';
      return `${expectedFound(`one of ${options.join(', ')}`, issue.input)}${hint}`;
    }
    case 'invalid_format':
      return expectedFound(`a string in ${issue.format} format`, issue.input);
    case 'unrecognized_keys':
      return issue.keys.map((key) => `unknown field "${key}"`).join('; ');
    case 'invalid_union':
      return `found ${describeInput(issue.input)}, which matches none of the allowed forms`;
    case 'invalid_key':
      return `invalid key: ${issue.issues.map((i) => i.message).join('; ')}`;
    default:
      return undefined;
  }
};

function bound(
  origin: string,
  side: 'least' | 'most',
  limit: number | bigint,
  inclusive: boolean | undefined,
): string {
  if (origin === 'array') return `at ${side} ${limit} item${limit === 1 ? '' : 's'}`;
  if (origin === 'string') {
    return side === 'least' && limit === 1
      ? 'a non-empty string'
      : `at ${side} ${limit} characters`;
  }
  if (inclusive === false) return `a number ${side === 'least' ? 'greater' : 'less'} than ${limit}`;
  return `a number at ${side} ${limit}`;
}
