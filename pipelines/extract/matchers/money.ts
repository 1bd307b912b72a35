import type { Doc } from '../../normalize/doc.ts';
import { decodeEntities, isInvisible } from '../../normalize/normalize.ts';
import { CHINESE_NUMERAL, parseGrouped, parseNumber } from '../numbers.ts';
import type { FundSource, MoneyMention, RefusalProblem, RefusedAmount } from '../types.ts';

const SCALE: Record<string, number> = { 亿元: 1e8, 亿: 1e8, 万元: 1e4, 万: 1e4, 千元: 1e3, 元: 1 };

/** The largest amount one county's plan can hold: ¥10 billion (the shipped plans state at most ¥36 million). */
export const PLAUSIBLE_YUAN = 1e10;

/**
 * Format characters that survive normalization (bidirectional controls, invisible operators): inside a number
 * they change how its digits display or what they mean, so a number holding one is refused.
 */
const CONTROL = String.raw`\p{Cf}`;
/** Bidirectional marks, embeddings, overrides and isolates. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Embeddings, overrides and isolates that reorder everything after them until closed (U+202C, U+2069). */
const BIDI_OPEN = /[\u202a\u202b\u202d\u202e\u2066-\u2068]/u;
const BIDI_CLOSE = /[\u202c\u2069]/u;
/** Spaces a typesetter puts between thousands on purpose: no-break, figure, thin and narrow no-break space. */
const TYPOGRAPHIC_SPACES = new Set(['\u00a0', '\u2007', '\u2009', '\u202f']);

/**
 * The number part of an amount in Arabic digits: every character that may join digits into one number (. , spaces,
 * ， format characters, an exponent, 亿 万 千 between digits as in 1亿5000万, and a line break after a digit or
 * after such a 亿 before a digit, as a page may break a number), so that a number is never read from its last
 * digits only (1 500万元 is not 500万元, 1亿5000万元 is not 5000万元, 1\n500万元 is not 500万元).
 */
const RUN = String.raw`\d(?:[\d.,]|[ ${CONTROL}]+(?=\d)|，(?=\d)|(?<=\d[亿万千]?)\n(?=\d)|(?<=\d)[亿万千](?=\n?\d)|[eE][+-]?(?=\d))*`;

/**
 * Money amounts: a number followed by 亿元, 万元, 千元 or 元, or by 万 or 亿 when 资金 follows (“1500 万资金”).
 * The number part (group 1) is a RUN, read whole or refused. A Chinese numeral is group 2, with the Arabic digits
 * and unit before it when the two are mixed (1亿五千万元, refused); format characters before the unit, group 3. A
 * number that is part of a longer number or of a document number (〔2019〕50号) is not an amount, because it has no
 * money unit. A match never starts inside such a run (after a digit and a joiner, or inside a Chinese numeral), so
 * that a long run without a unit is scanned once, not once per digit, and no part of a number is read as the whole.
 */
const MONEY = new RegExp(
  String.raw`(?<![\d.,]|\d(?:，|[ ${CONTROL}]+|[亿万千]?\n|[eE][+-]?|[亿万千]))(?:(${RUN})|((?:\d+[亿万千]|(?<![零〇一二两三四五六七八九十百千万亿]))${CHINESE_NUMERAL}))([${CONTROL}]*)(亿元|万元|千元|元|(?:万|亿)(?=(?:的)?(?:资金|经费)))`,
  'gu',
);

/** The money amounts of a document: those read as money and those refused, with why. */
export interface MoneyScan {
  mentions: MoneyMention[];
  refused: RefusedAmount[];
}

/** How one number was read: its value and where it starts, or why it is refused and where the refused part starts. */
type Reading =
  | { value: number; from: number }
  | { problem: RefusalProblem; chars: string[]; from: number; value?: undefined };

/** A bare number as written (a table cell): its value, or why it cannot be read for sure and the characters at fault. */
export type NumberReading = { value: number } | { problem: RefusalProblem; chars: string[] };

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const unique = (xs: string[]) => [...new Set(xs)];

/** The characters of the original text behind normalized characters [from, to) that `pick` selects, as code points. */
function originalChars(doc: Doc, from: number, to: number, pick: (c: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    if (!pick(doc.text[i]!)) continue;
    const { start, end } = doc.span(i, i + 1);
    for (const c of decodeEntities(doc.original.slice(start, end))) out.push(codePoint(c));
  }
  return unique(out);
}

