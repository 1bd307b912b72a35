import type { Extraction } from '../../extract/types.ts';
import { applicability, type Rule } from '../../reference/rules.ts';
import { type Finding, spanOf } from '../finding.ts';
import type { Place } from '../place.ts';
import { type RuleContext, ruleContext } from './context.ts';

/**
 * The finding of a rule that does not apply to the document (another year, level or province) or that cannot be
 * told to apply (not_enough_data); null when the rule applies and its kind's check is to run.
 */
export function inapplicable(
  rule: Rule,
  x: Extraction,
  place: Place | null,
  context: RuleContext = ruleContext(rule),
): Finding | null {
  const f = x.fields;
  const when = applicability(rule, {
    year: f.program_year?.value ?? null,
    level: f.program_level?.value ?? null,
    province: place?.province ?? null,
  });
  if (when.status === 'applies') return null;
  const not = when.status === 'not_applicable';
  return {
    ...context.base,
    severity: 'info',
    status: when.status,
    message_zh: `${not ? '不适用' : '无法判断是否适用'}：${when.zh}。规则：${rule.rule_zh}`,
    message_en: `${not ? 'Not applicable' : 'Cannot tell whether it applies'}: ${when.en}. Rule: ${rule.rule_en}`,
    evidence: [f.program_year, f.program_level].filter((c) => c !== null).map(spanOf),
  };
}
