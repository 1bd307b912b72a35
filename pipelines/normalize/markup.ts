/** Markup and entities in a document's text: the tags that carry no text, and the characters entities stand for. */

/** Markup that carries no text: HTML tags, comments, Markdown emphasis. Replaced by a break or nothing. */
const MARKUP =
  /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,400})?\/?>|\*\*|__/y;

/** Tags that end a line; list tags are not among them, so that a list inside a table cell stays in the cell. */
const BLOCK_TAG = /^<\/?(br|p|div|tr|table|h\d)\b/;

/** Named entities and the characters they stand for (the spaces become one plain space in the normalized text). */
const ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
};
const ENTITY = /&(nbsp|amp|lt|gt|quot|apos|ensp|emsp|thinsp|#\d{1,6}|#x[0-9a-fA-F]{1,6});/y;

/** The character an entity's name stands for (nbsp → U+00A0, #8201 → U+2009). */
function entityValue(name: string): string {
  if (!name.startsWith('#')) return ENTITIES[name]!;
  const cp = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  // a code point beyond Unicode (&#xFFFFFF;) is the replacement character, not an exception
  return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
}

/** Replaces the entities of a piece of original text by the characters they stand for (“2&nbsp;000” → “2\u00a0000”). */
export function decodeEntities(s: string): string {
  return s.replace(new RegExp(ENTITY.source, 'g'), (_, name: string) => entityValue(name));
}

/** The markup (tag, comment, script or style element, ** or __) starting at `at`, and whether it ends a line. */
export function markupAt(original: string, at: number): { length: number; block: boolean } | null {
  MARKUP.lastIndex = at;
  const m = MARKUP.exec(original);
  if (!m) return null;
  return { length: m[0].length, block: BLOCK_TAG.test(m[0].toLowerCase()) };
}

/** The entity starting at `at` (&nbsp;, &#8203;, &#x4E2D;) and the character it stands for. */
export function entityAt(original: string, at: number): { length: number; value: string } | null {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(original);
  return m ? { length: m[0].length, value: entityValue(m[1]!) } : null;
}
