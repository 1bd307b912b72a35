import * as OpenCC from 'opencc-js';

/**
 * A document's text normalized for matching, with a map back to the original.
 * Character i of `text` came from `original.slice(start[i], end[i])`.
 */
export interface Normalized {
  readonly text: string;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** A half-open range of UTF-16 offsets into a document's original text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const simplifiedCache = new Map<string, string>();

/** One Han character in Simplified form, when the conversion is one character to one character. */
function simplify(ch: string): string {
  let s = simplifiedCache.get(ch);
  if (s === undefined) {
    const converted = toSimplified(ch);
    s = [...converted].length === 1 ? converted : ch;
    simplifiedCache.set(ch, s);
  }
  return s;
}

const isHan = (cp: number) =>
  (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
/** Han, CJK punctuation and full-width forms: characters between which a space carries no meaning. */
const isWide = (cp: number) => isHan(cp) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);
/** Whitespace, the typographic spaces included (no-break, en to hair, narrow no-break, medium mathematical). */
const isSpace = (cp: number) =>
  cp === 0x20 ||
  cp === 0x09 ||
  cp === 0x0a ||
  cp === 0x0d ||
  cp === 0x0c ||
  cp === 0x0b ||
  cp === 0xa0 ||
  (cp >= 0x2000 && cp <= 0x200a) ||
  cp === 0x202f ||
  cp === 0x205f ||
  cp === 0x3000;
/**
 * Zero-width characters that change nothing a reader sees (zero-width space and joiners, word joiner, BOM, soft
 * hyphen): removed. Bidirectional controls are not among them: they change the order characters display in.
 */
export const isInvisible = (cp: number): boolean =>
  cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0xad;

/** Sentence-final characters after which a line break is a paragraph break, not a page break. */
const SENTENCE_END = new Set(['。', ';', ':', '!', '?', '；', '：', '！', '？']);
/**
 * The start of an outline heading or list item (一、 （一） 1. （1） ① 附件 第一条): a line break before one is kept.
 */
const HEADING_START =
  /(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|[0-9０-９]{1,2}[.、．](?![0-9０-９])|[(（][0-9０-９]{1,2}[)）]|[①-⑳]|附件|附表|第[一二三四五六七八九十]{1,3}[章节条部分])/y;

/** Lines shorter than this (headings, titles, table cells) keep their line break even without punctuation. */
const SHORT_LINE = 24;

/** The start of a line that continues a number from the line before: its unit. */
const UNIT_START =
  /(?:万元|亿元|元|万|亿|个|人次|人|小时|天|日|年|月|%|％|家|项|平方米|平米|辆|场|次|名|户|多)/y;

/** A line ending like a document title (…实施方案, …的通知) keeps its line break. */
const TITLE_END = /(方案|通知|办法|细则|意见|报告|规划|计划|决定|函|表)$/;
/** A heading line shorter than this keeps its line break (a longer one is prose after a marker). */
const HEADING_LINE = 50;

/** Markup that carries no text: HTML tags, comments, Markdown emphasis. Replaced by a break or nothing. */
const MARKUP =
  /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,400})?\/?>|\*\*|__/y;
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

/**
 * Normalizes a document's text for matching, keeping a map to the original offsets:
 * Traditional → Simplified (character by character), full-width ASCII → ASCII (except the comma ，),
 * HTML tags, entities and Markdown emphasis removed, zero-width characters removed, every kind of space (no-break,
 * thin, ideographic) read as a space, spaces between CJK characters removed
 * (“市 商 务 局” → “市商务局”), line breaks inside a sentence removed (“72\n\n小时内” → “72小时内”),
 * other line breaks kept as one \n and tabs (table cells) as one \t.
 */