/** The original characters between two normalized digits (a separator as written), markup removed and entities decoded. */
function separatorAt(doc: Doc, i: number): string[] {
  const raw = doc.original.slice(doc.norm.end[i - 1]!, doc.norm.start[i + 1]!);
  return [...decodeEntities(raw.replace(/<[^<>]*>/g, ''))];
}

/** Whether a separator is one typographic space, zero-width characters aside. */
const isTypographic = (sep: string[]) => {
  const visible = sep.filter((c) => !isInvisible(c.codePointAt(0)!));
  return visible.length === 1 && TYPOGRAPHIC_SPACES.has(visible[0]!);
};

/** The embeddings and overrides open at a normalized offset, as code points; asked at increasing offsets. */
type OpenBidi = (at: number) => string[];

/** Paragraph separators of the original text: an embedding or override ends at one, even where normalize joined the lines. */
const PARAGRAPH_END = /[\n\r\u0085\u2029]/;

/** Tracks the embeddings and overrides open in each paragraph, reading the text once. */
function bidiTracker(doc: Doc): OpenBidi {
  // most documents have none
  if (!BIDI_OPEN.test(doc.text)) return () => [];
  let pos = 0;
  let open: string[] = [];
  return (at) => {
    if (at < pos) {
      pos = doc.lineAt(at).start;
      open = [];
    }
    for (; pos < at; pos++) {
      const c = doc.text[pos]!;
      const behind = doc.original.slice(pos > 0 ? doc.norm.end[pos - 1]! : 0, doc.norm.end[pos]!);
      if (PARAGRAPH_END.test(behind)) open = [];
      if (BIDI_OPEN.test(c)) open.push(c);
      else if (BIDI_CLOSE.test(c)) open.pop();
    }
    return unique(open.map(codePoint));
  };
}

/** Reads a run of digits joined by spaces: thousands when every space is typographic and the groups are threes. */
function readSpaced(doc: Doc, from: number, run: string): Reading {
  const seps = [...run].flatMap((c, k) => (c === ' ' ? [separatorAt(doc, from + k)] : []));
  const chars = unique(seps.flat().map(codePoint));
  if (!seps.every(isTypographic)) return { problem: 'ambiguous_space', chars, from };
  const value = parseGrouped(run, ' ');
  return value === null ? { problem: 'irregular_grouping', chars, from } : { value, from };
}

/** Reads a run without spaces, full-width commas or format characters: 1500, 1,500, 35.5. */
function readPlain(doc: Doc, from: number, run: string): Reading {
  const value = parseNumber(run);
  if (value === null) {
    const problem = /,/.test(run) ? 'irregular_grouping' : 'malformed';
    return { problem, chars: originalChars(doc, from, from + run.length, (c) => !/\d/.test(c)), from };
  }
  if (!/^0\d/.test(run)) return { value, from };
  // 000万元 is no way to write an amount: the digits before a separator (1’000) belong to it
  const sep = doc.text[from - 1] ?? '';
  const joined = /[^\p{L}\p{N}\s，、。；;：:！!？?（）()]/u.test(sep) && /\d/.test(doc.text[from - 2] ?? '');
  if (!joined) return { problem: 'leading_zero', chars: [], from };
  let start = from - 1;
  while (start > 0 && /\d/.test(doc.text[start - 1]!)) start--;
  return { problem: 'leading_zero', chars: originalChars(doc, from - 1, from, () => true), from: start };
}

/** Why a number holding format characters (or under an open override) is refused; null when it holds none. */
function controlled(from: number, chars: string, openBidi: OpenBidi): Reading | null {
  const controls = [...chars].filter((c) => /\p{Cf}/u.test(c));
  const open = openBidi(from);
  if (controls.length === 0 && open.length === 0) return null;
  const bidi = open.length > 0 || controls.some((c) => BIDI.test(c));
  return {
    problem: bidi ? 'bidi_control' : 'format_character',
    chars: unique([...open, ...controls.map(codePoint)]),
    from,
  };
}

/**
 * Reads the number part of a money match (normalized text [from, from + run.length), `gap` the format characters
 * between it and its unit, `unit` the unit): read whole, or refused with the problem and the characters at fault.
 */
