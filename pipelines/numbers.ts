/** Regular-expression source matching one number: Arabic (1,500 / 35.5) or Chinese (一百五十, 两, 十五). */
export const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*)`;

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

/**
 * Parses a number as written in a plan: “1,500”, “35.5”, “一百五十”, “两”, “十五”, “二〇二一”.
 * Returns null for anything else (including an empty string).
 */
export function parseNumber(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(s)) return Number(s.replaceAll(',', ''));
  if (!/^[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*$/.test(s)) return null;
  // A run of digits without units is read digit by digit (二〇二一 → 2021).
  if (!/[十百千万]/.test(s)) return Number([...s].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in UNITS) {
      section += (digit ?? 1) * UNITS[c]!;
      digit = null;
    } else if (c === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
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
