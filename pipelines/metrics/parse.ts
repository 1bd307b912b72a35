/**
 * Cells of monthly reports as officials write them: months (2020-03, 2020年3月, 2020/3, 202003, Excel date
 * serials) and numbers (1,234.5, full-width digits). Each parser returns the value or null; the importer says why.
 */
import { simplify } from '../normalize/chars.ts';

/** Full-width digits and punctuation → ASCII (０-９, ．, ，, －, ／). */
export const ascii = (s: string) =>
  s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/**
 * A header cell as it is read: full-width forms as ASCII, a line break typed inside the cell (Alt+Enter:
 * 快递\n业务量（万件）) no part of its name, and in Simplified characters (縣區 is 县区, 網絡零售額（萬元） 网络零售额（万元）),
 * as the vocabulary writes them.
 */
export const headerCell = (c: string) =>
  simplifiedText(
    ascii(c)
      .replace(/\s*[\r\n]+\s*/g, '')
      .trim(),
  );

/** A text in Simplified characters (網絡零售額 → 网络零售额, 萬元 → 万元), as the vocabulary writes it. */
export const simplifiedText = (s: string) =>
  Array.from(s, (ch) => (ch < '\u3400' || KEPT.has(ch) ? ch : simplify(ch))).join('');

/**
 * Characters of Simplified text that the Traditional-to-Simplified table changes all the same: 乾 (乾安县, 乾县) would
 * be 干.
 */
const KEPT = new Set(['乾']);

const DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const MONTH: Record<string, string> = { 十: '10', 十一: '11', 十二: '12' };

/**
 * Years and months in Chinese numerals as Arabic ones: 二〇二三年 → 2023年, 三月 → 3月, 十二月份 → 12月份 (not 十三月,
 * which stays no month); anything else as written.
 */
