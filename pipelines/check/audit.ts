import type { Extraction } from '../extract/types.ts';
import type { Rule } from '../reference/rules.ts';
import { villageCoverage } from './coverage.ts';
import { dates } from './dates.ts';
import type { Finding } from './finding.ts';
import type { Place } from './place.ts';
import { checkRule } from './rules/index.ts';

export type { Place } from './place.ts';

/**
 * Checks a document against the programme's rules, the division table and its own dates. Every check that
 * applies yields a finding, including those that cannot be computed (not_enough_data, with the reason).
 * Worded as facts about the document: a rule “in principle” (原则上) not met is for review, not a verdict.
 */
export function audit(x: Extraction, text: string, place: Place | null, rules: readonly Rule[]): Finding[] {
  return [...rules.map((rule) => checkRule(rule, x, place)), villageCoverage(x, text, place), ...dates(x)];
}
