/**
 * A finding, the one shape every check returns, and the small builders the checks share. Severity and status are
 * the contract's vocabulary (findings.severity, findings.status), so a finding can only say what the tables hold.
 */
import type { Severity, Status } from '../contract/vocab.ts';

export type { Severity, Status };

/** A fact about a document found by checking its facts against each other. */
export interface Finding {
  check: string;
  severity: Severity;
  status: Status;
  /** what the finding is about: an item id, a metric, a fund source */
  subject: string;
  message_zh: string;
  message_en: string;
  numerator: number | null;
  denominator: number | null;
  threshold: number | null;
  /** how the value is bounded by the threshold: at least (>=) or at most (<=); null without a threshold */
  comparator?: '>=' | '<=' | null;
  /** the spans used as evidence, the first being the main one */
  evidence: { start: number; end: number }[];
  /** the rule checked (data/rules), when the finding comes from one */
  rule_id?: string | null;
}

/** A stretch of the document's text, in characters. */
export type Span = { start: number; end: number };

/** The span of a cited fact, without the fact: evidence holds positions only. */
export const spanOf = (s: Span): Span => ({ start: s.start, end: s.end });

/** Whether a value is within a bound, allowing for floating-point error in a computed share. */
export const holds = (value: number, cmp: '>=' | '<=', bound: number): boolean =>
  cmp === '>=' ? value >= bound - 1e-9 : value <= bound + 1e-9;

/** The part of a finding every outcome of a check shares, with no figures and no evidence yet. */
export const base = (check: string, subject: string, rule_id: string | null = null) => ({
  check,
  subject,
  rule_id,
  numerator: null,
  denominator: null,
  threshold: null,
  evidence: [] as Span[],
});