function readRun(
  doc: Doc,
  from: number,
  run: string,
  gap: string,
  unit: string,
  openBidi: OpenBidi,
): Reading {
  const control = controlled(from, run + gap, openBidi);
  if (control) return control;
  if (/[eE]/.test(run))
    return {
      problem: 'exponent',
      chars: originalChars(doc, from, from + run.length, (c) => /[eE]/.test(c)),
      from,
    };
  // a digit at the end of a line and digits at the start of the next: one number broken by a page, or two numbers
  if (run.includes('\n')) {
    const breaks = [...run].flatMap((c, k) => (c === '\n' ? separatorAt(doc, from + k) : []));
    return { problem: 'line_break', chars: unique(breaks.map(codePoint)), from };
  }
  const comma = run.lastIndexOf('，');
  if (comma !== -1) {
    const value = parseGrouped(run, '，', false);
    if (value !== null) return { value, from };
    // a full-width comma that does not group by three separates two numbers (3000，1500万元)…
    const last = run.slice(comma + 1);
    if (!/^0\d/.test(last)) return readRun(doc, from + comma + 1, last, '', unit, openBidi);
    // …unless what follows it is no number on its own (2，00万元)
    const before = run.lastIndexOf('，', comma - 1) + 1;
    return { problem: 'irregular_grouping', chars: [codePoint('，')], from: from + before };
  }
  if (/[亿万千]/.test(run)) return readCompound(from, run, unit);
  if (run.includes(' ')) return readSpaced(doc, from, run);
  return readPlain(doc, from, run);
}

/** The one compound form the text settles: A亿B万, B a whole number from 1 to 9999 (1亿5000万元, 1亿500万资金). */
const SETTLED_COMPOUND = /^([1-9]\d*)亿([1-9]\d{0,3})$/;

/** The section units (亿 万 千) of a number in parts and of its unit, as code points: what makes it a compound. */
const sectionUnits = (number: string, unit: string) =>
  unique([...(number + unit)].filter((c) => /[亿万千]/.test(c)).map(codePoint));

/**
 * Reads an Arabic number in parts (value in units of `unit`): A亿B万 before 万元 or 万资金 is A × 10^4 + B 万. Any
 * other is refused, its last part never read as the whole: 1万5千元 is 15,000 yuan or 1万5 thousand yuan (千元 is a
 * unit too), 1亿5000元 may have lost its 万, and a decimal (1.5亿5000万) or a second 万 (1万500万) settles nothing.
 */
function readCompound(from: number, run: string, unit: string): Reading {
  const m = SETTLED_COMPOUND.exec(run);
  if (m && (unit === '万元' || unit === '万')) return { value: Number(m[1]) * 1e4 + Number(m[2]), from };
  return { problem: 'compound', chars: sectionUnits(run, unit), from };
}

/**
 * Reads a Chinese numeral with its unit (一亿五千 before 万资金 is 一亿五千万, never 一亿五千 × 10^4), in yuan: refused
 * as a compound when Arabic digits come before it (1亿五千万元), as malformed when it is no one number (一百五万元).
 */
function readChinese(from: number, chinese: string, unit: string): Reading {
  const head = unit.replace(/元$/, '');
  if (/\d/.test(chinese)) return { problem: 'compound', chars: sectionUnits(chinese, head), from };
  const value = parseNumber(chinese + head);
  return value === null ? { problem: 'malformed', chars: [], from } : { value, from };
}

/** Reads one match of MONEY, in yuan; null when it is no amount (a lone Chinese digit before 元 is a word: 二元结构). */
function readMatch(doc: Doc, m: RegExpExecArray, openBidi: OpenBidi): Reading | null {
  const [, run, chinese, gap, unit] = m;
  if (chinese === undefined) {
    const reading = readRun(doc, m.index, run!, gap!, unit!, openBidi);
    return reading.value === undefined
      ? reading
      : { value: reading.value * SCALE[unit!]!, from: reading.from };
  }
  if (chinese.length === 1 && unit === '元' && gap === '') return null;
  return controlled(m.index, gap!, openBidi) ?? readChinese(m.index, chinese, unit!);
}

