/**
 * The lookups a data row needs, each resolved once per distinct spelling: the county of a name or code, the month of
 * a cell, the metric of a name and the factor of a unit. The same few recur on every row of a file.
 */
import { simplify } from '../normalize/chars.ts';
import type { Reference } from '../reference/index.ts';
import { type Division, placeAtStart, type Resolution } from '../reference/resolve.ts';
import { arabicDates, ascii, parseMonth, simplifiedText } from './parse.ts';
import type { Reason } from './reasons.ts';
import { isCode, type Metric, metricOf, unitFactor } from './vocabulary.ts';

/** A county cell read: the county's code, or why it names none. */
export type CountyResult = { code: string } | { reason: Reason };

/**
 * County names or codes to county codes (or a reason); `within`, the places a file's title names (丹东市), each
 * followed by its county's code where it is one (宽甸县 210624), for a short name: it is read only as a county of
 * those places.
 */
export type CountyLookup = (raw: string, within?: string) => CountyResult;

/**
 * A county cell without its spaces, a code as its six digits: a county's 12-digit statistical code (469001000000)
 * and a code saved as a number (469001.0) are its code.
 */
const codeKey = (raw: string) =>
  ascii(raw)
    .replace(/\s/g, '')
    .replace(/^(\d{6})(?:000000|\.0+)$/, '$1');

/** Whether a cell is written as a county code (469001, 469001000000, 469001.0), known or not. */
export const isCountyCode = (raw: string) => /^\d{6}$/.test(codeKey(raw));

/**
 * A county cell holding a code and a name, as a county's system exports it (210681 东港市, 210681-东港市,
 * 东港市（210681）, 东港市 210681), split into the two; null for any other cell.
 */
function codeAndName(key: string): { code: string; name: string } | null {
  const first = /^(\d{6}(?:000000)?)[-—–:|/、_]?(\D.*)$/.exec(key);
  if (first) return { code: first[1]!, name: first[2]! };
  const last = /^(\D.*?)(?:\((\d{6}(?:000000)?)\)|【(\d{6}(?:000000)?)】|(\d{6}(?:000000)?))$/.exec(key);
  return last ? { code: (last[2] ?? last[3] ?? last[4])!, name: last[1]! } : null;
}

/** County names and codes to codes, resolved once per distinct spelling. */
export function countyLookup(ref: Reference): CountyLookup {
  const cache = new Map<string, CountyResult>();
  const lookup: CountyLookup = (raw, within = '') => {
    const cached = within ? `${raw}\u0000${within}` : raw;
    let hit = cache.get(cached);
    if (hit) return hit;
    const key = codeKey(raw);
    // a code with its county's name (210681 东港市), or with a short name the reference does not settle alone that
    // is one of its (东港), is the code's county; beside another county's name (210682 东港市) it is
    // county_mismatch, as a name column beside a code column is (rows.ts namesAnother): which is meant cannot be
    // told; beside a name of no county (孤山镇, a township; 合计; 丹东市) the cell names none
    const both = codeAndName(key);
    if (both) {
      const code = lookup(both.code);
      const name = lookup(both.name);
      hit =
        'reason' in code
          ? code
          : 'code' in name
            ? name.code === code.code
              ? code
              : { reason: 'county_mismatch' }
            : name.reason === 'ambiguous_county' && among(ref.resolve(simplifiedText(both.name)), code.code)
              ? code
              : { reason: 'unknown_county' };
    } else if (key === '') hit = { reason: 'missing_county' };
    else if (/^\d{6}$/.test(key))
      hit = ref.county.has(key)
        ? { code: key }
        : ref.divisions.prefectures.some((p) => p.code === key)
          ? { reason: 'not_a_county' }
          : { reason: 'unknown_county' };
    else {
      // the name as written; else in Simplified characters (東港市); else the county that ends a path whose
      // province and prefecture are its own (辽宁省东港市, 丹东市东港市)
      const simplified = [...key].map(simplify).join('');
      let r = ref.resolve(key);
      if (r.status === 'unknown' && simplified !== key) r = ref.resolve(simplified);
      if (r.status === 'unknown') r = alongPath(ref, simplified);
      // a short name (凤山) under a title naming places (丹东市…): only a county of those places, not one
      // elsewhere that happens to bear it (凤山县 of 广西); the title's own place, read as a short name (岫岩县 for
      // 岫岩满族自治县 in 2024年3月岫岩县…), is its county
      const named = within.split(' ');
      // (the title's own county, named short there, 宽甸县, and in full here, 宽甸满族自治县: its code is named)
      const own = (d: Division) => placeNamed(d, within) || named.includes(key) || named.includes(d.code);
      if (within && r.status === 'resolved' && r.via === 'short_name' && !own(r.division))
        r = { status: 'unknown' };
      // a county's full name under such a title, none of its places (东港区 of 日照 under 丹东市, which has a 东港市; 五台县
      // of 山西): perhaps a slip, not read as a county elsewhere
      const outside = within && r.status === 'resolved' && r.division.level === 'county' && !own(r.division);
      // (东港 under 丹东市…: of the counties bearing it, the one of the places named, if one)
      if (within && r.status === 'ambiguous') {
        const named = r.candidates.filter((d) => d.level === 'county' && placeNamed(d, within));
        if (named.length === 1) r = { status: 'resolved', division: named[0]!, via: 'short_name' };
      }
      hit = outside
        ? { reason: 'outside_title_place' }
        : r.status === 'resolved'
          ? r.division.level === 'county'
            ? { code: r.division.code }
            : { reason: 'not_a_county' }
          : r.status === 'unknown' && isProvince(ref, simplified)
            ? { reason: 'not_a_county' }
            : { reason: r.status === 'ambiguous' ? 'ambiguous_county' : 'unknown_county' };
    }
    cache.set(cached, hit);
    return hit;
  };
  return lookup;
}

