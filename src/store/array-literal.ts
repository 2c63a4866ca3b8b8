/**
 * PostgreSQL's text form of a one-dimensional text array: `{"a","b \"c\"",NULL}`. Every element
 * is double-quoted with `\` and `"` escaped, so commas, braces, spaces, newlines and the word
 * NULL inside a value stay literal; a JS null is the unquoted NULL.
 */
export function arrayLiteral(values: readonly (string | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    parts[i] = v === null ? 'NULL' : `"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}
