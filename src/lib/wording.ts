/**
 * Facts of the data as each language words them: a target's value with its unit (≥ 4,000人次, ≥ 4,000
 * person-times), a document field's value, and the column of a row that is in the page's language. Chinese is the
 * contract's wording (pipelines/contract/labels.ts) unchanged; English names codes by the vocabulary and units by
 * the dictionary.
 */
import { dateLabel, group, money, monthLabel } from '../../pipelines/contract/format.ts';
import { fieldValue, targetValue } from '../../pipelines/contract/labels.ts';
import { COMPARATOR, MONTHLY_METRIC, MONTHLY_METRICS, termOf } from '../../pipelines/contract/vocab.ts';
import { docTypeName, type Key, type Lang, levelName, t } from '../i18n/index.ts';

// the units a target states (targets.unit): a count (个, 家) is the number alone in English
const UNITS: Record<string, Key | '%' | null> = {
  个: null,
  家: null,
  '%': '%',
  人次: 'unit_person_times',
  人: 'unit_people',
  小时: 'unit_hours',
};

/** A number with a target's unit: 7个 / 7, 48小时 / 48 hours; throws on a unit English has no word for. */
export function withUnit(lang: Lang, number: string, unit: string): string {
  if (lang === 'zh') return `${number}${unit}`;
  if (!Object.hasOwn(UNITS, unit)) throw new Error(`no English for the unit “${unit}” (src/lib/wording.ts)`);
  const key = UNITS[unit]!;
  return key === null ? number : key === '%' ? `${number}%` : `${number} ${t(lang, key)}`;
}

/** A target's value with its comparator and unit: ≥ 4,000人次 / ≥ 4,000 person-times, ≤ 48小时 / ≤ 48 hours. */
export function targetText(lang: Lang, g: { value: number; unit: string; comparator: string }): string {
  if (lang === 'zh') return targetValue(g);
  const symbol = termOf(COMPARATOR, g.comparator, lang, 'the comparators');
  return `${symbol ? `${symbol} ` : ''}${withUnit(lang, group(String(g.value)), g.unit)}`;
}

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
