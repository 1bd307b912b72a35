/**
 * Where a table stands in a statement, and what may stand there: the registered views, the statement's own CTEs
 * (plain names only: a name like a file would be read as one) and the catalog's information views. A string or any
 * other name where a table stands is refused, because DuckDB would read it as a file or URL when it binds.
 */
import { isKw, isName, isOp, nameOf, type Token } from './tokens.ts';
import { no, type Plan } from './verdict.ts';

/** What the console may read: its views, the engine's table functions, the few it allows. */
export interface Allowed {
  /** registered views (lower case) */
  tables: ReadonlySet<string>;
  /** every table function of the engine's catalog (lower case), read from duckdb_functions() */
  catalogTableFunctions: ReadonlySet<string>;
}

/** Table functions a query may call: they make rows from their arguments or read the catalog, never a file. */
export const TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  'range',
  'generate_series',
  'unnest',
  'repeat',
  'duckdb_columns',
  'duckdb_constraints',
  'duckdb_databases',
  'duckdb_functions',
  'duckdb_indexes',
  'duckdb_keywords',
  'duckdb_schemas',
  'duckdb_sequences',
  'duckdb_settings',
  'duckdb_tables',
  'duckdb_types',
  'duckdb_views',
  'pragma_table_info',
]);

/** Schemas a table reference may name: the database's own. */
const SCHEMAS = new Set(['memory', 'main']);
/** The catalog's own information views (any other name under information_schema would be read as a file). */
const INFORMATION_VIEWS = new Set([
  'information_schema.columns',
  'information_schema.schemata',
  'information_schema.tables',
  'information_schema.views',
]);
/** A name that can only be a table of the catalog, never a file or an address (those hold . / :). */
const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

/** Keywords a statement may start with: the reading ones. */
export const READING = [
  'SELECT',
  'WITH',
  'FROM',
  'VALUES',
  'TABLE',
  'DESCRIBE',
  'SUMMARIZE',
  'SHOW',
  'PIVOT',
  'UNPIVOT',
];
/** Keywords after which a table reference follows. */
const TABLE_BEFORE = ['FROM', 'JOIN', 'TABLE', 'DESCRIBE', 'SUMMARIZE', 'SHOW', 'PIVOT', 'UNPIVOT'];
/** Keywords that end a FROM clause at their depth (after them a comma separates expressions, not tables). */
const CLAUSE_AFTER_FROM = [
  'SELECT',
  'WHERE',
  'GROUP',
  'HAVING',
  'QUALIFY',
  'WINDOW',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'RETURNING',
];
/** Words that stand between FROM and a table without being one. */
const TABLE_PREFIX = ['LATERAL', 'ONLY'];
/** Words in a table position that start a query or a row list instead of naming a table. */
const QUERY_START = ['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE'];
/** Functions written with keywords whose arguments may hold FROM (EXTRACT(year FROM d), TRIM(x FROM s)). */
const FROM_IN_ARGUMENTS = ['EXTRACT', 'SUBSTRING', 'TRIM', 'OVERLAY', 'POSITION'];

/** The state of the walk: per parenthesis depth, what a comma or FROM there means; and whether a table is next. */
interface Walk {
  ts: readonly Token[];
  allowed: Allowed;
  ctes: Set<string>;
  /** per depth: 'from' (a comma separates tables), 'call' (a call's arguments: FROM names no table), or 'other' */
  clause: ('from' | 'other' | 'call')[];
  tableNext: boolean;
}

/** An opening bracket: a subquery or parenthesised join where a table stands, a call's arguments, or other. */
function open(w: Walk, i: number): void {
  const t = w.ts[i]!;
  if (w.tableNext && isOp(t, '(')) {
    // a parenthesised join or a subquery where a table stands: its first token is a table position too
    w.clause.push('from');
    return;
  }
  const before = w.ts[i - 1];
  const call =
    (before?.type === 'identifier' || isKw(before, ...FROM_IN_ARGUMENTS)) &&
    isOp(t, '(') &&
    !isKw(w.ts[i + 1], ...QUERY_START);
  w.clause.push(call ? 'call' : 'other');
  w.tableNext = false;
}

/**
 * The token where a table stands: a view, a CTE, a catalog view or an allowed table function pass (returning the
 * index of the reference's last token); a string or any other name is refused.
 */
