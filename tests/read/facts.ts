/**
 * The facts of a document's reading as comparable values, spans left out: a document in another format (PDF,
 * Word) lays its text out differently, and must give the same facts as the same text saved as .txt.
 */
import {
  ALLOCATIONS,
  DOCUMENTS,
  PHASES,
  PRODUCTS,
  type Row,
  TARGETS,
} from '../../pipelines/contract/schema.ts';
import type { DocResult } from '../../pipelines/plan/plans.ts';
import { rowsOf } from '../helpers.ts';

/** Facts of a result as comparable values, spans left out (the PDF's text is laid out differently). */
export const facts = (r: DocResult) => {
  const pick = (rows: Row[], keys: string[]) => rows.map((row) => keys.map((k) => row[k]).join('|')).sort();
  const d = rowsOf(r, DOCUMENTS)[0]!;
  return {
    document: [
      'doc_type',
      'title',
      'county_code',
      'doc_number',
      'issuer',
      'issued_on',
      'program_year',
      'period_start',
      'period_end',
      'funds_total_yuan',
      'funds_central_yuan',
      'funds_local_yuan',
    ].map((k) => `${k}=${String(d[k]).replace(/\s+/g, '')}`),
    allocations: pick(rowsOf(r, ALLOCATIONS), [
      'label',
      'category',
      'amount_yuan',
      'central_yuan',
      'local_yuan',
      'other_yuan',
    ]).map((s) => s.replace(/\s+/g, '')),
    targets: pick(rowsOf(r, TARGETS), ['metric', 'value', 'unit', 'comparator']),
    phases: pick(rowsOf(r, PHASES), ['name', 'start_month', 'end_month']).map((s) => s.replace(/\s+/g, '')),
    products: pick(rowsOf(r, PRODUCTS), ['name']),
  };
};
