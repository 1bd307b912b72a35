import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CATEGORIES, type Category, COMPARATORS } from '../extract/types.ts';
import { decodeDocument } from '../read/decode.ts';

export const RULE_CHECKS = ['share_of_central', 'matching_ratio', 'negative_list'] as const;
const SOURCE_STATUSES = ['quoted_in_plan', 'unverified'] as const;

/** One of the programme's quantitative rules, from data/rules/*.yaml. */
export interface Rule {
  id: string;
  check: (typeof RULE_CHECKS)[number];
  program_years: number[];
  program_levels: ('national' | 'provincial')[];
  provinces?: string[] | null;
  comparator?: (typeof COMPARATORS)[number];
  threshold?: number;
  categories?: Category[];
  label_pattern?: string;
  label_exclude?: string;
  terms?: string[];
  rule_zh: string;
  rule_en: string;
  quote: string;
  read_in: string | null;
  notice_number: string | null;
  notice_title: string | null;
  source_status: (typeof SOURCE_STATUSES)[number];
  source_note: string;
  /** where the quote is in read_in's text (set when the rules are read) */
  quote_span?: { start: number; end: number } | null;
}

/**
 * Reads and checks the rule files: required fields, closed lists, a threshold for every bounded check, and the
 * quote found verbatim in the document it was read in. Throws naming the file and the rule.
 */
export function readRules(files: readonly string[], plansDir: string): Rule[] {
  const rules: Rule[] = [];
  for (const file of files) {
    const list = parseYaml(readFileSync(file, 'utf8')) as Rule[] | null;
    if (!Array.isArray(list)) throw new Error(`${file}: expected a list of rules`);
    list.forEach((r, i) => {
      const where = `${file}, rule ${i + 1} (${r?.id ?? 'no id'})`;
      for (const key of [
        'id',
        'check',
        'rule_zh',
        'rule_en',
        'quote',
        'source_status',
        'source_note',
      ] as const)
        if (!r[key]) throw new Error(`${where}: ${key} is required`);
      if (!(RULE_CHECKS as readonly string[]).includes(r.check))
        throw new Error(`${where}: check must be one of ${RULE_CHECKS.join(', ')}`);
      if (!(SOURCE_STATUSES as readonly string[]).includes(r.source_status))
        throw new Error(`${where}: source_status must be one of ${SOURCE_STATUSES.join(', ')}`);
      if (!Array.isArray(r.program_years) || !r.program_years.every(Number.isInteger))
        throw new Error(`${where}: program_years must be a list of years`);
      if (
        !Array.isArray(r.program_levels) ||
        !r.program_levels.every((l) => l === 'national' || l === 'provincial')
      )
        throw new Error(`${where}: program_levels must list national and/or provincial`);
      if (r.check !== 'negative_list') {
        if (
          !r.comparator ||
          !(COMPARATORS as readonly string[]).includes(r.comparator) ||
          r.comparator === '='
        )
          throw new Error(`${where}: comparator must be >= or <=`);
        if (typeof r.threshold !== 'number') throw new Error(`${where}: threshold must be a number`);
      }
      if (r.check === 'share_of_central' && !r.categories && !r.label_pattern)
        throw new Error(`${where}: a share needs categories or a label_pattern`);
      for (const c of r.categories ?? [])
        if (!(CATEGORIES as readonly string[]).includes(c))
          throw new Error(`${where}: unknown category ${c}`);
      if (r.check === 'negative_list' && !r.terms?.length) throw new Error(`${where}: terms are required`);
      if (rules.some((x) => x.id === r.id)) throw new Error(`${where}: duplicate id ${r.id}`);
      r.quote_span = null;
      if (r.read_in) {
        const bytes = readFileSync(join(plansDir, `${r.read_in}.txt`));
        const decoded = decodeDocument(bytes);
        const at = decoded.ok ? decoded.text.indexOf(r.quote) : -1;
        if (at === -1) throw new Error(`${where}: the quote is not in ${join(plansDir, `${r.read_in}.txt`)}`);
        r.quote_span = { start: at, end: at + r.quote.length };
      }
      rules.push(r);
    });
  }
  return rules;
}

/**
 * Whether a rule applies to a document of this programme year, level and province: `applies`, `not_applicable`
 * (another year, level or province), or `not_enough_data` (the document does not say, or its county is unknown).
 */
export function applicability(
  rule: Rule,
  doc: { year: number | null; level: string | null; province: string | null },
): { status: 'applies' | 'not_applicable' | 'not_enough_data'; zh: string; en: string } {
  if (doc.year === null || doc.level === null)
    return {
      status: 'not_enough_data',
      zh: '文件未写明示范年度或级别，无法确定规则是否适用',
      en: 'the document does not state its programme year or level, so whether the rule applies is unknown',
    };
  if (!rule.program_years.includes(doc.year) || !(rule.program_levels as string[]).includes(doc.level))
    return {
      status: 'not_applicable',
      zh: `该规则适用于 ${rule.program_years.join('、')} 年度${rule.program_levels.map((l) => (l === 'national' ? '国家级' : '省级')).join('、')}示范，本文件为 ${doc.year} 年度${doc.level === 'national' ? '国家级' : '省级'}`,
      en: `the rule applies to ${rule.program_levels.join(' and ')} programmes of ${rule.program_years.join(', ')}; this document is ${doc.level}, ${doc.year}`,
    };
  if (rule.provinces?.length) {
    if (!doc.province)
      return {
        status: 'not_enough_data',
        zh: `该规则仅适用于${rule.provinces.join('、')}，而本文件的县未能识别`,
        en: `the rule applies only in ${rule.provinces.join(', ')}, and this document's county is not resolved`,
      };
    if (!rule.provinces.includes(doc.province))
      return {
        status: 'not_applicable',
        zh: `该规则仅适用于${rule.provinces.join('、')}`,
        en: `the rule applies only in ${rule.provinces.join(', ')}`,
      };
  }
  return { status: 'applies', zh: '', en: '' };
}