/** Whether a resolution leaves a name ambiguous among counties one of which is `code`'s (东港: 东港市, 东港区). */
const among = (r: Resolution, code: string) =>
  r.status === 'ambiguous' && r.candidates.some((d) => d.code === code);

/** A province's or prefecture's name without its kind: 辽宁省 → 辽宁, 广西壮族自治区 → 广西, 丹东市 → 丹东. */
const shortName = (name: string) => name.replace(/(?:壮族|回族|维吾尔)?(?:自治区|自治州|地区|盟|省|市)$/, '');

/** Whether a name is a province's, in full or short (辽宁省, 辽宁; 广西壮族自治区, 广西): no county's. */
const isProvince = (ref: Reference, name: string) =>
  [...ref.divisions.provinces.values()].some((p) => p === name || shortName(p) === name);

/** Whether a text names a county's prefecture or province, in full or short (丹东市, 丹东, 辽宁省, 辽宁), or the county. */
function placeNamed(d: Division, text: string): boolean {
  return [d.name, d.prefecture, shortName(d.prefecture), d.province, shortName(d.province)].some(
    (n) => n.length >= 2 && text.includes(n),
  );
}

/**
 * The county a path of names ends in (辽宁省东港市, 辽宁省丹东市东港市, 丹东市东港市), when what comes before it is
 * its own province and prefecture, each at most once and in that order (北京市东港市 is no path to 东港市).
 */
function alongPath(ref: Reference, key: string): Resolution {
  const p = placeAtStart(key);
  if (!p || p.start === 0 || p.end !== key.length) return { status: 'unknown' };
  const r = ref.resolve(p.name, key.slice(0, p.start));
  if (r.status !== 'resolved' || r.division.level !== 'county') return { status: 'unknown' };
  const { province, prefecture } = r.division;
  const prefix = key.slice(0, p.start);
  const own = [province, prefecture].filter(Boolean);
  const paths = [own.join(''), province, prefecture].filter(Boolean);
  return paths.includes(prefix) ? r : { status: 'unknown' };
}

/** A function of a string, computed once per distinct argument (null and undefined results too). */
const memo = <T>(f: (k: string) => T) => {
  const cache = new Map<string, T>();
  return (k: string): T => {
    let v = cache.get(k);
    if (v === undefined && !cache.has(k)) {
      v = f(k);
      cache.set(k, v);
    }
    return v as T;
  };
};

/** parseMonth, once per distinct cell. */
export const monthOf = memo(parseMonth);

/**
 * A month cell, with the year the file's title names when the cell names none (1月, 3月份 under 某县2023年…月报:
 * 2023-01); without a year it is no month, as before: the year is not guessed.
 */
export const monthWithYear = (
  raw: string,
  year: string | undefined,
  /** whether the year is the row's own, its 年份 cell's */
  rowYear = false,
  /** whether a month without 月 (4) is one: beside a 年份 column, or under a header saying month (月份) */
  bare = rowYear,
): string | null => {
  const own = monthOf(raw);
  // (beside a 年份 column, a month cell naming another year than the row's, 2022年3月 beside 2023, is neither's)
  if (own) return rowYear && year && !own.startsWith(`${year}-`) ? null : own;
  return monthInYear(arabicDates(raw), year, bare);
};

const monthInYear = (raw: string, year: string | undefined, bare: boolean) =>
  year && (bare ? /^\s*\d{1,2}\s*(?:月份?)?\s*$/ : /^\s*\d{1,2}\s*月份?\s*$/).test(raw)
    ? monthOf(`${year}年${raw.trim().replace(/月份?$/, '')}月`)
    : null;

/** The year a 年份 cell gives (2023, 2023年, 2023年度), or null when it gives none (去年, empty). */
export const yearOf = (cell: string): string | null =>
  /^\s*((?:19|20)\d{2})\s*(?:年度?)?\s*$/.exec(ascii(cell))?.[1] ?? null;

/** metricOf, once per distinct name, in Traditional characters too (網絡零售額). */
export const metricCached = memo((name) => metricOf(name) ?? metricOf(simplifiedText(name)));

const factorCache = new Map<string, number | null>();

/** unitFactor of a metric's unit (a metric named by its code is in its own unit), once per metric, unit and name. */
export const factorOf = (metric: Metric, unit: string, name: string) => {
  const key = `${metric}|${unit}|${name}`;
  let f = factorCache.get(key);
  if (f === undefined) {
    // (in Traditional characters too: 萬元)
    f = unitFactor(metric, unit, isCode(name)) ?? unitFactor(metric, simplifiedText(unit), isCode(name));
    factorCache.set(key, f);
  }
  return f;
};
