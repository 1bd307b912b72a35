/**
 * The site's words, one dictionary per language (zh.ts, en.ts), with t() to read
 * them, href() for a path in a language, and the names of the data's codes, which come from the contract's
 * vocabulary (pipelines/contract/vocab.ts), never from the dictionaries, so that a code has one wording everywhere.
 * A key missing or empty in either language fails the build here.
 */
import {
  AMOUNT_NOTE,
  CATEGORY,
  DOC_TYPE,
  DOCUMENT_FIELD,
  PROGRAM_LEVEL,
  PROGRESS_MEASURE,
  PROGRESS_STATUS,
  termOf,
} from '../../pipelines/contract/vocab.ts';
import { en } from './en.ts';
import { type Key, zh } from './zh.ts';

const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export type { Key };
/** Both dictionaries, by language. */
export const STRINGS: Record<Lang, Record<Key, string>> = { zh, en };

/** The keys one dictionary has and the other lacks (or leaves empty), as `lang.key`. */
export function missingKeys(strings: Record<string, Record<string, string>>): string[] {
  const keys = new Set(Object.values(strings).flatMap((s) => Object.keys(s)));
  return Object.entries(strings).flatMap(([lang, s]) =>
    [...keys].filter((k) => typeof s[k] !== 'string' || s[k] === '').map((k) => `${lang}.${k}`),
  );
}

// a key present in one language and missing (or empty) in the other fails the build here
const missing = missingKeys(STRINGS);
if (missing.length) throw new Error(`src/i18n: missing or empty: ${missing.join(', ')}`);

/** A UI string; {name} placeholders are filled from vars (one not given stays as written, for the browser). */
export function t(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  const s = STRINGS[lang][key];
  if (s === undefined) throw new Error(`src/i18n: no “${key}” in ${lang}`);
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** A site path in a language: /counties/469001/ or /en/counties/469001/. */
export const href = (lang: Lang, path: string) => (lang === 'zh' ? path : `/en${path}`);

/** The other language of the site. */
export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/** The label of a target metric or progress measure; throws on one the vocabulary lacks. */
export const metricName = (lang: Lang, metric: string): string =>
  termOf(PROGRESS_MEASURE, metric, lang, 'the target metrics and progress measures');

/** The label of a document field; throws on one the vocabulary lacks. */
export const fieldName = (lang: Lang, field: string): string =>
  termOf(DOCUMENT_FIELD, field, lang, 'the document fields');

/** The label of a canonical fund category. */
export const categoryName = (lang: Lang, category: string): string =>
  termOf(CATEGORY, category, lang, 'the fund categories');

/** The wording of a progress status (met, on track…). */
export const progressStatusName = (lang: Lang, status: string): string =>
  termOf(PROGRESS_STATUS, status, lang, 'the progress statuses');

/** Why an amount is not a fund fact, in words. */
export const amountNoteName = (lang: Lang, note: string): string =>
  termOf(AMOUNT_NOTE, note, lang, 'the amount notes');

/** The programme level (国家级 / national), or a dash when the document states none. */
export const levelName = (lang: Lang, level: string | null): string =>
  level ? termOf(PROGRAM_LEVEL, level, lang, 'the programme levels') : '—';

/** The kind of a document (实施方案 / implementation plan). */
export const docTypeName = (lang: Lang, type: string): string =>
  termOf(DOC_TYPE, type, lang, 'the document types');
