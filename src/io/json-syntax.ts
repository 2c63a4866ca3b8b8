/**
 * Finds the first syntax error in JSON text, with a message that says what was expected there.
 * `JSON.parse` only says *that* text is invalid (and where, in some Node versions only); this
 * scanner walks the grammar without building values, iteratively so deep nesting is safe.
 */

/** Where JSON text first breaks the grammar, as an offset into the text. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

type Expect = 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'next';

const SCALAR = /true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SPACE = /[ \t\n\r]*/y;

/**
 * The first syntax error in `text`, or undefined when it is valid JSON.
 *
 * @example
 * locateJsonSyntaxError('{"a": 1,}'); // { offset: 8, message: 'trailing comma: remove the "," before "}"' }
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  let afterComma = false;
  const match = (pattern: RegExp): number => {
    pattern.lastIndex = i;
    return pattern.test(text) ? pattern.lastIndex : -1;
  };
  for (;;) {
    i = match(SPACE);
    const ch = text[i];
    if (ch === undefined) {
      if (expect === 'next' && stack.length === 0) return undefined;
      const open = stack.at(-1);
      return fail(
        i,
        `unexpected end of input${open === undefined ? '' : `: "${open}" is never closed`}`,
      );
    }
    if (ch === '/') return fail(i, 'comments are not allowed in JSON');
    const top = stack.at(-1);
    const close = top === '{' ? '}' : ']';
    if (expect === 'next') {
      if (top === undefined) return fail(i, `unexpected ${show(ch)} after the end of the document`);
      if (ch === ',') {
        expect = top === '{' ? 'key' : 'value';
        afterComma = true;
      } else if (ch === close) stack.pop();
      else {
        const item = top === '{' ? 'a property value' : 'an array item';
        return fail(i, `expected "," or "${close}" after ${item}, found ${show(ch)}`);
      }
      i++;
      continue;
    }
    if (expect === 'colon') {
      if (ch !== ':') return fail(i, `expected ":" after a property name, found ${show(ch)}`);
      expect = 'value';
      i++;
      continue;
    }
    if ((expect === 'firstKey' || expect === 'firstValue') && ch === close) {
      stack.pop();
      expect = 'next';
      i++;
      continue;
    }
    if (afterComma && ch === close) return fail(i, `trailing comma: remove the "," before "${ch}"`);
    afterComma = false;
    if (expect === 'key' || expect === 'firstKey') {
      if (ch !== '"')
        return fail(i, `expected a property name in double quotes, found ${show(ch)}`);
      const end = match(STRING);
      if (end < 0) return badString(text, i);
      i = end;
      expect = 'colon';
      continue;
    }
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      expect = ch === '{' ? 'firstKey' : 'firstValue';
      i++;
      continue;
    }
    const end = match(ch === '"' ? STRING : SCALAR);
    if (end < 0) {
      return ch === '"' ? badString(text, i) : fail(i, `expected a value, found ${show(ch)}`);
    }
    i = end;
    expect = 'next';
  }
}

function fail(offset: number, message: string): JsonSyntaxError {
  return { offset, message };
}

function show(ch: string): string {
  return ch === "'" ? `"'" (JSON strings use double quotes)` : JSON.stringify(ch);
}

/** Points inside a string that does not scan: at its bad escape or control character, or its end. */
function badString(text: string, start: number): JsonSyntaxError {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') break;
    if (ch < ' ')
      return fail(i, 'a control character (such as a line break) inside a string must be escaped');
    if (ch === '\\') {
      if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(i + 1, i + 6))) {
        return fail(i, 'invalid escape sequence in a string');
      }
      i++;
    }
  }
  return fail(start, 'unterminated string: add the closing double quote');
}
