/**
 * The keep-or-join decision for a line break: a break that ends a paragraph, a heading, a short line or a table row
 * is kept; one inside a sentence (a page break, a wrapped line) is joined.
 */

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
const TITLE_END = /(方案|通知|办法|细则|意见|报告|规划|计划|决定|函|表|公示|公告)$/;

/** A heading line shorter than this keeps its line break (a longer one is prose after a marker). */
const HEADING_LINE = 50;

/** The line of the original text being read: how many visible characters it has, and what kind of line it is. */
export interface LineSoFar {
  /** visible characters: a short line is a heading or a cell, not prose */
  length: number;
  /** whether it is a table row (it has a tab) */
  hasTab: boolean;
  /** whether it starts with a heading marker */
  isHeading: boolean;
}

/** A line break between two visible characters, and what is known of the text around it. */
export interface BreakAt {
  readonly original: string;
  /** where the whitespace holding the break begins in the original */
  readonly from: number;
  /** where the next visible character is */
  readonly to: number;
  /** whether the whitespace held a block tag (<br>, <p>, <tr>…), which always ends a line */
  readonly hard: boolean;
  /** the last visible character before the break, as normalized */
  readonly prevChar: string;
  readonly prevWide: boolean;
  readonly nextWide: boolean;
  readonly line: LineSoFar;
}

/** Whether a sticky pattern matches the original text at `at`. */
function matchesAt(pattern: RegExp, original: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(original);
}

/** Whether an outline heading or list item (一、 （一） 1. ① 附件 第一条) starts at `at`. */
export function startsHeading(original: string, at: number): boolean {
  return matchesAt(HEADING_START, original, at);
}

/**
 * Whether a number ends the line and its unit starts the next (72 / 小时内): one phrase. Not in a table, where a
 * row ends at its line break and the next row may start with a unit (400 / 人才培训).
 */
export function brokenNumber(b: BreakAt): boolean {
  return !b.line.hasTab && /[0-9０-９]/.test(b.prevChar) && matchesAt(UNIT_START, b.original, b.to);
}

/** Whether a line break is kept as one \n (true) or joined (false). */
export function keepBreak(b: BreakAt): boolean {
  if (brokenNumber(b)) return false;
  const { line } = b;
  return (
    b.hard ||
    SENTENCE_END.has(b.prevChar) ||
    startsHeading(b.original, b.to) ||
    line.length < SHORT_LINE ||
    line.hasTab ||
    (line.isHeading && line.length < HEADING_LINE) ||
    TITLE_END.test(b.original.slice(Math.max(0, b.from - 4), b.from)) ||
    (!b.prevWide && !b.nextWide)
  );
}