export function normalize(original: string): Normalized {
  const n = original.length;
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  // pending whitespace run: whether it held a newline or a tab, and where it began
  let wsNewline = false;
  let wsHard = false;
  let wsTab = false;
  // visible characters on the current line of the original: a short line is a heading or a cell, not prose
  let lineLength = 0;
  // whether the current line is a table row (has a tab) or starts with a heading marker
  let lineHasTab = false;
  let lineIsHeading = false;
  let wsAny = false;
  let wsStart = -1;
  let prevWide = false;
  let prevChar = '';

  const flushSpace = (i: number, nextWide: boolean) => {
    if (!wsAny) return;
    if (out.length > 0) {
      let sep = '';
      if (wsNewline) {
        HEADING_START.lastIndex = i;
        const headingNext = HEADING_START.test(original);
        // a number at the end of a line and its unit at the start of the next are one phrase (72 / 小时内), except
        // in a table: a row ends at its line break, and the next row may start with a unit (400 / 人才培训)
        UNIT_START.lastIndex = i;
        const brokenNumber = !lineHasTab && /[0-9０-９]/.test(prevChar) && UNIT_START.test(original);
        const keep =
          !brokenNumber &&
          (wsHard ||
            SENTENCE_END.has(prevChar) ||
            headingNext ||
            lineLength < SHORT_LINE ||
            lineHasTab ||
            (lineIsHeading && lineLength < HEADING_LINE) ||
            TITLE_END.test(original.slice(Math.max(0, wsStart - 4), wsStart)) ||
            (!prevWide && !nextWide));
        sep = keep ? '\n' : prevWide || nextWide ? '' : ' ';
      } else if (wsTab) {
        sep = '\t';
        lineHasTab = true;
      } else sep = prevWide || nextWide ? '' : ' ';
      if (sep) {
        out.push(sep);
        start.push(wsStart);
        end.push(i);
      }
    }
    if (wsNewline || out.length === 0) {
      lineLength = 0;
      lineHasTab = false;
      HEADING_START.lastIndex = i;
      lineIsHeading = HEADING_START.test(original);
    }
    wsAny = wsNewline = wsHard = wsTab = false;
  };
  const space = (from: number, kind: 'hard' | 'newline' | 'tab' | 'space') => {
    if (!wsAny) wsStart = from;
    wsAny = true;
    if (kind === 'newline' || kind === 'hard') wsNewline = true;
    if (kind === 'hard') wsHard = true;
    else if (kind === 'tab') wsTab = true;
  };

  let i = 0;
  while (i < n) {
    const cp = original.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (cp === 0x3c /* < */ || cp === 0x2a /* * */ || cp === 0x5f /* _ */) {
      MARKUP.lastIndex = i;
      const m = MARKUP.exec(original);
      if (m) {
        const tag = m[0].toLowerCase();
        // list tags inside a table cell stay in the cell; block tags break the line
        const block = /^<\/?(br|p|div|tr|table|h\d)\b/.test(tag);
        space(i, block ? 'hard' : 'space');
        i += m[0].length;
        continue;
      }
    }
    if (cp === 0x26 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(original);
      if (m) {
        const value = entityValue(m[1]!);
        // an invisible character written as an entity (&#8203;) is removed like the character itself
        if (value.trim() === '') space(i, 'space');
        else if (!isInvisible(value.codePointAt(0)!)) {
          flushSpace(i, false);
          out.push(value);
          start.push(i);
          end.push(i + m[0].length);
          prevWide = false;
          prevChar = value;
        }
        i += m[0].length;
        continue;
      }
    }
    if (isSpace(cp)) {
      space(i, cp === 0x0a || cp === 0x0d ? 'newline' : cp === 0x09 ? 'tab' : 'space');
      i += len;
      continue;
    }
    if (isInvisible(cp)) {
      i += len;
      continue;
    }
    const wide = isWide(cp);
    flushSpace(i, wide);
    let ch = original.slice(i, i + len);
    if (cp >= 0xff01 && cp <= 0xff5e && cp !== 0xff0c) ch = String.fromCharCode(cp - 0xfee0);
    else if (isHan(cp)) ch = simplify(ch);
    for (const unit of ch) {
      out.push(unit);
      start.push(i);
      end.push(i + len);
    }
    prevWide = wide;
    prevChar = ch;
    lineLength++;
    i += len;
  }
  const text = out.join('');
  // Characters outside the BMP are two UTF-16 units: expand the maps to units.
  if (text.length !== start.length) return expandToUnits(text, start, end);
  return { text, start: Int32Array.from(start), end: Int32Array.from(end) };
}

function expandToUnits(text: string, start: number[], end: number[]): Normalized {
  const s = new Int32Array(text.length);
  const e = new Int32Array(text.length);
  let k = 0;
  let u = 0;
  for (const ch of text) {
    for (let j = 0; j < ch.length; j++) {
      s[u] = start[k]!;
      e[u] = end[k]!;
      u++;
    }
    k++;
  }
  return { text, start: s, end: e };
}

/** Maps a span of the normalized text to the span of the original text it came from. */
export function toOriginal(norm: Normalized, from: number, to: number): Span {
  if (to <= from) {
    const at = from < norm.start.length ? norm.start[from]! : (norm.end[norm.end.length - 1] ?? 0);
    return { start: at, end: at };
  }
  return { start: norm.start[from]!, end: norm.end[to - 1]! };
}
