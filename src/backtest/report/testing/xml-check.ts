/**
 * A small well-formedness check for the SVG the report writes (no XML parser among the
 * dependencies): every tag closes in order, attributes are quoted, and every `&` starts an
 * entity. Not a full XML parser, but it catches what string-built markup gets wrong.
 */

/** Problems found in `xml`; empty when it looks well formed. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const between = xml.slice(last, m.index);
    if (between.includes('<') || between.includes('>')) {
      problems.push(`stray angle bracket near ${JSON.stringify(between.slice(0, 40))}`);
    }
    last = tag.lastIndex;
    const [, closing, name = '', , selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (!selfClosing) {
      stack.push(name);
    }
  }
  if (/[<>]/.test(xml.slice(last).trim())) problems.push('unparsed markup at the end');
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  const badAmp = xml.match(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
  if (badAmp) problems.push(`bare & at ${badAmp.index}`);
  return problems;
}
