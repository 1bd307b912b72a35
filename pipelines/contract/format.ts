/**
 * Numbers, money, months and dates as readers expect them, with Intl doing the work: 万元 / 亿元 in Chinese,
 * ¥ million in English, 2019年10月 / Oct 2019, a share with its bound (≥ 50%). One place for the pipeline's messages
 * and the site.
 */
import { COMPARATOR } from './vocab.ts';

/** Up to `digits` decimals, trailing zeros dropped, thousands grouped: 2,200 / 1.25 / 35.5. */
const number = (digits: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, useGrouping: true });
const upTo2 = number(2);

/** An amount in yuan as Chinese readers expect it: 2,200万元, 1.2亿元, 8,000元. */
export function yuanZh(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '—';
  const abs = Math.abs(yuan);
  if (abs >= 1e8)
    return `${number(2)
      .format(yuan / 1e8)
      .replaceAll(',', '')}亿元`;
  if (abs >= 1e4) return `${upTo2.format(yuan / 1e4)}万元`;
  return `${group(String(yuan))}元`;
}

/** An amount in yuan for English readers: ¥22 million, ¥850,000. */
export function yuanEn(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '—';
  if (Math.abs(yuan) >= 1e6) return `¥${upTo2.format(yuan / 1e6).replaceAll(',', '')} million`;
  return `¥${group(String(yuan))}`;
}

/** A number written as text with thousands separators (1,500; 1,500.25), its decimals kept as written. */
export function group(s: string): string {
  const [int, frac] = s.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A share as a percentage: 0.355 → 35.5%. */
export function percent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${number(digits)
    .format(share * 100)
    .replaceAll(',', '')}%`;
}

/** A bound with its comparator: (≥, 0.5) → ≥ 50%; an unknown comparator gives the share alone. */
export function bound(comparator: string | null, share: number, digits = 0): string {
  const symbol =
    comparator && Object.hasOwn(COMPARATOR, comparator)
      ? COMPARATOR[comparator as keyof typeof COMPARATOR].zh
      : '';
  return symbol ? `${symbol} ${percent(share, digits)}` : percent(share, digits);
}

/** Money in a language: 万元 / 亿元 in Chinese, ¥ million in English. */
export const money = (lang: 'zh' | 'en', yuan: number | null | undefined): string =>
  lang === 'zh' ? yuanZh(yuan) : yuanEn(yuan);

const ZH = {
  month: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  date: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};
// English months as US English abbreviates them (Sep, not the British Sept), in the British order: 20 Nov 2019
const EN_MONTH = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });

/** A month (YYYY-MM) in a language: 2019年10月, Oct 2019. */
export function monthLabel(lang: 'zh' | 'en', ym: string | null | undefined): string {
  if (!ym) return '—';
  const t = Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1, 1);
  return lang === 'zh' ? ZH.month.format(t) : `${EN_MONTH.format(t)} ${ym.slice(0, 4)}`;
}

/** A date (YYYY-MM-DD) in a language: 2019年11月20日, 20 Nov 2019. */
export function dateLabel(lang: 'zh' | 'en', ymd: string | null | undefined): string {
  if (!ymd) return '—';
  const t = Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10)));
  return lang === 'zh'
    ? ZH.date.format(t)
    : `${Number(ymd.slice(8, 10))} ${EN_MONTH.format(t)} ${ymd.slice(0, 4)}`;
}