/** Number characters as the matcher joins them, alone in a cell (a trailing % for a share column). */
const NUMBER_ALONE = new RegExp(`^(?:${RUN})%?$`, 'u');

/**
 * Makes a reader of bare numbers (table cells) by the matcher's rules: 1,500, １，５００ and 1 500 with a thin space
 * are read, a number the matcher would refuse (1,50, or 1 500 with an ordinary space) is refused with the same
 * problem, and a cell that holds no number gives null.
 */
export function numberReader(doc: Doc): (from: number, text: string) => NumberReading | null {
  const openBidi = bidiTracker(doc);
  return (from, text) => {
    if (!NUMBER_ALONE.test(text)) return null;
    const run = text.replace(/%$/, '');
    const reading = readRun(doc, from, run, '', '', openBidi);
    if (reading.value === undefined) return { problem: reading.problem, chars: reading.chars };
    // the matcher reads the last of two numbers a full-width comma separates (3000，1500万元): a cell is one
    if (reading.from !== from) return { problem: 'irregular_grouping', chars: [codePoint('，')] };
    return { value: reading.value };
  };
}

/** An amount in yuan, or why it cannot be one: beyond exact integers (no value), or above the plausible bound. */
export function sized(
  yuan: number,
): { yuan: number } | { problem: 'not_exact' | 'above_bound'; yuan: number | null } {
  if (!Number.isSafeInteger(yuan)) return { problem: 'not_exact', yuan: null };
  if (yuan > PLAUSIBLE_YUAN) return { problem: 'above_bound', yuan };
  return { yuan };
}

/**
 * Finds every money amount in a document's normalized text, in order: those read as money (in yuan) and those
 * refused (a number that cannot be read for sure, or an amount beyond ¥10 billion or beyond exact integers).
 */
export function scanMoney(doc: Doc): MoneyScan {
  const mentions: MoneyMention[] = [];
  const refused: RefusedAmount[] = [];
  const openBidi = bidiTracker(doc);
  for (const m of doc.text.matchAll(MONEY)) {
    const reading = readMatch(doc, m, openBidi);
    if (!reading) continue;
    const nend = m.index + m[0].length;
    const refuse = (
      note: RefusedAmount['note'],
      problem: RefusalProblem,
      chars: string[],
      yuan: number | null,
    ) => {
      const { start, end } = doc.span(reading.from, nend);
      const refusal = { problem, chars: unique(chars), written: doc.original.slice(start, end) };
      refused.push({ yuan, nstart: reading.from, nend, note, refusal });
    };
    if (reading.value === undefined) {
      refuse('unreadable', reading.problem, reading.chars, null);
      continue;
    }
    const size = sized(Math.round(reading.value));
    if ('problem' in size) refuse('implausible', size.problem, [], size.yuan);
    else mentions.push({ yuan: size.yuan, nstart: reading.from, nend, accountedBy: null });
  }
  return { mentions, refused };
}

/** Finds every money amount read as money in a document's normalized text, in order, converted to yuan. */
export function moneyMentions(doc: Doc): MoneyMention[] {
  return scanMoney(doc).mentions;
}

/** Finds every money amount the matcher refuses to read as money, in order, with the reason (see scanMoney). */
export function refusedAmounts(doc: Doc): RefusedAmount[] {
  return scanMoney(doc).refused;
}

/** Fund-source words, most specific first: 自筹 before 县级, 中央 before 财政. */
const SOURCE_WORDS: [RegExp, FundSource][] = [
  [/自筹|社会资本|社会资金|企业投入|企业出资|承办单位|承办企业|银行贷款|群众投/, 'other'],
  [/中央/, 'central'],
  [/省级|省财政|省级财政|省商务|省级专项/, 'provincial'],
  [
    /(?:市|县|区|旗|地方|本级|州)(?:级)?(?:财政|配套|政府配套|自有)|[县市区][(（][市县区旗、]{1,6}[)）](?:级)?(?:财政|配套)|配套资金|地方财政|地方资金|县政府配套|市政府配套|区政府配套|政府配套/,
    'local',
  ],
];

/** The fund source a phrase names (中央财政补助资金 → central), or null. */
export function fundSource(phrase: string): FundSource | null {
  for (const [re, source] of SOURCE_WORDS) if (re.test(phrase)) return source;
  return null;
}
