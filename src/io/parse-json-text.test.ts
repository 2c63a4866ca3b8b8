import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from './json-syntax.js';
import { parseJsonText } from './index.js';

const problemOf = (text: string) => {
  const result = parseJsonText(text, 'request.json');
  return result.ok ? undefined : result.problems[0];
};

describe('parseJsonText', () => {
  it('decodes valid JSON, ignoring a byte-order mark', () => {
    expect(parseJsonText('{"a": [1, 2.5, null]}', 'x.json')).toEqual({
      ok: true,
      value: { a: [1, 2.5, null] },
    });
    expect(parseJsonText('\uFEFF{"a": true}', 'x.json')).toEqual({ ok: true, value: { a: true } });
  });

  it('names the source, line and column of a syntax error, and what was expected there', () => {
    const text = '{\n  "method": "FIFO"\n  "accounts": []\n}';
    expect(problemOf(text)).toEqual({
      path: [],
      code: 'invalid_json',
      message: 'request.json:3:3: expected "," or "}" after a property value, found "\\""',
      source: 'request.json',
      line: 3,
      column: 3,
    });
  });

  it.each([
    ['{"a": 1,}', '1:9: trailing comma: remove the "," before "}"'],
    ['[1, 2,\n]', '2:1: trailing comma: remove the "," before "]"'],
    ['{"a": [1, 2', '1:12: unexpected end of input: "[" is never closed'],
    ['', '1:1: unexpected end of input'],
    ['{"a": "b}', '1:7: unterminated string: add the closing double quote'],
    [
      '{"a": "line\nbreak"}',
      '1:12: a control character (such as a line break) inside a string must be escaped',
    ],
    ['{"a": "\\x41"}', '1:8: invalid escape sequence in a string'],
    [
      "{'a': 1}",
      '1:2: expected a property name in double quotes, found "\'" (JSON strings use double quotes)',
    ],
    ['{a: 1}', '1:2: expected a property name in double quotes, found "a"'],
    ['{"a" 1}', '1:6: expected ":" after a property name, found "1"'],
    ['{"a": 1} // note', '1:10: comments are not allowed in JSON'],
    ['{} {}', '1:4: unexpected "{" after the end of the document'],
    ['{"a": 01}', '1:8: expected "," or "}" after a property value, found "1"'],
    ['{"a": +1}', '1:7: expected a value, found "+"'],
    ['{"a": NaN}', '1:7: expected a value, found "N"'],
    ['[1 2]', '1:4: expected "," or "]" after an array item, found "2"'],
    ['{"a": }', '1:7: expected a value, found "}"'],
  ])('locates the error in %j', (text, message) => {
    expect(problemOf(text)?.message).toBe(`request.json:${message}`);
  });
});

describe('locateJsonSyntaxError agrees with JSON.parse', () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  const damaged = fc
    .tuple(
      fc.json(),
      fc.nat(),
      fc.constantFrom('', ',', '"', '}', ']', '{', ':', '\\', ' ', '\n', '0', '-', 'e'),
    )
    .map(([text, at, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + (at % 2));
    });

  it('finds no error in any JSON text, however formatted', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        expect(locateJsonSyntaxError(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
    );
  });

  it('finds an error exactly when JSON.parse throws, on damaged JSON and arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(damaged, fc.string(), fc.string({ unit: 'binary' })), (text) => {
        expect(locateJsonSyntaxError(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});