function tableAt(w: Walk, i: number): number | Plan {
  const t = w.ts[i]!;
  if (t.type === 'string')
    return no(
      '控制台只能查询已登记的数据表，不能读取文件或网址。',
      'The console reads only the registered tables, not files or addresses.',
    );
  const parts = [t];
  let at = i;
  while (isOp(w.ts[at + 1], '.') && isName(w.ts[at + 2])) {
    parts.push(w.ts[at + 2]!);
    at += 2;
  }
  const names = parts.map(nameOf);
  const last = names[names.length - 1]!;
  const schemas = names.slice(0, -1);
  const own = schemas.every((s) => SCHEMAS.has(s));
  if (isOp(w.ts[at + 1], '('))
    return TABLE_FUNCTIONS.has(last) && own
      ? at
      : no(
          `控制台只能查询已登记的数据表，不能调用 ${last}()。`,
          `The console reads only the registered tables: ${last}() is not available.`,
        );
  const known =
    (own && w.allowed.tables.has(last)) ||
    (own && schemas.length === 0 && PLAIN_NAME.test(last) && w.ctes.has(last)) ||
    INFORMATION_VIEWS.has(names.join('.'));
  if (known) return at;
  return no(
    `没有名为“${names.join('.')}”的数据表。可查询的表：${[...w.allowed.tables].join('、')}。`,
    `There is no table “${names.join('.')}”. Tables: ${[...w.allowed.tables].join(', ')}.`,
  );
}

/** A keyword after which a table follows (FROM, JOIN, DESCRIBE…), unless this FROM names none. */
function tableKeyword(w: Walk, i: number): void {
  const { ts, clause } = w;
  const t = ts[i]!;
  // FROM in a call's arguments, or in IS [NOT] DISTINCT FROM, names no table (UNION DISTINCT FROM x does)
  const isDistinctFrom =
    isKw(ts[i - 1], 'DISTINCT') &&
    (isKw(ts[i - 2], 'IS') || (isKw(ts[i - 2], 'NOT') && isKw(ts[i - 3], 'IS')));
  if (isKw(t, 'FROM') && (clause[clause.length - 1] === 'call' || isDistinctFrom)) return;
  if (isKw(t, 'FROM', 'JOIN')) clause[clause.length - 1] = 'from';
  // SHOW TABLES and SHOW ALL TABLES list the views; SHOW <view> describes one
  if (!(isKw(t, 'SHOW') && isKw(ts[i + 1], 'TABLES', 'ALL'))) w.tableNext = true;
}

/** Checks every place a table stands in a statement (one statement, without its trailing ;). */
export function checkTables(ts: readonly Token[], allowed: Allowed): Plan | null {
  const w: Walk = { ts, allowed, ctes: cteNames(ts), clause: ['other'], tableNext: false };
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    if (isOp(t, '(') || isOp(t, '[') || isOp(t, '{')) {
      open(w, i);
      continue;
    }
    if (isOp(t, ')') || isOp(t, ']') || isOp(t, '}')) {
      w.clause.pop();
      if (w.clause.length === 0) return no('括号不匹配。', 'Unbalanced parentheses.');
      continue;
    }
    if (w.tableNext) {
      w.tableNext = false;
      if (isKw(t, ...TABLE_PREFIX)) {
        w.tableNext = true;
        continue;
      }
      if (t.type === 'string' || (isName(t) && !isKw(t, ...QUERY_START))) {
        const at = tableAt(w, i);
        if (typeof at !== 'number') return at;
        i = at;
        continue;
      }
    }
    if (isKw(t, ...TABLE_BEFORE)) tableKeyword(w, i);
    else if (isKw(t, ...CLAUSE_AFTER_FROM) && w.clause[w.clause.length - 1] !== 'call')
      w.clause[w.clause.length - 1] = 'other';
    else if (isOp(t, ',') && w.clause[w.clause.length - 1] === 'from') w.tableNext = true;
  }
  return w.clause.length === 1 ? null : no('括号不匹配。', 'Unbalanced parentheses.');
}

/** The names a statement gives its CTEs (WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (…), …). */
function cteNames(ts: readonly Token[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < ts.length; i++) {
    if (!isKw(ts[i], 'WITH')) continue;
    let j = i + 1;
    if (isKw(ts[j], 'RECURSIVE')) j++;
    while (isName(ts[j])) {
      names.add(nameOf(ts[j]!));
      j++;
      if (isOp(ts[j], '(')) j = closing(ts, j) + 1;
      if (!isKw(ts[j], 'AS')) break;
      j++;
      if (isKw(ts[j], 'NOT')) j++;
      if (isKw(ts[j], 'MATERIALIZED')) j++;
      if (!isOp(ts[j], '(')) break;
      j = closing(ts, j) + 1;
      if (!isOp(ts[j], ',')) break;
      j++;
    }
  }
  return names;
}

/** The index of the parenthesis that closes the one at `open` (the last token when none does). */
function closing(ts: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < ts.length; i++) {
    if (isOp(ts[i], '(')) depth++;
    else if (isOp(ts[i], ')') && --depth === 0) return i;
  }
  return ts.length - 1;
}
