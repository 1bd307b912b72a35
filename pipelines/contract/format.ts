/**
 * Number formatting, in one place for the pipeline's messages and the site: 万元 / 亿元 in Chinese,
 * ¥ million in English.
 */

const trim = (s: string) => s.replace(/\.0+$|(\.\d*?)0+$/, '$1');

/** An amount in yuan as Chinese readers expect it: 2,200万元, 1.2亿元, 8,000元. */
export function yuanZh(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '—';
  const abs = Math.abs(yuan);
  if (abs >= 1e8) return `${trim((yuan / 1e8).toFixed(2))}亿元`;
  if (abs >= 1e4) return `${group(trim((yuan / 1e4).toFixed(2)))}万元`;
  return `${group(String(yuan))}元`;
}

/** An amount in yuan for English readers: ¥22.0 million, ¥850,000. */
export function yuanEn(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '—';
  if (Math.abs(yuan) >= 1e6) return `¥${trim((yuan / 1e6).toFixed(2))} million`;
  return `¥${group(String(yuan))}`;
}

/** A number with thousands separators (1,500). */
export function group(s: string): string {
  const [int, frac] = s.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A share as a percentage: 0.355 → 35.5%. */
export function percent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${trim((share * 100).toFixed(digits))}%`;
}

/** Money in a language: 万元 / 亿元 in Chinese, ¥ million in English. */
export const money = (lang: 'zh' | 'en', yuan: number | null | undefined): string =>
  lang === 'zh' ? yuanZh(yuan) : yuanEn(yuan);

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month (YYYY-MM) in a language: 2019年10月, Oct 2019. */
export function monthLabel(lang: 'zh' | 'en', ym: string | null | undefined): string {
  if (!ym) return '—';
  const [y, m] = [Number(ym.slice(0, 4)), Number(ym.slice(5, 7))];
  return lang === 'zh' ? `${y}年${m}月` : `${MONTHS_EN[m - 1]} ${y}`;
}

/** A date (YYYY-MM-DD) in a language: 2019年11月20日, 20 Nov 2019. */
export function dateLabel(lang: 'zh' | 'en', ymd: string | null | undefined): string {
  if (!ymd) return '—';
  const [y, m, d] = [Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)), Number(ymd.slice(8, 10))];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}
