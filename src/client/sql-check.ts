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

/** A message in both languages. */
export interface Said {
  zh: string;
  en: string;
}

/** A token of a statement, as DuckDB's tokenizer reads it, with its text and UTF-16 offsets. */
export interface Token {
  type: 'identifier' | 'number' | 'string' | 'operator' | 'keyword';
  text: string;
  start: number;
  end: number;
}

/** The longest statement the console accepts (DuckDB-WASM 1.28 fails for good on 65,536 characters or more). */
export const MAX_LENGTH = 20_000;

const TYPES = ['identifier', 'number', 'string', 'operator', 'keyword'] as const;

/** Text the tokenizer skips between tokens: whitespace and comments (an open block comment runs to the end). */
const BETWEEN = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?(?:\*\/|$))*$/;

/** The text of one token that starts at `at`, never past `limit` (where the next token starts). */
function tokenText(sql: string, at: number, limit: number, type: Token['type']): string {
  const rest = sql.slice(at, limit);
  const patterns: Record<Token['type'], RegExp> = {
    identifier: /^(?:"(?:[^"]|"")*"|[^\s"'(),;.[\]{}:+\-*/%<>=!|&^~?]+)/,
    keyword: /^[^\s"'(),;.[\]{}:+\-*/%<>=!|&^~?]+/,
    number: /^[0-9.][0-9A-Za-z_.]*(?:[eE][+-]?\d+)?/,
    // 'x', E'x\'', X'41', B'01', $$x$$, $tag$x$tag$
    string: /^(?:[EeXxBb]?'(?:[^'\\]|\\[\s\S]|'')*'|\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$)/,
    operator: /^(?:[(),;.[\]{}]|[^\sA-Za-z0-9_"'$(),;.[\]{}]+)/,
  };
  return patterns[type].exec(rest)?.[0] ?? rest.trimEnd();
}

/**
 * The tokens of a statement from DuckDB's tokenizer output (`db.tokenize`: UTF-8 byte offsets and type codes),
 * with UTF-16 offsets. Null when the tokens do not account for the whole text (DuckDB's tokenizer stops early on
 * what it cannot read, such as an unterminated string or a U&"…" identifier): such a statement is not read at all.
 */
export function tokensOf(sql: string, raw: { offsets: number[]; types: number[] }): Token[] | null {
  // byte offset → UTF-16 offset
  const bytes = new TextEncoder().encode(sql);
  const charAt = new Int32Array(bytes.length + 1);
  let u = 0;
  let b = 0;
  for (const ch of sql) {
    const n = new TextEncoder().encode(ch).length;
    for (let k = 0; k < n; k++) charAt[b + k] = u;
    b += n;
    u += ch.length;
  }
  charAt[bytes.length] = sql.length;
  const tokens: Token[] = [];
  for (let i = 0; i < raw.offsets.length; i++) {
    const type = TYPES[raw.types[i]!];
    const start = charAt[raw.offsets[i]!];
    if (type === undefined || start === undefined) return null;
    const limit = i + 1 < raw.offsets.length ? charAt[raw.offsets[i + 1]!]! : sql.length;
    const text = tokenText(sql, start, limit, type);
    tokens.push({ type, text, start, end: start + text.length });
  }
  let at = 0;
  for (const t of tokens) {
    if (!BETWEEN.test(sql.slice(at, t.start))) return null;
    at = t.end;
  }
  return BETWEEN.test(sql.slice(at)) ? tokens : null;
}

/** A name as DuckDB compares it: quotes removed ("" → "), case folded. */
export const nameOf = (t: Token) =>
  (t.text.startsWith('"') ? t.text.slice(1, -1).replaceAll('""', '"') : t.text).toLowerCase();

const isName = (t: Token | undefined): t is Token => t?.type === 'identifier' || t?.type === 'keyword';
const isOp = (t: Token | undefined, op: string) => t?.type === 'operator' && t.text === op;
const isKw = (t: Token | undefined, ...words: string[]) =>
  t?.type === 'keyword' && words.includes(t.text.toUpperCase());

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

/**
 * How a statement may be run once it passes: `explain` is the text to EXPLAIN first (the statement, or the query a
 * DESCRIBE describes), or null when it needs no plan (DESCRIBE of a view, SHOW TABLES).
 */
export type Plan = { ok: true; explain: string | null } | { ok: false; why: Said };

const no = (zh: string, en: string): Plan => ({ ok: false, why: { zh, en } });

/** Keywords a statement may start with: the reading ones. */
const READING = [
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
  for (let i = 0; i + 1 < ts.length; i++) {
    const t = ts[i]!;
    if (isName(t) && isOp(ts[i + 1], '(') && forbidden.includes(nameOf(t)))
      return no(
        `控制台只能查询已登记的数据表，不能调用 ${nameOf(t)}()。`,
        `The console reads only the registered tables: ${nameOf(t)}() is not available.`,
      );
  }
  const ctes = cteNames(ts);
  // per parenthesis depth: whether a comma there separates tables, and whether FROM there can name one (not in
  // a call's arguments: EXTRACT(year FROM d))
  const clause: ('from' | 'other' | 'call')[] = ['other'];
  let tableNext = false;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    if (isOp(t, '(') || isOp(t, '[') || isOp(t, '{')) {
      const before = ts[i - 1];
      if (tableNext && isOp(t, '(')) {
        // a parenthesised join or a subquery where a table stands: its first token is a table position too
        clause.push('from');
        continue;
      }
      const call =
        (before?.type === 'identifier' || isKw(before, ...FROM_IN_ARGUMENTS)) &&
        isOp(t, '(') &&
        !isKw(ts[i + 1], ...QUERY_START);
      clause.push(call ? 'call' : 'other');
      tableNext = false;
      continue;
    }
    if (isOp(t, ')') || isOp(t, ']') || isOp(t, '}')) {
      clause.pop();
      if (clause.length === 0) return no('括号不匹配。', 'Unbalanced parentheses.');
      continue;
    }
    if (tableNext) {
      tableNext = false;
      if (isKw(t, ...TABLE_PREFIX)) {
        tableNext = true;
        continue;
      }
      if (t.type === 'string')
        return no(
          '控制台只能查询已登记的数据表，不能读取文件或网址。',
          'The console reads only the registered tables, not files or addresses.',
        );
      if (isName(t) && !isKw(t, ...QUERY_START)) {
        const parts = [t];
        while (isOp(ts[i + 1], '.') && isName(ts[i + 2])) {
          parts.push(ts[i + 2]!);
          i += 2;
        }
        const names = parts.map(nameOf);
        const last = names[names.length - 1]!;
        const schemas = names.slice(0, -1);
        if (isOp(ts[i + 1], '(')) {
          if (!TABLE_FUNCTIONS.has(last) || schemas.some((s) => !SCHEMAS.has(s)))
            return no(
              `控制台只能查询已登记的数据表，不能调用 ${last}()。`,
              `The console reads only the registered tables: ${last}() is not available.`,
            );
          continue;
        }
        const own = schemas.every((s) => SCHEMAS.has(s));
        const known =
          (own && allowed.tables.has(last)) ||
          (own && schemas.length === 0 && PLAIN_NAME.test(last) && ctes.has(last)) ||
          INFORMATION_VIEWS.has(names.join('.'));
        if (!known)
          return no(
            `没有名为“${names.join('.')}”的数据表。可查询的表：${[...allowed.tables].join('、')}。`,
            `There is no table “${names.join('.')}”. Tables: ${[...allowed.tables].join(', ')}.`,
          );
        continue;
      }
    }
    if (isKw(t, ...TABLE_BEFORE)) {
      // FROM in a call's arguments, or in IS [NOT] DISTINCT FROM, names no table (UNION DISTINCT FROM x does)
      const isDistinctFrom =
        isKw(ts[i - 1], 'DISTINCT') &&
        (isKw(ts[i - 2], 'IS') || (isKw(ts[i - 2], 'NOT') && isKw(ts[i - 3], 'IS')));
      if (isKw(t, 'FROM') && (clause[clause.length - 1] === 'call' || isDistinctFrom)) continue;
      if (isKw(t, 'FROM', 'JOIN')) clause[clause.length - 1] = 'from';
      // SHOW TABLES and SHOW ALL TABLES list the views; SHOW <view> describes one
      if (!(isKw(t, 'SHOW') && isKw(ts[i + 1], 'TABLES', 'ALL'))) tableNext = true;
      continue;
    }
    if (isKw(t, ...CLAUSE_AFTER_FROM) && clause[clause.length - 1] !== 'call')
      clause[clause.length - 1] = 'other';
    else if (isOp(t, ',') && clause[clause.length - 1] === 'from') tableNext = true;
  }
  if (clause.length !== 1) return no('括号不匹配。', 'Unbalanced parentheses.');
  // DESCRIBE/SHOW of one view and SHOW TABLES are answered from the catalog (EXPLAIN cannot plan them on DuckDB
  // 0.9); DESCRIBE of a query is planned as that query
  const describesView = ts.length === 2 && isKw(ts[0], 'DESCRIBE', 'SHOW');
  const showsTables = isKw(ts[0], 'SHOW') && ts.slice(1).every((t) => isKw(t, 'ALL', 'TABLES'));
  if (describesView || showsTables) return { ok: true, explain: null };
  const from = isKw(ts[0], 'DESCRIBE') ? ts[1]! : ts[0]!;
  return { ok: true, explain: sql.slice(from.start, ts[ts.length - 1]!.end) };
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
export const READING_OPERATORS: ReadonlySet<string> = new Set([
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