export const arabicDates = (s: string) =>
  s
    .replace(/([〇零一二三四五六七八九]{4})(?=\s*年)/g, (y) => [...y].map((c) => DIGIT[c]).join(''))
    .replace(
      /(?<![一二三四五六七八九十])(十[一二]?|[一二三四五六七八九])(?=\s*月)/g,
      (m) => MONTH[m] ?? DIGIT[m]!,
    )
    // (and days, so that a date is seen as one: 四月五日 → 4月5日, 三十一日 → 31日)
    .replace(/(?<=月\s*)([一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*日)/g, (d) => {
      const [tens, ones] = d.includes('十') ? d.split('十') : ['', d];
      return String((d.includes('十') ? Number(DIGIT[tens!] ?? 1) * 10 : 0) + Number(DIGIT[ones!] ?? 0));
    });

const ym = (year: number, month: number) =>
  year >= 1990 && year <= 2100 && month >= 1 && month <= 12
    ? `${year}-${String(month).padStart(2, '0')}`
    : null;

/** Excel's day 0 is 1899-12-30 (it counts 1900-02-29, which did not exist). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A cell naming several months, not one: 1-2月 (reported together, as January and February often are), 2023年1—3月,
 * 2023/4-6, 一季度, 上半年, Q3, Q1 2023, 2023H1. A date (2023-01-15) is none.
 */
const PERIOD =
  /^(?:(?:19|20)\d{2}\s*年?\s*)?(?:\d{1,2}\s*月?份?\s*[-–—－~～至到]\s*(?:\d{1,2}|本)\s*月份?(?:累计)?|第?\s*[1-4一二三四]\s*季度?|[上下]半年|全年)$|^(?:19|20)\d{2}\s*[/.]\s*\d{1,2}\s*-\s*\d{1,2}$|^(?:(?:19|20)\d{2}\s*[-/]?\s*)?(?:Q[1-4]|H[12])$|^(?:Q[1-4]|[1-4]Q|H[12])\s*[-/]?\s*(?:19|20)\d{2}$/i;

/** Whether a cell names several months (1-2月, 一季度). */
export const isPeriod = (raw: string) => PERIOD.test(arabicDates(ascii(raw).trim()));

/**
 * A subtotal in a month cell: 合计, 小计, 总计, 共计, 累计 alone or after a period (一季度合计, 第一季度小计, 上半年合计,
 * 1-3月合计): the sum of several months, as a period is.
 */
const PERIOD_TOTAL =
  /^(?:第?[1-4一二三四]季度|[上下]半年|全年|\d{1,2}月?份?[-–—－~～至到]\d{1,2}月份?)?(?:总?合计|总计|小计|共计|累计)[:：]?$/;

/** Why a month cell that is no month is rejected: several months (period_not_month), YYYY.1, or not a month. */
export const monthFault = (raw: string): 'period_not_month' | 'ambiguous_month' | 'bad_month' =>
  ambiguousMonth(raw)
    ? 'ambiguous_month'
    : isPeriod(raw) || PERIOD_TOTAL.test(arabicDates(ascii(raw)).replace(/\s/g, ''))
      ? 'period_not_month'
      : 'bad_month';

/**
 * Whether a month is YYYY.1, which Excel shows both for January typed as 2020.1 and for October typed as the number
 * 2020.10 (trailing zeros dropped), so that it cannot be read.
 */
export function ambiguousMonth(raw: string): boolean {
  const m = /^(\d{4})\.1$/.exec(ascii(raw).trim());
  return m !== null && ym(Number(m[1]), 1) !== null;
}

/** A month as YYYY-MM, or null (also for the ambiguous YYYY.1). Dates are read as their month (2020-03-15 → 2020-03). */
export function parseMonth(raw: string): string | null {
  if (ambiguousMonth(raw)) return null;
  const s = arabicDates(ascii(raw).trim());
  // a day may follow with the month's own separator (2023-03-15, 2023/3/15, 2023年3月15日), and a time of day, as
  // Excel writes a date cell into a CSV (2023/7/1 0:00); 2023/4-6 and 2023.1-3 are periods, no month
  const dated =
    /^(\d{4})\s*([-/.])\s*(\d{1,2})(?:\s*\2\s*(\d{1,2}))?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s) ??
    /^(\d{4})\s*(年)\s*(\d{1,2})\s*(?:月份?)?(?:\s*(\d{1,2})\s*日)?$/.exec(s);
  if (dated) {
    const [, year, , month, day] = dated;
    // (a day the month has not, 2023-02-29 or 4月31日, makes it no date)
    const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (day !== undefined && (Number(day) < 1 || Number(day) > days)) return null;
    return ym(Number(year), Number(month));
  }
  let m = /^(\d{4})(\d{2})$/.exec(s);
  if (m) return ym(Number(m[1]), Number(m[2]));
  // an Excel date serial: 36526 is 2000-01-01, 73050 is 2099-12-31
  m = /^(\d{5})(?:\.\d+)?$/.exec(s);
  if (m && Number(m[1]) >= 32874 && Number(m[1]) <= 73050) {
    const d = new Date(EXCEL_EPOCH + Number(m[1]) * 86_400_000);
    return ym(d.getUTCFullYear(), d.getUTCMonth() + 1);
  }
  return null;
}

/** Spaces that group digits as a space does (no-break, thin, narrow no-break), and invisible ones (zero-width). */
const GROUP_SPACE = /[\u00a0\u2009\u202f]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060]/g;

/**
 * The significant digits a number cell writes (its digits, leading and trailing zeros aside): a double keeps 15
 * exactly, so that a cell with more (9007199254740993) would be published as another number (…992).
 */
export const significantDigits = (raw: string) =>
  ascii(raw)
    .replace(/\D/g, '')
    .replace(/^0+|0+$/g, '').length;

/** A number as written in a report: 1,234.5 / １２３４ / 1 234 (a no-break space too); null when it is not one. */
export function parseValue(raw: string): number | null {
  const s = ascii(raw)
    .replace(ZERO_WIDTH, '')
    .replace(GROUP_SPACE, ' ')
    .trim()
    .replace(/^([+-]?)\s+/, '$1');
  if (!/^[+-]?(?:\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/.test(s)) return null;
  const v = Number(s.replace(/[, ]/g, ''));
  return Number.isFinite(v) ? v : null;
}
