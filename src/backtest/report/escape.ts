/**
 * Escaping text for XML and HTML. The report's text comes from configuration and assumption
 * strings a user can write, so nothing reaches markup unescaped.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes `text` for use in XML/HTML text and in quoted attribute values. Control characters
 * (but tab and line breaks), lone surrogates and U+FFFE/U+FFFF are dropped: XML 1.0
 * forbids them (the C1 controls it merely discourages), and one makes a whole SVG unparseable.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/(?![\t\n\r])\p{Cc}|\p{Cs}|[\ufffe\uffff]/gu, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
