/** A plan as DuckDB 0.9 prints it with EXPLAIN, and the check that it only reads. */

import { TABLE_FUNCTIONS } from './tables.ts';
import { no, type Plan } from './verdict.ts';

/**
 * The operators of a plan as DuckDB 0.9 prints it with EXPLAIN (boxes drawn with ┌─┐, the operator's name on the
 * line under each box's top). Text inside a box that looks like a box only adds names, which can only make the
 * check refuse more.
 */
export function planOperators(explain: string): string[] {
  const lines = explain.split('\n');
  const names: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    for (let at = line.indexOf('┌'); at !== -1; at = line.indexOf('┌', at + 1)) {
      const end = line.indexOf('┐', at);
      if (end === -1) break;
      const name = (lines[i + 1] ?? '')
        .slice(at + 1, end)
        .replace(/[│\s]/g, '')
        .trim();
      if (name) names.push(name);
    }
  }
  return names;
}

/** Operators a reading plan is made of: relational operators, the views' Parquet scans, allowed table functions. */
const READING_OPERATORS: ReadonlySet<string> = new Set([
  'PROJECTION',
  'FILTER',
  'HASH_GROUP_BY',
  'PERFECT_HASH_GROUP_BY',
  'UNGROUPED_AGGREGATE',
  'SIMPLE_AGGREGATE',
  'WINDOW',
  'STREAMING_WINDOW',
  'ORDER_BY',
  'TOP_N',
  'LIMIT',
  'STREAMING_LIMIT',
  'LIMIT_PERCENT',
  'STREAMING_SAMPLE',
  'RESERVOIR_SAMPLE',
  'HASH_JOIN',
  'NESTED_LOOP_JOIN',
  'BLOCKWISE_NL_JOIN',
  'PIECEWISE_MERGE_JOIN',
  'IE_JOIN',
  'DELIM_JOIN',
  'LEFT_DELIM_JOIN',
  'RIGHT_DELIM_JOIN',
  'INDEX_JOIN',
  'POSITIONAL_JOIN',
  'ASOF_JOIN',
  'CROSS_PRODUCT',
  'UNION',
  'REC_CTE',
  'RECURSIVE_CTE',
  'CTE',
  'CTE_SCAN',
  'REC_CTE_SCAN',
  'DUMMY_SCAN',
  'COLUMN_DATA_SCAN',
  'CHUNK_SCAN',
  'DELIM_SCAN',
  'EXPRESSION_SCAN',
  'EMPTY_RESULT',
  'UNNEST',
  'INOUT_FUNCTION',
  'PIVOT',
  'RESULT_COLLECTOR',
  'PARQUET_SCAN',
  ...[...TABLE_FUNCTIONS].map((f) => f.toUpperCase()),
]);

/** Checks that a plan only reads: every operator EXPLAIN names is a reading one. */
export function checkPlan(explain: string): Plan {
  const ops = planOperators(explain);
  if (ops.length === 0)
    return no('无法确认该语句只读取数据。', 'The statement could not be shown to only read.');
  const other = ops.find((o) => !READING_OPERATORS.has(o));
  if (other)
    return no(
      `控制台为只读，且只能查询已登记的数据表；该语句包含 ${other}。`,
      `The console is read-only over the registered tables; the statement includes ${other}.`,
    );
  return { ok: true, explain: null };
}
