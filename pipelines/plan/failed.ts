/** The rows of a document that could not be read: a documents row with status error, and a read_error finding. */
import { DOCUMENTS, FINDINGS, PLAN_TABLES, type Row, type Table } from '../contract/schema.ts';
import type { DocResult } from './result.ts';

/** A failed document's rows: its documents row (with the error, naming the file) and one read_error finding. */
export function failedDocument(base: Row, error: string): DocResult {
  const docId = String(base.doc_id);
  const file = String(base.source_file);
  return {
    docId,
    ok: false,
    error,
    rows: new Map<Table, Row[]>([
      ...PLAN_TABLES.map((t): [Table, Row[]] => [t, []]),
      [DOCUMENTS, [{ ...base, status: 'error', error }]],
      [
        FINDINGS,
        [
          {
            doc_id: docId,
            finding_id: 'f001',
            check: 'read_error',
            severity: 'fail',
            status: 'fail',
            subject: 'document',
            message_zh: `无法读取文件 ${file}：${error}`,
            message_en: `Could not read ${file}: ${error}`,
            numerator: null,
            denominator: null,
            threshold: null,
            rule_id: null,
            evidence: '[]',
            span_start: null,
            span_end: null,
            quote: null,
          },
        ],
      ],
    ]),
    facts: 0,
    amounts: 0,
    accounted: 0,
    findings: 1,
  };
}
