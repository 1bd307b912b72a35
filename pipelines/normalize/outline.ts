import type { Doc } from './doc.ts';

/** A heading of the document's outline (一、 （一） 1. （1） ① 附件). */
export interface Heading {
  readonly id: number;
  /** 0 for 附件 (an annex starts a new tree), then 1 (一、) to 5 (①) */
  readonly level: number;
  readonly parent: Heading | null;
  /** normalized range of the label (without the marker) */
  readonly labelStart: number;
  readonly labelEnd: number;
  readonly label: string;
  /** normalized offset where the heading's line starts */
  readonly lineStart: number;
}

const MARKERS: [RegExp, number][] = [
  [/^附(?:件|表)\s*\d*\s*[:：]?/, 0],
  [/^第[一二三四五六七八九十]{1,3}[章部分]/, 1],
  [/^[一二三四五六七八九十]{1,3}[、.]/, 1],
  [/^\([一二三四五六七八九十]{1,3}\)/, 2],
  [/^第[一二三四五六七八九十]{1,3}[节条]/, 2],
  [/^\d{1,2}[.、](?!\d)/, 3],
  [/^\(\d{1,2}\)/, 4],
  [/^[①-⑳]/, 5],
];

/** Reads the outline of a document: its headings in order, each linked to its parent. */
export function outline(doc: Doc): Heading[] {
  const headings: Heading[] = [];
  const stack: Heading[] = [];
  for (const line of doc.lines) {
    const text = line.text;
    for (const [re, level] of MARKERS) {
      const m = re.exec(text);
      if (!m) continue;
      let labelStart = line.start + m[0].length;
      let labelEnd = labelStart + labelLength(text.slice(m[0].length));
      if (labelEnd - labelStart < 1 && level === 0) {
        // “附件3:” alone on its line: the annex's title is the next line
        const next = doc.lines[line.index + 1];
        if (next) {
          labelStart = next.start;
          labelEnd = next.start + labelLength(next.text);
        }
      }
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      const heading: Heading = {
        id: headings.length,
        level,
        parent: level === 0 ? null : (stack[stack.length - 1] ?? null),
        labelStart,
        labelEnd,
        label: doc.text.slice(labelStart, labelEnd),
        lineStart: line.start,
      };
      if (level === 0) stack.length = 0;
      stack.push(heading);
      headings.push(heading);
      break;
    }
  }
  return headings;
}

/** A heading's label runs to the first full stop, colon or semicolon (or 60 characters). */
function labelLength(rest: string): number {
  const stop = rest.search(/[。:;：；\t]/);
  const n = stop === -1 ? rest.length : stop;
  return Math.min(n, 60);
}

/** The innermost heading at or before a normalized offset. */
export function headingAt(headings: readonly Heading[], offset: number): Heading | null {
  let lo = 0;
  let hi = headings.length - 1;
  let found: Heading | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid]!.lineStart <= offset) {
      found = headings[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
