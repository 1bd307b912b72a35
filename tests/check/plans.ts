/**
 * Inputs for the tests of pipelines/check: a small plan text read by the extractor, a rule written out in full,
 * and the division a plan is about. Each test states the text it reads, so its expected finding can be worked
 * out by hand from that text.
 */
import type { Finding } from '../../pipelines/check/finding.ts';
import type { Place } from '../../pipelines/check/place.ts';
import { extract } from '../../pipelines/extract/extract.ts';
import type { Extraction } from '../../pipelines/extract/types.ts';
import type { Rule } from '../../pipelines/reference/rules.ts';
import { type PlanSpec, planText } from '../plan-builder.ts';

/** A plan's text: its title, then its paragraphs, one blank line apart. */
export function planOf(
  paragraphs: readonly string[],
  title = '某某县2019年国家级电子商务进农村综合示范项目实施方案',
): { text: string; x: Extraction } {
  const text = `${[title, ...paragraphs].join('\n\n')}\n`;
  return { text, x: extract(text) };
}

/** A hand-made plan of tests/plan-builder.ts, as text and as the extractor reads it. */
export function specOf(spec: PlanSpec): { text: string; x: Extraction } {
  const text = planText(spec);
  return { text, x: extract(text) };
}

/** A rule of the given kind, 2019 national, with the fields a rules file must have. */
export function ruleOf(r: Partial<Rule> & Pick<Rule, 'check'>): Rule {
  return {
    id: `test_${r.check}`,
    program_years: [2019],
    program_levels: ['national'],
    rule_zh: '测试规则',
    rule_en: 'a test rule',
    quote: '测试规则',
    read_in: null,
    notice_number: null,
    notice_title: null,
    source_status: 'quoted_in_plan',
    source_note: 'made for the tests',
    ...r,
  };
}

/** 琼中黎族苗族自治县 as the audit sees it: a county of Hainan with 100 village committees. */
export const QIONGZHONG: Place = {
  name: '琼中黎族苗族自治县',
  level: 'county',
  province: '海南省',
  village_committees: 100,
};

/** The text each of a finding's evidence spans quotes. */
export const quotes = (text: string, f: Finding): string[] =>
  f.evidence.map((e) => text.slice(e.start, e.end));
