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

/** A list tag: it ends a line outside a table cell, and stays inside the line within one (a list in a cell). */
const LIST_TAG = /^<\/?(li|ol|ul)\b/;
/** A table cell's opening or closing tag. */
const CELL_TAG = /^<(\/?)(td|th)\b/;

/**
 * The markup (tag, comment, script or style element, ** or __) starting at `at`: its length, whether it ends a
 * line, whether it is a list tag (which ends a line only outside a table cell), and how it changes the depth of
 * table cells (+1 for <td>, -1 for </td>).
 */
export function markupAt(
  original: string,
  at: number,
): { length: number; block: boolean; list: boolean; cell: number } | null {
  MARKUP.lastIndex = at;
  const m = MARKUP.exec(original);
  if (!m) return null;
  const tag = m[0].toLowerCase();
  const cell = CELL_TAG.exec(tag);
  return {
    length: m[0].length,
    block: BLOCK_TAG.test(tag),
    list: LIST_TAG.test(tag),
    cell: cell ? (cell[1] ? -1 : 1) : 0,
  };
}

/** The entity starting at `at` (&nbsp;, &#8203;, &#x4E2D;) and the character it stands for. */
export function entityAt(original: string, at: number): { length: number; value: string } | null {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(original);
  return m ? { length: m[0].length, value: entityValue(m[1]!) } : null;
}
