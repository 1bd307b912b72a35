/**
 * What the SQL console lets the engine run, decided from the engine's own readings of a statement: DuckDB's
 * tokenizer (strings, quoted identifiers, $$…$$ and comments as DuckDB reads them), its catalog (every table
 * function it has) and its plan (EXPLAIN names every operator and scan a statement would run). Pure functions of
 * those readings, so they can be tested without the engine; src/client/sql-console.ts feeds them.
 *
 * A statement runs only if it is one statement that reads: its table references are the registered views, its
 * own CTEs or the catalog's information views, its table functions are on a short allow-list, and its plan holds
 * only reading operators. Anything else is refused before it is bound, so that no file or address is opened.
 */

import { type Allowed, checkTables, READING, TABLE_FUNCTIONS } from './sql/tables.ts';
import { isKw, isName, isOp, nameOf, type Token } from './sql/tokens.ts';
import { no, type Plan } from './sql/verdict.ts';

export { checkPlan, planOperators } from './sql/plan.ts';
export type { Allowed } from './sql/tables.ts';
export { type Token, tokensOf } from './sql/tokens.ts';
export type { Plan, Said } from './sql/verdict.ts';

/** The longest statement the console accepts (DuckDB-WASM 1.28 fails for good on 65,536 characters or more). */
export const MAX_LENGTH = 20_000;

/**
 * Checks a statement's tokens: one statement, starting with a reading keyword; every call of a table function
 * from the engine's catalog is on the allow-list; every table reference is a view, a CTE of the statement or a
 * catalog view; no string stands where a table would (DuckDB would read it as a file or URL).
 */
export function checkTokens(sql: string, tokens: readonly Token[], allowed: Allowed): Plan {
  const semicolon = tokens.findIndex((t) => isOp(t, ';'));
  if (semicolon !== -1 && semicolon < tokens.length - 1)
    return no('一次只能运行一条语句。', 'One statement at a time.');
  const ts = semicolon === -1 ? tokens : tokens.slice(0, -1);
  if (ts.length === 0) return no('请输入查询语句。', 'Enter a query.');
  const first = ts.find((t) => !isOp(t, '('));
  if (!first || !isKw(first, ...READING))
    return no(
      '只能运行查询（SELECT、WITH、DESCRIBE 等）。',
      'Only queries can run (SELECT, WITH, DESCRIBE…).',
    );
  const forbidden = [...allowed.catalogTableFunctions].filter((f) => !TABLE_FUNCTIONS.has(f));
  // a name followed by ( is a call, wherever it stands
  const call = ts.find((t, i) => isName(t) && isOp(ts[i + 1], '(') && forbidden.includes(nameOf(t)));
  if (call)
    return no(
      `控制台只能查询已登记的数据表，不能调用 ${nameOf(call)}()。`,
      `The console reads only the registered tables: ${nameOf(call)}() is not available.`,
    );
  const tables = checkTables(ts, allowed);
  if (tables) return tables;
  // DESCRIBE/SHOW of one view and SHOW TABLES are answered from the catalog (EXPLAIN cannot plan them on DuckDB
  // 0.9); DESCRIBE of a query is planned as that query
  const describesView = ts.length === 2 && isKw(ts[0], 'DESCRIBE', 'SHOW');
  const showsTables = isKw(ts[0], 'SHOW') && ts.slice(1).every((t) => isKw(t, 'ALL', 'TABLES'));
  if (describesView || showsTables) return { ok: true, explain: null };
  const from = isKw(ts[0], 'DESCRIBE') ? ts[1]! : ts[0]!;
  return { ok: true, explain: sql.slice(from.start, ts[ts.length - 1]!.end) };
}
