import type { Extraction } from '../extract/types.ts';
import { base, type Finding, type Span, spanOf } from './finding.ts';

const sameSpan = (a: Span | null, b: Span) => a !== null && a.start === b.start && a.end === b.end;

/** Whether every implementation phase falls within the document's implementation period. */
export function phasesInPeriod(x: Extraction): Finding {
  const f = x.fields;
  const b = base('phases_in_period', 'phases');
  // a period read off the phases themselves is no period to check them against
  const fromPhases = x.phases.some((p) => sameSpan(f.period_start, p) || sameSpan(f.period_end, p));
  if (x.phases.length === 0 || !f.period_start || !f.period_end || fromPhases)
    return {
      ...b,
      severity: 'info',
      status: 'not_enough_data',
      message_zh:
        x.phases.length === 0
          ? '文件中未识别到实施阶段。'
          : '文件未单独写明实施期限（所示期限取自各阶段），无法核对阶段是否在期限之内。',
      message_en:
        x.phases.length === 0
          ? 'No implementation phases were read from the document.'
          : 'The document states no implementation period apart from its phases, so phases cannot be checked against it.',
      evidence: x.phases.map(spanOf),
    };
  const lo = f.period_start.value;
  const hi = f.period_end.value;
  const outside = x.phases.filter(
    (p) => (p.startMonth !== null && p.startMonth < lo) || (p.endMonth !== null && p.endMonth > hi),
  );
  const ok = outside.length === 0;
  return {
    ...b,
    severity: ok ? 'info' : 'review',
    status: ok ? 'pass' : 'fail',
    numerator: outside.length,
    denominator: x.phases.length,
    message_zh: ok
      ? `${x.phases.length} 个实施阶段均在实施期限 ${lo} 至 ${hi} 之内。`
      : `实施期限为 ${lo} 至 ${hi}，阶段 ${outside.map((p) => `“${p.name}”（${p.startMonth ?? '?'} 至 ${p.endMonth ?? '?'}）`).join('、')} 超出该期限。`,
    message_en: ok
      ? `All ${x.phases.length} phases fall within the implementation period ${lo} to ${hi}.`
      : `The implementation period is ${lo} to ${hi}; ${outside.map((p) => `“${p.name}” (${p.startMonth ?? '?'} to ${p.endMonth ?? '?'})`).join(', ')} fall outside it.`,
    evidence: [spanOf(f.period_start), ...(ok ? x.phases : outside).map(spanOf)],
  };
}

/** Whether the document was issued (by month) no later than its first phase with an end month ends. */
export function issuedBeforeFirstPhaseEnd(x: Extraction): Finding {
  const f = x.fields;
  const ends = x.phases
    .filter((p) => p.endMonth !== null)
    .sort((a, b) => (a.endMonth! < b.endMonth! ? -1 : 1));
  const firstEnd = ends[0];
  const d = base('issued_before_first_phase_end', 'issued_on');
  if (!f.issued_on || !firstEnd)
    return {
      ...d,
      severity: 'info',
      status: 'not_enough_data',
      message_zh: !f.issued_on ? '文件未写明印发日期。' : '文件中未识别到有截止月份的实施阶段。',
      message_en: !f.issued_on
        ? 'The document states no date of issue.'
        : 'No implementation phase with an end month was read from the document.',
      evidence: f.issued_on ? [spanOf(f.issued_on)] : [],
    };
  const issued = f.issued_on.value.slice(0, 7);
  const ok = issued <= firstEnd.endMonth!;
  return {
    ...d,
    severity: ok ? 'info' : 'review',
    status: ok ? 'pass' : 'fail',
    message_zh: ok
      ? `文件于 ${f.issued_on.value} 印发，早于第一个阶段“${firstEnd.name}”结束（${firstEnd.endMonth}）。`
      : `文件于 ${f.issued_on.value} 印发，晚于第一个阶段“${firstEnd.name}”的结束时间（${firstEnd.endMonth}）。`,
    message_en: ok
      ? `The document was issued on ${f.issued_on.value}, before its first phase “${firstEnd.name}” ends (${firstEnd.endMonth}).`
      : `The document was issued on ${f.issued_on.value}, after its first phase “${firstEnd.name}” was due to end (${firstEnd.endMonth}).`,
    evidence: [spanOf(f.issued_on), spanOf(firstEnd)],
  };
}

/** Phases inside the implementation period; the document issued before its first phase ends. */
export function dates(x: Extraction): Finding[] {
  return [phasesInPeriod(x), issuedBeforeFirstPhaseEnd(x)];
}
