/**
 * The lookups a data row needs, each resolved once per distinct spelling: the county of a name or code, the month of
 * a cell, the metric of a name and the factor of a unit. The same few recur on every row of a file.
 */
import type { Reference } from '../reference/index.ts';
import { ascii, parseMonth } from './parse.ts';
import type { Reason } from './reasons.ts';
import { isCode, type Metric, metricOf, unitFactor } from './vocabulary.ts';

/** A county cell read: the county's code, or why it names none. */
export type CountyResult = { code: string } | { reason: Reason };

/** County names or codes to county codes (or a reason). */
export type CountyLookup = (raw: string) => CountyResult;

/** County names and codes to codes, resolved once per distinct spelling. */
export function countyLookup(ref: Reference): CountyLookup {
  const cache = new Map<string, CountyResult>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit) return hit;
    const key = ascii(raw).replace(/\s/g, '');
    if (key === '') hit = { reason: 'missing_county' };
    else if (/^\d{6}$/.test(key))
      hit = ref.county.has(key)
        ? { code: key }
        : ref.divisions.prefectures.some((p) => p.code === key)
          ? { reason: 'not_a_county' }
          : { reason: 'unknown_county' };
    else {
      const r = ref.resolve(key);
      hit =
        r.status === 'resolved'
          ? r.division.level === 'county'
            ? { code: r.division.code }
            : { reason: 'not_a_county' }
          : { reason: r.status === 'ambiguous' ? 'ambiguous_county' : 'unknown_county' };
    }
    cache.set(raw, hit);
    return hit;
  };
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
export const monthWithYear = (raw: string, year: string | undefined): string | null =>
  monthOf(raw) ?? (year && /^\s*\d{1,2}\s*月份?\s*$/.test(raw) ? monthOf(`${year}年${raw.trim()}`) : null);

/** metricOf, once per distinct name. */
export const metricCached = memo(metricOf);

const factorCache = new Map<string, number | null>();

/** unitFactor of a metric's unit (a metric named by its code is in its own unit), once per metric, unit and name. */
export const factorOf = (metric: Metric, unit: string, name: string) => {
  const key = `${metric}|${unit}|${name}`;
  let f = factorCache.get(key);
  if (f === undefined) {
    f = unitFactor(metric, unit, isCode(name));
    factorCache.set(key, f);
  }
  return f;
};
