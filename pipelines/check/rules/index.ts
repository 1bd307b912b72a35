/**
 * The rule kinds of data/rules and the check of each. Adding a kind: a file exporting its RuleCheck, a line in
 * RULE_KINDS, and the kind in RULE_CHECKS (pipelines/reference/rules.ts), which the rules loader holds rules to.
 */
import type { Extraction } from '../../extract/types.ts';
import type { Rule } from '../../reference/rules.ts';
import type { Finding } from '../finding.ts';
import type { Place } from '../place.ts';
import { inapplicable } from './applicability.ts';
import { type RuleCheck, ruleContext } from './context.ts';
import { matchingRatio } from './matching-ratio.ts';
import { negativeList } from './negative-list.ts';
import { shareOfCentral } from './share-of-central.ts';

export type { RuleCheck, RuleContext } from './context.ts';

/** A kind of rule, as a rule file names it (check:). */
export type RuleKind = Rule['check'];

/** The check of each kind of rule. */
export const RULE_KINDS: Record<RuleKind, RuleCheck> = {
  matching_ratio: matchingRatio,
  negative_list: negativeList,
  share_of_central: shareOfCentral,
};

/** A rule's finding for a document: whether it applies, and if it does, its kind's check; throws on an unknown kind. */
export function checkRule(rule: Rule, x: Extraction, place: Place | null): Finding {
  // own keys only: a kind named like an Object.prototype member (constructor) is no kind
  const check = Object.hasOwn(RULE_KINDS, rule.check) ? RULE_KINDS[rule.check] : undefined;
  if (!check) throw new Error(`rule ${rule.id}: unknown check ${JSON.stringify(rule.check)}`);
  const context = ruleContext(rule);
  return inapplicable(rule, x, place, context) ?? check(rule, x, place, context);
}
