import type { Table } from './table.ts';
import { CORRECTIONS, DOCUMENT_FIELDS, DOCUMENT_TEXTS, DOCUMENTS } from './tables/documents.ts';
import { ALLOCATIONS, AMOUNTS, PHASES, PRODUCTS, TARGETS } from './tables/facts.ts';
import { FINDINGS, REVIEW } from './tables/findings.ts';
import { ACHIEVEMENTS, COMMITMENTS, CONTACTS, STATED_SHARES } from './tables/ledger.ts';
import { METRICS_CHECKS, METRICS_MONTHLY, METRICS_REJECTED, PROGRESS } from './tables/metrics.ts';
import { COUNTIES, RULES } from './tables/reference.ts';

/**
 * The published tables: their fields, types, units and keys. One definition drives the Parquet column types,
 * the CSV column order, the row validation and datapackage.json.
 */

export type { Field, FieldType, RowOf, Table } from './table.ts';
export { CORRECTIONS, DOCUMENT_FIELDS, DOCUMENT_TEXTS, DOCUMENTS } from './tables/documents.ts';
export { ALLOCATIONS, AMOUNTS, PHASES, PRODUCTS, TARGETS } from './tables/facts.ts';
export { FINDINGS, REVIEW } from './tables/findings.ts';
export { ACHIEVEMENTS, COMMITMENTS, CONTACTS, STATED_SHARES } from './tables/ledger.ts';
export { METRICS_CHECKS, METRICS_MONTHLY, METRICS_REJECTED, PROGRESS } from './tables/metrics.ts';
export { COUNTIES, RULES } from './tables/reference.ts';

/** The metrics tables, published by `npm run data` and by `npm run data -- --metrics DIR --out DIR`. */
const METRICS_TABLES = [
  METRICS_MONTHLY,
  METRICS_REJECTED,
  METRICS_CHECKS,
] as const satisfies readonly Table[];

/** The plan pipeline's tables, in the order they are published. */
export const PLAN_TABLES = [
  DOCUMENTS,
  DOCUMENT_TEXTS,
  DOCUMENT_FIELDS,
  ALLOCATIONS,
  TARGETS,
  PHASES,
  PRODUCTS,
  COMMITMENTS,
  CONTACTS,
  ACHIEVEMENTS,
  STATED_SHARES,
  AMOUNTS,
  FINDINGS,
  REVIEW,
  CORRECTIONS,
] as const satisfies readonly Table[];

/** Reference tables, published with the plan tables. */
const REFERENCE_TABLES = [COUNTIES, RULES] as const satisfies readonly Table[];

/** Every table `npm run data` publishes. */
export const PUBLISHED_TABLES = [
  ...PLAN_TABLES,
  ...REFERENCE_TABLES,
  ...METRICS_TABLES,
  PROGRESS,
] as const satisfies readonly Table[];

/** The name of a published table. */
export type TableName = (typeof PUBLISHED_TABLES)[number]['name'];

export type Row = Record<string, string | number | boolean | null>;

/**
 * Checks every row of a table against its fields (type, enum, required) and its key (unique), and returns the
 * rows sorted by key. Throws with the table, row and field named on the first problem.
 */
export function checkRows(table: Table, rows: readonly Row[]): Row[] {
  const names = new Set(table.fields.map((f) => f.name));
  rows.forEach((row, i) => {
    for (const key of Object.keys(row)) {
      if (!names.has(key)) throw new Error(`${table.name}: row ${i} has an unknown column “${key}”`);
    }
    for (const f of table.fields) {
      const v = row[f.name] ?? null;
      const where = `${table.name}: row ${i} (${table.primaryKey.map((k) => row[k]).join(', ')}), field ${f.name}`;
      if (v === null) {
        if (f.required) throw new Error(`${where}: required but empty`);
        continue;
      }
      const ok =
        f.type === 'string'
          ? typeof v === 'string'
          : f.type === 'integer'
            ? Number.isSafeInteger(v)
            : f.type === 'number'
              ? typeof v === 'number' && Number.isFinite(v)
              : f.type === 'boolean'
                ? typeof v === 'boolean'
                : f.type === 'date'
                  ? typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
                  : typeof v === 'string' && /^\d{4}-\d{2}$/.test(v);
      if (!ok) throw new Error(`${where}: ${JSON.stringify(v)} is not a ${f.type}`);
      if (f.enum && !f.enum.includes(String(v)))
        throw new Error(`${where}: ${JSON.stringify(v)} is not one of ${f.enum.join(', ')}`);
    }
  });
  const keyOf = (row: Row) => table.primaryKey.map((k) => String(row[k])).join('\u0000');
  const sorted = [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (keyOf(sorted[i]!) === keyOf(sorted[i - 1]!)) {
      throw new Error(
        `${table.name}: duplicate key (${table.primaryKey.join(', ')}) = (${keyOf(sorted[i]!).replaceAll('\u0000', ', ')})`,
      );
    }
  }
  return sorted;
}
