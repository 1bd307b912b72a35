/**
 * Facts of the data as each language words them: a target's value with its unit (≥ 4,000人次, ≥ 4,000
 * person-times), a document field's value, and the column of a row that is in the page's language. Chinese is the
 * contract's wording (pipelines/contract/labels.ts) unchanged; English names codes by the vocabulary and units by
 * the dictionary.
 */
import { dateLabel, money, monthLabel } from '../../pipelines/contract/format.ts';
import { fieldValue, targetIn } from '../../pipelines/contract/labels.ts';
import { MONTHLY_METRIC, MONTHLY_METRICS, TARGET_UNIT, termOf } from '../../pipelines/contract/vocab.ts';
import { docTypeName, type Key, type Lang, levelName, metricName, t } from '../i18n/index.ts';

/** A number with a target's unit: 7个 / 7, 48小时 / 48 hours (the contract's TARGET_UNIT). */
export const withUnit = (lang: Lang, number: string, unit: string): string => {
  const word = termOf(TARGET_UNIT, unit, lang, 'the target units');
  return lang === 'en' && word && word !== '%' ? `${number} ${word}` : `${number}${word}`;
};

/** A target's value with its comparator and unit: ≥ 4,000人次 / ≥ 4,000 person-times, ≤ 48小时 / ≤ 48 hours. */
export const targetText = (lang: Lang, g: { value: number; unit: string; comparator: string }): string =>
  targetIn(lang, g);

/** What a target measures: its metric's name, or for a figure outside the vocabulary its label as written. */
export const targetName = (lang: Lang, g: { metric: string; label?: string | null }): string =>
  g.metric === 'other' && g.label ? g.label : metricName(lang, g.metric);

/** A document field's value as read: money, a date, a level or a kind of document by name, the text otherwise. */
export function fieldText(lang: Lang, field: string, value: string): string {
  if (field.endsWith('_yuan')) return money(lang, Number(value));
  if (field === 'issued_on') return dateLabel(lang, value);
  if (field === 'period_start' || field === 'period_end') return monthLabel(lang, value);
  if (lang === 'zh') return fieldValue(field, value);
  if (field === 'program_level') return levelName(lang, value);
  if (field === 'doc_type') return docTypeName(lang, value);
  return value;
}

/** The column of a row in a language: message_zh or message_en, rule_zh or rule_en. */
export const inLanguage = <K extends string>(lang: Lang, row: Record<`${K}_${Lang}`, string>, base: K) =>
  row[`${base}_${lang}`];

// the unit a monthly metric is charted and downloaded in: money in 万元 (¥ million), counts by what they count
const MONTHLY_UNIT: Record<(typeof MONTHLY_METRIC)[keyof typeof MONTHLY_METRIC]['unit'], Key> = {
  yuan: 'chart_money_unit',
  parcels: 'unit_parcels',
  stations: 'unit_stations',
  person_times: 'unit_person_times',
  shops: 'unit_shops',
};

/** Each monthly metric's unit as charts show it and downloads name it: 万元, 件, 人次 / ¥ million, parcels. */
export const monthlyUnits = (lang: Lang): Record<string, string> =>
  Object.fromEntries(MONTHLY_METRICS.map((m) => [m, t(lang, MONTHLY_UNIT[MONTHLY_METRIC[m].unit])]));

/**
 * A document's name: its own title, or, for a document without one, a name this site makes from its county, year
 * and kind (金口河区2018年实施方案 / 金口河区 2018 implementation plan), flagged `made` so pages say it is not the
 * document's.
 */
export function docName(
  lang: Lang,
  d: {
    title: string | null;
    county_name: string | null;
    program_year: number | null;
    doc_type: string | null;
    doc_id: string;
  },
): { text: string; made: boolean } {
  if (d.title) return { text: d.title, made: false };
  const kind = d.doc_type ? docTypeName(lang, d.doc_type) : t(lang, 'document');
  const county = d.county_name ?? '';
  const text =
    d.program_year === null
      ? t(lang, 'doc_made_name', { county, kind })
      : t(lang, 'doc_made_name_year', { county, year: d.program_year, kind });
  return { text: text.trim() || d.doc_id, made: true };
}
