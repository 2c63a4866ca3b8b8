import type { Problem } from '../domain/problem.js';
import { formatPath } from '../domain/problem.js';
import { didYouMean } from './did-you-mean.js';

/** A JSON path, as in `Problem.path`. */
export type JsonPath = (string | number)[];

/** An id found in the input and where. */
export interface Occurrence {
  readonly id: string;
  readonly path: JsonPath;
}

/**
 * One problem for each repeat of an id, pointing back at its first occurrence.
 *
 * @example
 * duplicateProblems(
 *   [{ id: 'A', path: ['accounts', 0, 'id'] }, { id: 'A', path: ['accounts', 1, 'id'] }],
 *   'account id',
 *   'account ids must be unique',
 * );
 * // [{ path: ['accounts', 1, 'id'], code: 'duplicate_id',
 * //    message: 'account id "A" appears twice (first at accounts[0].id): account ids must be unique' }]
 */
export function duplicateProblems(
  occurrences: readonly Occurrence[],
  label: string,
  advice: string,
): Problem[] {
  // Paths are read only for the problems (an occurrence may build its path on demand).
  const first = new Map<string, Occurrence>();
  const problems: Problem[] = [];
  for (const occurrence of occurrences) {
    const { id } = occurrence;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, occurrence);
    else {
      problems.push(duplicateProblem(id, occurrence.path, earlier.path, label, advice));
    }
  }
  return problems;
}

/** The problem of id `id` at `path` repeating the one at `firstPath` (see duplicateProblems). */
export function duplicateProblem(
  id: string,
  path: JsonPath,
  firstPath: JsonPath,
  label: string,
  advice: string,
): Problem {
  return {
    path,
    code: 'duplicate_id',
    message: `${label} "${id}" appears twice (first at ${formatPath(firstPath)}): ${advice}`,
  };
}

/**
 * A problem for a name that refers to nothing, telling where to declare it.
 *
 * @example
 * unknownReference('security', 'MSFT', ['AAPL'], ['models', 0, 'targets', 1, 'security'], 'securities');
 * // message: 'unknown security "MSFT": list it in securities'
 */
export function unknownReference(
  what: string,
  name: string,
  known: Iterable<string>,
  path: JsonPath,
  declaredIn: string,
): Problem {
  return {
    path,
    code: 'unknown_reference',
    message: `unknown ${what} "${name}": list it in ${declaredIn}${didYouMean(name, [...known])}`,
  };
}
