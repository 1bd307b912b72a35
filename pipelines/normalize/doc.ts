import { type Normalized, normalize, type Span, toOriginal } from './normalize.ts';

/** A line of the normalized text. */
export interface Line {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A document prepared for the matchers: the original text, its normalized form and its lines. */
export interface Doc {
  readonly original: string;
  readonly norm: Normalized;
  /** the normalized text (shorthand for norm.text) */
  readonly text: string;
  readonly lines: readonly Line[];
  /** the original span of a normalized range */
  span(from: number, to: number): Span;
  /** the line containing a normalized offset */
  lineAt(offset: number): Line;
}

/** Prepares a document's text for matching. */
export function prepare(original: string): Doc {
  const norm = normalize(original);
  const text = norm.text;
  const lines: Line[] = [];
  let at = 0;
  for (const part of text.split('\n')) {
    lines.push({ index: lines.length, start: at, end: at + part.length, text: part });
    at += part.length + 1;
  }
  const lineAt = (offset: number): Line => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo]!;
  };
  return { original, norm, text, lines, span: (from, to) => toOriginal(norm, from, to), lineAt };
}

/** The original text of a normalized range, with its layout cleaned (spaces between CJK removed) but its characters as written. */
export function asWritten(doc: Doc, from: number, to: number): string {
  const { start, end } = doc.span(from, to);
  return cleanLayout(doc.original.slice(start, end));
}

/** Removes markup and layout whitespace from a piece of original text, keeping its characters. */
function cleanLayout(s: string): string {
  return s
    .replace(/<[^<>]*>|\*\*/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(
      /(?<=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]) (?=\S)|(?<=\S) (?=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])/g,
      '',
    )
    .trim();
}
