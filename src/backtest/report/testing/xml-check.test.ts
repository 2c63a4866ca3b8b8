import { describe, expect, it } from 'vitest';
import { escapeXml } from '../escape.js';
import { xmlProblems } from './xml-check.js';

describe('xmlProblems', () => {
  it('accepts well-formed markup and rejects what string-built markup gets wrong', () => {
    expect(xmlProblems('<svg a="1"><g><text>x &amp; y</text></g><rect/></svg>')).toEqual([]);
    expect(xmlProblems('<svg><g></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a < b</text></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a & b</text></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a</text>')).not.toEqual([]);
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">Tom's & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;',
    );
    expect(escapeXml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
  });
});
