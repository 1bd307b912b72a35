import type { Extraction } from '../extract/types.ts';
import type { Finding } from './finding.ts';
import { amounts } from './validate/amounts.ts';
import { conflicts } from './validate/conflicts.ts';
import { facts } from './validate/facts.ts';
import { sums } from './validate/sums.ts';

export type { Finding, Severity, Status } from './finding.ts';

/**
 * Checks one document's facts: items against their group and against the stated totals (per fund source),
 * one target stated with two values, fund totals stated twice differently, money amounts no fact accounts for, and
 * money amounts refused as unreadable or implausible. Worded as facts about the document, never as accusations.
 */
export function validate(x: Extraction): Finding[] {
  return [...sums(x), ...conflicts(x), ...amounts(x), ...facts(x)];
}
