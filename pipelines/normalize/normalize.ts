import { type LineSoFar, startsHeading } from './breaks.ts';
import { isInvisible, isSpace, isWide, matchingForm } from './chars.ts';
import { entityAt, markupAt } from './markup.ts';
import { addSpace, noSpace, type SpaceRun, separator, spaceKind } from './spaces.ts';

export { isInvisible } from './chars.ts';
export { decodeEntities } from './markup.ts';

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

/** The normalized text written so far, with its map, and what the next separator depends on. */
interface Writer {
  readonly original: string;
  readonly out: string[];
  readonly start: number[];
  readonly end: number[];
  /** the whitespace and markup read since the last visible character */
  run: SpaceRun;
  /** the line of the original being read */
  line: LineSoFar;
  /** the last visible character written, and whether it is wide */
  prevChar: string;
  prevWide: boolean;
  /** how many table cells (<td>, <th>) the markup read so far has open */
  cells: number;
}

/** Writes a piece of normalized text that came from `original.slice(from, to)`. */
function write(w: Writer, text: string, from: number, to: number): void {
  w.out.push(text);
  w.start.push(from);
  w.end.push(to);
}

/** Writes the pending run of whitespace and markup as its separator, before the visible character at `at`. */
function flushSpace(w: Writer, at: number, nextWide: boolean): void {
  const { run } = w;
  if (!run.any) return;
  if (w.out.length > 0) {
    const { original, prevChar, prevWide, line } = w;
    const sep = separator(run, { original, to: at, prevChar, prevWide, nextWide, line });
    // a tab makes the line a table row
    if (sep === '\t') w.line.hasTab = true;
    if (sep) write(w, sep, run.start, at);
  }
  // every line break of the original starts a line, joined or kept (a short line is short as written); so does
  // the whitespace before the first visible character
  if (run.newline || w.out.length === 0)
    w.line = { length: 0, hasTab: false, isHeading: startsHeading(w.original, at) };
  w.run = noSpace();
}

/** Reads an entity: a space, an invisible character (removed like the character itself, &#8203;) or a character. */
function readEntity(w: Writer, at: number, entity: { length: number; value: string }): void {
  const { value } = entity;
  if (value.trim() === '') addSpace(w.run, at, 'space');
  else if (!isInvisible(value.codePointAt(0)!)) {
    flushSpace(w, at, false);
    write(w, value, at, at + entity.length);
    w.prevWide = false;
    w.prevChar = value;
  }
}

/** Reads a visible character in the form it is matched in. */
function readChar(w: Writer, at: number, cp: number, length: number): void {
  const wide = isWide(cp);
  flushSpace(w, at, wide);
  const ch = matchingForm(cp, w.original.slice(at, at + length));
  write(w, ch, at, at + length);
  w.prevWide = wide;
  w.prevChar = ch;
  w.line.length++;
}

/**
 * A line that is only a page number, as a PDF exported from Word prints it in its footer (— 3 —, - 3 -, 第 3 页,
 * 第3页 共12页), after the line break at the start of the match: read as part of the break, so that a number and
 * its unit on either side of it stay one phrase (350 / — 3 — / 万元).
 */
const PAGE_NUMBER_LINE =
  /\n[ \t\u00a0\u3000]*(?:[-—–－]{1,2}[ \u3000]*\d{1,4}[ \u3000]*[-—–－]{1,2}|第[ \u3000]*\d{1,4}[ \u3000]*页(?:[ \u3000]*[共/／][ \u3000]*\d{1,4}[ \u3000]*页?)?)[ \t\u00a0\u3000]*(?=\r?\n)/y;

/** Reads the markup, entity, whitespace or character at `at`; the offset after it. */
function step(w: Writer, at: number): number {
  const cp = w.original.codePointAt(at)!;
  const length = cp > 0xffff ? 2 : 1;
  if (cp === 0x0a /* \n */) {
    PAGE_NUMBER_LINE.lastIndex = at;
    if (PAGE_NUMBER_LINE.test(w.original)) {
      addSpace(w.run, at, 'newline');
      return PAGE_NUMBER_LINE.lastIndex;
    }
  }
  if (cp === 0x3c /* < */ || cp === 0x2a /* * */ || cp === 0x5f /* _ */) {
    const markup = markupAt(w.original, at);
    if (markup) {
      w.cells = Math.max(0, w.cells + markup.cell);
      // a list item is a line of its own, except in a table cell or a row of cells apart by tabs (乳源 附件3): a
      // list in a cell stays in its row
      const inRow = w.cells > 0 || w.line.hasTab || w.run.tab;
      addSpace(w.run, at, markup.block || (markup.list && !inRow) ? 'hard' : 'space');
      return at + markup.length;
    }
  }
  if (cp === 0x26 /* & */) {
    const entity = entityAt(w.original, at);
    if (entity) {
      readEntity(w, at, entity);
      return at + entity.length;
    }
  }
  if (isSpace(cp)) addSpace(w.run, at, spaceKind(cp));
  else if (!isInvisible(cp)) readChar(w, at, cp, length);
  return at + length;
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
  const w: Writer = {
    original,
    out: [],
    start: [],
    end: [],
    run: noSpace(),
    line: { length: 0, hasTab: false, isHeading: false },
    prevWide: false,
    cells: 0,
    prevChar: '',
  };
  for (let at = 0; at < original.length; ) at = step(w, at);
  const text = w.out.join('');
  // Characters outside the BMP are two UTF-16 units: expand the maps to units.
  if (text.length !== w.start.length) return expandToUnits(text, w.start, w.end);
  return { text, start: Int32Array.from(w.start), end: Int32Array.from(w.end) };
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
