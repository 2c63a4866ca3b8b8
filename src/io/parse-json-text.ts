import type { Problem } from '../domain/problem.js';
import { locateJsonSyntaxError } from './json-syntax.js';
import type { ParseResult } from './parse-result.js';

/** A JSON syntax error as a Problem, with where it is in the text (1-based line and column). */
export interface JsonSyntaxProblem extends Problem {
  source: string;
  line: number;
  column: number;
}

/**
 * Decodes JSON text. A syntax error becomes one Problem at the root path whose message names the
 * source, line and column and what was expected there, e.g.
 * `request.json:3:14: expected "," or "}" after a property value, found "\""`.
 * A leading byte-order mark is ignored.
 *
 * @example
 * const json = parseJsonText(await readFile(path, 'utf8'), path);
 * if (json.ok) parseLedgerRequest(json.value);
 */
export function parseJsonText(text: string, source: string): ParseResult<unknown> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (cause) {
    const located = locateJsonSyntaxError(body) ?? {
      offset: 0,
      message: cause instanceof Error ? cause.message : String(cause),
    };
    const { line, column } = lineAndColumn(body, located.offset);
    const problem: JsonSyntaxProblem = {
      path: [],
      code: 'invalid_json',
      message: `${source}:${line}:${column}: ${located.message}`,
      source,
      line,
      column,
    };
    return { ok: false, problems: [problem] };
  }
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}
