/**
 * What a rule check is given besides the rule and the document: the part every finding of the rule shares, the
 * caveat of an unverified source, and the two outcomes most checks end in (a bound met or not, or not enough data).
 */
import { percent } from '../../contract/format.ts';
import type { Extraction } from '../../extract/types.ts';
import type { Rule } from '../../reference/rules.ts';
import { base, type Finding, holds, type Span } from '../finding.ts';
import type { Place } from '../place.ts';

const CMP_ZH = { '>=': '不低于', '<=': '不高于' } as const;
const CMP_EN = { '>=': 'at least', '<=': 'at most' } as const;

/** The builders a rule check ends in, bound to one rule. */
export interface RuleContext {
  /** check, subject, rule id and the rule's comparator: the part every finding of the rule shares */
  base: ReturnType<typeof base> & { comparator: '>=' | '<=' | null };
  /** the note a message ends with when the rule's source is not verified, else empty */
  caveat: { zh: string; en: string };
  /** the rule cannot be checked: the document lacks what it needs (zh, en: what is missing) */
  notEnough: (zh: string, en: string, evidence?: Span[]) => Finding;
  /** the rule's bound against a computed value: pass, or fail for review (zh, en: what the value is) */
  bounded: (
    value: number,
    numerator: number,
    denominator: number,
    zh: string,
    en: string,
    evidence: Span[],
  ) => Finding;
}

/** A check of one kind of rule: the rule's finding for a document the rule applies to. */
export type RuleCheck = (rule: Rule, x: Extraction, place: Place | null, context: RuleContext) => Finding;

/** The context of a rule's checks: its shared finding, its caveat and its builders. */
export function ruleContext(rule: Rule): RuleContext {
  // the rule's bound (the rules loader refuses =), published with every finding of the rule
  const comparator = rule.comparator === '<=' ? '<=' : rule.comparator === '>=' ? '>=' : null;
  const b = { ...base(`rule:${rule.check}`, rule.id, rule.id), comparator } as const;
  const unverified = rule.source_status === 'unverified';
  const caveat = {
    zh: unverified ? '（规则出处未经核实，见规则说明）' : '',
    en: unverified ? ' (the rule’s source is not verified; see the rule’s note)' : '',
  };
  const notEnough = (zh: string, en: string, evidence: Span[] = []): Finding => ({
    ...b,
    severity: 'info',
    status: 'not_enough_data',
    threshold: rule.threshold ?? null,
    message_zh: `无法核对“${rule.rule_zh}”：${zh}。`,
    message_en: `Cannot check “${rule.rule_en}”: ${en}.`,
    evidence,
  });
  const bounded = (
    value: number,
    numerator: number,
    denominator: number,
    zh: string,
    en: string,
    evidence: Span[],
  ): Finding => {
    const cmp = rule.comparator as '>=' | '<=';
    const ok = holds(value, cmp, rule.threshold!);
    return {
      ...b,
      severity: ok ? 'info' : 'review',
      status: ok ? 'pass' : 'fail',
      numerator,
      denominator,
      threshold: rule.threshold!,
      message_zh: `${zh}为 ${percent(value)}；规则要求原则上${CMP_ZH[cmp]} ${percent(rule.threshold!, 0)}${ok ? '，符合' : '，未达到'}。${caveat.zh}`,
      message_en: `${en} is ${percent(value)}; the rule asks for ${CMP_EN[cmp]} ${percent(rule.threshold!, 0)} in principle${ok ? ', which this meets' : ', which this does not meet'}.${caveat.en}`,
      evidence,
    };
  };
  return { base: b, caveat, notEnough, bounded };
}
