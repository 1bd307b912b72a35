import type { Extraction } from '../../extract/types.ts';
import type { Finding } from '../finding.ts';

/** A no_facts finding when nothing was read from the document: no funds, targets, phases or products. */
export function facts(x: Extraction): Finding[] {
  const n = x.allocations.length + x.targets.length + x.phases.length + x.products.length;
  if (n > 0) return [];
  return [
    {
      check: 'no_facts',
      severity: 'review',
      status: 'fail',
      subject: 'document',
      message_zh: '未在文件中识别到任何资金、指标、阶段或产品。',
      message_en: 'No funds, targets, phases or products were recognised in this document.',
      numerator: 0,
      denominator: null,
      threshold: null,
      evidence: [],
    },
  ];
}
