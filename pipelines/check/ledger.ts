/**
 * Checks of a plan's commitments: whether it names a duty to publish (信息公开) and a duty to report (报送), and
 * whether a commitment is due before the plan was issued. Worded as facts about the plan: a plan that names no
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

/** The ledger checks of a plan. */
export function ledgerChecks(x: Extraction): Finding[] {
  return [stated(x, 'disclosure'), stated(x, 'reporting'), ...dueBeforeIssue(x)];
}
