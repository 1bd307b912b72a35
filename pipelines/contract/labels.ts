/**
 * The one-line wording of a fact in Chinese: a document field's value, a target with its comparator. Codes are
 * named by the vocabulary (vocab.ts); money goes through format.ts.
 */
import { group, yuanZh } from './format.ts';
import { COMPARATOR, DOC_TYPE, PROGRAM_LEVEL, TARGET_UNIT, termOf } from './vocab.ts';

/** The programme level in Chinese: 国家级 / 省级. */
const levelLabel = (level: string | null): string =>
  level ? termOf(PROGRAM_LEVEL, level, 'zh', 'the programme levels') : '—';

/** A document field's value as read: 2,200万元 for money, 国家级 for a level, the text otherwise. */
export function fieldValue(field: string, value: string): string {
  if (field.endsWith('_yuan')) return yuanZh(Number(value));
  if (field === 'program_level') return levelLabel(value);
  if (field === 'program_year') return `${value}年`;
  if (field === 'doc_type') return termOf(DOC_TYPE, value, 'zh', 'the document types');
  return value;
}

/** A target's value with its comparator and unit: ≥ 4,000人次, ≤ 48小时, 1个. */
export const targetValue = (t: { value: number; unit: string; comparator: string }): string =>
  targetIn('zh', t);

const SINGULAR: Record<string, string> = { days: 'day', hours: 'hour', people: 'person', times: 'time' };

/**
 * A target's value in a language: ≥ 4,000人次 / ≥ 4,000 person-times, ≤ 48小时 / ≤ 48 hours, 9个 / 9; throws on a
 * unit the vocabulary lacks (TARGET_UNIT), rather than print Chinese on an English page.
 */
export function targetIn(lang: 'zh' | 'en', t: { value: number; unit: string; comparator: string }): string {
  const symbol = termOf(COMPARATOR, t.comparator, lang, 'the comparators');
  const plural = termOf(TARGET_UNIT, t.unit, lang, 'the target units');
  // 1 day, 1 hour, 1 person: English units are plural otherwise
  const unit = t.value === 1 ? (SINGULAR[plural] ?? plural) : plural;
  const space = lang === 'en' && unit && unit !== '%' ? ' ' : '';
  return `${symbol ? `${symbol} ` : ''}${group(String(t.value))}${space}${unit}`;
}
