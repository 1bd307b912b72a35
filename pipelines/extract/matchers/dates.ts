import type { Doc } from '../../normalize/doc.ts';
import { parseNumber } from '../numbers.ts';
import type { Phase } from '../types.ts';

const YEAR = String.raw`((?:19|20)\d\d|[二][〇零][一二三四五六七八九〇零]{2})`;
const MONTH = String.raw`(\d{1,2}|十[一二]?|[一二三四五六七八九])`;
const DAY = String.raw`(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])`;
/** A full date: 2019年11月20日 (Arabic or Chinese numerals), or 2019-11-20 / 2019.11.20. */
export const DATE = new RegExp(
  `${YEAR}年${MONTH}月${DAY}日|((?:19|20)\\d\\d)[-./](\\d{1,2})[-./](\\d{1,2})`,
  'g',
);
/** A month range: 2019年10月-2021年3月, 2019年10月至12月, (2020年1月—2020年12月). */
const MONTH_RANGE = new RegExp(
  `${YEAR}年${MONTH}月(?:份)?\\s*(?:-|—|–|－|~|～|至|到)+\\s*(?:${YEAR}年)?${MONTH}月`,
  'g',
);
const DEADLINE = new RegExp(`${YEAR}年${MONTH}月(?:底|末)?(?:前|以前|之前)`, 'g');

const pad = (n: number) => String(n).padStart(2, '0');
const year = (s: string) => parseNumber(s);

/** Reads a full date as YYYY-MM-DD, or null when it is not a valid calendar date. */
export function isoDate(m: RegExpMatchArray): string | null {
  const y = year(m[1] ?? m[4]!);
  const mo = parseNumber(m[2] ?? m[5]!);
  const d = parseNumber(m[3] ?? m[6]!);
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** A month range in the normalized text: start and end as YYYY-MM, with the normalized span. */
export interface MonthRange {
  start: string;
  end: string;
  nstart: number;
  nend: number;
}

/** Finds month ranges (2019年10月-2021年3月) in a piece of normalized text starting at offset `at`. */
function monthRanges(text: string, at = 0): MonthRange[] {
  const out: MonthRange[] = [];
  for (const m of text.matchAll(MONTH_RANGE)) {
    const y1 = year(m[1]!);
    const m1 = parseNumber(m[2]!);
    const y2 = m[3] ? year(m[3]) : y1;
    const m2 = parseNumber(m[4]!);
    if (y1 === null || m1 === null || y2 === null || m2 === null || m1 > 12 || m2 > 12 || m1 < 1 || m2 < 1)
      continue;
    const start = `${y1}-${pad(m1)}`;
    const end = `${y2}-${pad(m2)}`;
    if (end < start) continue;
    out.push({ start, end, nstart: at + m.index, nend: at + m.index + m[0].length });
  }
  return out;
}

/** The overall implementation period when the plan states it (项目实施期限 2019年10月-2021年3月). */
export function statedPeriod(doc: Doc): MonthRange | null {
  const cue = /(?:实施|建设|执行|项目)(?:期限|周期|期间)|实施期为|建设期为/g;
  for (const m of doc.text.matchAll(cue)) {
    const window = doc.text.slice(m.index, m.index + 40);
    const r = monthRanges(window, m.index)[0];
    if (r && !/阶段/.test(doc.text.slice(m.index, r.nstart))) return r;
  }
  return null;
}

/**
 * The plan's phases (实施步骤): a heading or line naming a …阶段 with a month range
 * (“（一）启动阶段（2019年12月-2020年3月）”), or a …阶段 heading followed by deadlines (“2022年6月前”),
 * in which case the phase has only an end.
 */
export function phases(doc: Doc): Phase[] {
  const out: Phase[] = [];
  const lines = doc.lines;
  const NAME =
    /^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、])?\s*([^\s()（）:：。,，、]{1,14}?阶段)/;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const named = NAME.exec(line.text);
    if (!named || line.text.length > 80) continue;
    const nameStart = line.start + named.index + named[0].length - named[1]!.length;
    const name = named[1]!;
    const range = monthRanges(line.text, line.start)[0];
    if (range) {
      const span = doc.span(nameStart, range.nend);
      out.push({ name, startMonth: range.start, endMonth: range.end, start: span.start, end: span.end });
      continue;
    }
    // a phase heading followed by rows with deadlines, until the next phase heading
    let last: { month: string; nend: number } | null = null;
    for (let j = i + 1; j < lines.length && j < i + 40; j++) {
      if (NAME.test(lines[j]!.text) && /阶段/.test(lines[j]!.text.slice(0, 20))) break;
      for (const d of lines[j]!.text.matchAll(DEADLINE)) {
        const y = year(d[1]!);
        const mo = parseNumber(d[2]!);
        if (y === null || mo === null || mo > 12) continue;
        const month = `${y}-${pad(mo)}`;
        if (!last || month >= last.month) last = { month, nend: lines[j]!.start + d.index + d[0].length };
      }
    }
    if (last && line.text.replace(NAME, '').replace(/[\s\t]/g, '').length < 4) {
      const span = doc.span(nameStart, nameStart + name.length);
      out.push({ name, startMonth: null, endMonth: last.month, start: span.start, end: span.end });
    }
  }
  // the same phase listed twice (text and table) is kept once
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${p.name}|${p.startMonth}|${p.endMonth}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
