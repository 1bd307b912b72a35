/**
 * Checks of a plan's commitments: whether it names a duty to publish (信息公开) and a duty to report (报送),
 * whether a commitment is due before the plan was issued, and whether a share it states matches its amounts. Worded as facts about the plan: a plan that names no
 * disclosure duty may still have one elsewhere (a fund rule), so these are for review.
 */
import type { Extraction } from '../extract/types.ts';
import { base, type Finding } from './finding.ts';

/** Whether the plan states a commitment of a kind: pass with the first as evidence, or fail (review). */
function stated(x: Extraction, kind: 'disclosure' | 'reporting'): Finding {
  const found = x.commitments.filter((c) => c.kind === kind);
  const zh = kind === 'disclosure' ? '信息公开（公开什么、在哪里公开）' : '报送（向谁报送、多久一次）';
  const en = kind === 'disclosure' ? 'to publish (what, and where)' : 'to report (to whom, how often)';
  return {
    ...base(`${kind}_duty`, kind),
    severity: found.length ? 'info' : 'review',
    status: found.length ? 'pass' : 'fail',
    message_zh: found.length
      ? `方案写明了 ${found.length} 项${zh}的责任。`
      : `方案未写明${zh}的责任；可能另见于资金管理办法等文件。`,
    message_en: found.length
      ? `The plan states ${found.length} dut${found.length > 1 ? 'ies' : 'y'} ${en}.`
      : `The plan states no duty ${en}; one may be set in another document, such as a fund rule.`,
    numerator: found.length,
    evidence: found.map((c) => ({ start: c.start, end: c.end })),
  };
}

/** Commitments due before the plan's date of issue: a deadline that had passed when the plan was issued. */
function dueBeforeIssue(x: Extraction): Finding[] {
  const issued = x.fields.issued_on?.value;
  if (!issued) return [];
  return x.commitments
    .filter((c) => (c.dueDate ?? c.dueMonth) !== null && (c.dueDate ?? `${c.dueMonth}-31`) < issued)
    .map((c) => ({
      ...base('due_before_issue', 'commitment'),
      severity: 'review' as const,
      status: 'fail' as const,
      message_zh: `“${c.what}”的期限（${c.dueText}）早于方案印发日期 ${issued}。`,
      message_en: `“${c.what}” is due (${c.dueText}) before the plan was issued on ${issued}.`,
      evidence: [{ start: c.start, end: c.end }],
    }));
}

/** A share the plan states against the share its own amounts give (within half a percentage point). */
function shares(x: Extraction): Finding[] {
  return x.statedShares
    .filter((h) => h.computedPct !== null)
    .map((h) => {
      const agrees = Math.abs(h.pct - h.computedPct!) <= 0.5;
      return {
        ...base('stated_share', h.label),
        severity: agrees ? ('info' as const) : ('review' as const),
        status: agrees ? ('pass' as const) : ('fail' as const),
        message_zh: agrees
          ? `“${h.label}”所述占比 ${h.pct}% 与其金额算得的 ${h.computedPct}% 一致。`
          : `“${h.label}”所述占比 ${h.pct}%，按其金额算得 ${h.computedPct}%。`,
        message_en: agrees
          ? `The stated share of “${h.label}”, ${h.pct}%, matches the ${h.computedPct}% its amount gives.`
          : `The stated share of “${h.label}” is ${h.pct}%; its amount gives ${h.computedPct}%.`,
        numerator: h.computedPct,
        threshold: h.pct,
        evidence: [{ start: h.start, end: h.end }],
      };
    });
}

/** The ledger checks of a plan. */
export function ledgerChecks(x: Extraction): Finding[] {
  return [stated(x, 'disclosure'), stated(x, 'reporting'), ...dueBeforeIssue(x), ...shares(x)];
}
