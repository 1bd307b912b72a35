/** Regular-expression source matching one number: Arabic (1,500 / 35.5) or Chinese (一百五十, 两, 十五). */
export const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*)`;

/**
 * Regular-expression source matching a Chinese numeral as amounts are written (digits, 十 百 千 万 亿, and 点 before
 * decimal digits: 一亿五千万, 一点五亿), which parseNumber then reads or refuses.
 */
export const CHINESE_NUMERAL =
  '[零〇一二两三四五六七八九十](?:[零〇一二两三四五六七八九十百千万亿]|点(?=[零〇一二三四五六七八九]))*';

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZERO = /[零〇]/;

/**
 * Parses a number as written in a plan (“1,500”, “35.5”, “一百五十”, “两”, “二〇二一”, “一亿五千万”, “一点五亿”), or
 * returns null for anything else, including a Chinese numeral that does not settle one number (一万五 is 15000 in
 * speech and 10005 by the letter).
 */
export function parseNumber(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(s)) return Number(s.replaceAll(',', ''));
  if (!new RegExp(`^(?:${CHINESE_NUMERAL})$`).test(s)) return null;
  const point = s.indexOf('点');
  if (point !== -1) return chineseDecimal(s.slice(0, point), s.slice(point + 1));
  // A run of digits without units is read digit by digit (二〇二一 → 2021).
  if (!/[十百千万亿]/.test(s)) return Number([...s].map((c) => DIGITS[c]).join(''));
  return chineseInteger(s);
}

/** A Chinese integer in sections of 亿 and 万 (一亿五千万 = 1 × 10^8 + 5000 × 10^4), or null. */
function chineseInteger(s: string): number | null {
  const m = /^(?:([^亿]+)亿)?(?:([^亿万]+)万)?([^亿万]*)$/.exec(s);
  if (!m) return null;
  let total = 0;
  let higher = false;
  for (const [part, unit] of [
    [m[1], 1e8],
    [m[2], 1e4],
    [m[3], 1],
  ] as const) {
    if (!part) continue;
    const v = section(part, higher);
    if (v === null) return null;
    total += v * unit;
    higher = true;
  }
  return total;
}

/**
 * One section of a Chinese integer (below 10^4): terms of a digit and 千, 百 or 十, each one step below the one
 * before unless 零 marks the gap (一千零五十), then at most one digit. Null when the section does not settle one
 * number: a unit skipped without 零, as in 一百五 (150 in speech, 105 by the letter) or, after 万 or 亿, 一万五 and
 * 一万五百; units that do not descend (五百千); digits side by side (一五百).
 */
function section(s: string, afterHigher: boolean): number | null {
  let value = 0;
  // the unit of the term before (a section after 万 or 亿 continues from 10^4)
  let last = afterHigher ? 10_000 : Number.POSITIVE_INFINITY;
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (ZERO.test(c)) {
      if (zero || i === s.length - 1 || (!afterHigher && i === 0)) return null;
      zero = true;
      continue;
    }
    const digit = c in DIGITS ? DIGITS[c]! : null;
    const unitChar = digit === null ? c : s[i + 1];
    const unit = unitChar !== undefined && unitChar in UNITS ? UNITS[unitChar]! : 1;
    if (unit === 1 && (digit === null || i !== s.length - 1)) return null;
    // 十 stands alone only at the start of a number (十五, 十万)
    if (digit === null && !(unit === 10 && i === 0 && !afterHigher)) return null;
    const next = last === Number.POSITIVE_INFINITY ? unit : last / 10;
    if (unit >= last || (unit !== next && !zero)) return null;
    value += (digit ?? 1) * unit;
    last = unit;
    zero = false;
    if (digit !== null && unit !== 1) i++;
  }
  return value;
}

/** A Chinese decimal (一点五, 十二点五万, 一点五亿): an integer below 10^4, 点, digits, then 万 or 亿; or null. */
function chineseDecimal(int: string, rest: string): number | null {
  const m = /^([零〇一二三四五六七八九]+)([万亿]?)$/.exec(rest);
  const whole = /[万亿]/.test(int) ? null : parseNumber(int);
  if (!m || whole === null) return null;
  const digits = [...m[1]!].map((c) => DIGITS[c]).join('');
  const unit = m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : 1;
  // in whole numbers, so that 一点一亿 is 110000000 exactly, not 1.1 × 10^8 in floating point
  const tenths = 10 ** digits.length;
  return ((whole * tenths + Number(digits)) * unit) / tenths;
}

/**
 * Reads digits grouped in threes by one separator (“2 000”, “1，234，567”): 1–3 digits, then groups of exactly
 * three, then a decimal part when `decimals` allows it. Returns null for anything else (“20 00”, “2000”).
 */
export function parseGrouped(text: string, separator: string, decimals = true): number | null {
  const [int, frac, ...rest] = text.split('.');
  if (rest.length > 0 || (frac !== undefined && (!decimals || !/^\d+$/.test(frac)))) return null;
  const groups = int!.split(separator);
  if (groups.length < 2 || !/^\d{1,3}$/.test(groups[0]!) || !groups.slice(1).every((g) => /^\d{3}$/.test(g)))
    return null;
  return Number(groups.join('') + (frac === undefined ? '' : `.${frac}`));
}
