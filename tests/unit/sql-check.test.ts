/**
 * The SQL console's checks over the engine's readings of a statement. The tokenizer outputs and EXPLAIN plans here
 * were recorded from DuckDB-WASM 1.28.0 (DuckDB 0.9.1) itself; the browser tests (tests/browser/sql-safety.test.ts)
 * run the same checks on the live engine.
 */
import { describe, expect, it } from 'vitest';
import { scaled } from '../../src/client/sql-cells.ts';
import {
  type Allowed,
  checkPlan,
  checkTokens,
  planOperators,
  type Token,
  tokensOf,
} from '../../src/client/sql-check.ts';

const allowed: Allowed = {
  tables: new Set(['documents', 'allocations']),
  catalogTableFunctions: new Set([
    'range',
    'read_csv_auto',
    'read_csv',
    'glob',
    'parquet_scan',
    'checkpoint',
  ]),
};

describe('tokensOf(sql, tokenizer output)', () => {
  it('tokensOf(sql, raw) maps DuckDB’s UTF-8 byte offsets to the string’s own offsets (海南省 is 9 bytes, 3 units)', () => {
    const sql = 'SELECT \'海南省\' AS p, "列" FROM documents WHERE x = 1';
    const tokens = tokensOf(sql, {
      offsets: [0, 7, 19, 22, 23, 25, 31, 36, 46, 52, 54, 56],
      types: [4, 2, 4, 0, 3, 0, 4, 0, 4, 0, 3, 1],
    })!;
    expect(tokens.map((t) => t.text)).toEqual([
      'SELECT',
      "'海南省'",
      'AS',
      'p',
      ',',
      '"列"',
      'FROM',
      'documents',
      'WHERE',
      'x',
      '=',
      '1',
    ]);
    for (const t of tokens) expect(sql.slice(t.start, t.end)).toBe(t.text);
  });

  it('tokensOf(sql, raw) reads a $$ string as one token, so the ; inside it is not a statement’s end', () => {
    const sql = "SELECT $$/*$$; CREATE OR REPLACE VIEW documents AS SELECT 'forged' AS doc_id; --*/";
    const tokens = tokensOf(sql, {
      offsets: [0, 7, 13, 15, 22, 25, 33, 38, 48, 51, 58, 67, 70, 76],
      types: [4, 2, 3, 4, 4, 4, 4, 0, 4, 4, 2, 4, 0, 3],
    })!;
    expect(tokens[1]).toMatchObject({ type: 'string', text: '$$/*$$' });
    expect(tokens[2]).toMatchObject({ type: 'operator', text: ';' });
  });

  it('tokensOf(sql, raw) is null when the tokenizer stopped before the end (U&"…", an open string)', () => {
    const sql = 'SELECT * FROM range(3) r(n), U&"r\\0061nge"(2)';
    expect(
      tokensOf(sql, {
        offsets: [0, 7, 9, 14, 19, 20, 21, 23, 24, 25, 26, 27],
        types: [4, 3, 4, 4, 3, 1, 3, 0, 3, 0, 3, 3],
      }),
    ).toBeNull();
    expect(tokensOf("SELECT 'unterminated", { offsets: [0], types: [4] })).toBeNull();
  });

  it('tokensOf(sql, raw) accepts comments between and after tokens', () => {
    expect(tokensOf('SELECT /* a; b */ 1 -- c;\n', { offsets: [0, 18], types: [4, 1] })).toHaveLength(2);
  });
});

/** Tokens from a list of [type, text] pairs, separated by one space (offsets as tokensOf would give). */
function toks(...parts: [Token['type'], string][]): { sql: string; tokens: Token[] } {
  let sql = '';
  const tokens: Token[] = [];
  for (const [type, text] of parts) {
    if (sql) sql += ' ';
    tokens.push({ type, text, start: sql.length, end: sql.length + text.length });
    sql += text;
  }
  return { sql, tokens };
}
const K = (t: string): [Token['type'], string] => ['keyword', t];
const I = (t: string): [Token['type'], string] => ['identifier', t];
const O = (t: string): [Token['type'], string] => ['operator', t];
const S = (t: string): [Token['type'], string] => ['string', t];
const N = (t: string): [Token['type'], string] => ['number', t];
const check = (x: { sql: string; tokens: Token[] }) => checkTokens(x.sql, x.tokens, allowed);

describe('checkTokens(sql, tokens, allowed)', () => {
  it('checkTokens lets a query over the views run, and asks for its plan', () => {
    const q = toks(K('SELECT'), I('doc_id'), K('FROM'), I('documents'), K('WHERE'), I('x'), O('='), N('1'));
    expect(check(q)).toEqual({ ok: true, explain: q.sql });
  });

  it('checkTokens refuses a second statement after a ;', () => {
    const r = check(toks(K('SELECT'), N('1'), O(';'), K('DROP'), K('VIEW'), I('documents')));
    expect(r.ok).toBe(false);
  });

  it('checkTokens lets one trailing ; end the statement', () => {
    expect(check(toks(K('SELECT'), N('1'), O(';'))).ok).toBe(true);
  });

  it('checkTokens refuses a statement that does not start by reading (SET, PRAGMA, CREATE)', () => {
    for (const first of ['SET', 'PRAGMA', 'CREATE', 'COPY', 'ATTACH'])
      expect(check(toks(K(first), I('x'))).ok, first).toBe(false);
  });

  it('checkTokens refuses a call of a catalog table function, quoted or schema-qualified, wherever it stands', () => {
    for (const name of ['read_csv_auto', '"read_csv_auto"', '"READ_CSV"'])
      expect(check(toks(K('SELECT'), N('1'), K('WHERE'), I(name), O('('), S("'x'"), O(')'))).ok, name).toBe(
        false,
      );
    expect(
      check(
        toks(K('SELECT'), O('*'), K('FROM'), I('"main"'), O('.'), I('"read_csv"'), O('('), S("'x'"), O(')')),
      ).ok,
    ).toBe(false);
    expect(check(toks(K('SELECT'), O('*'), K('FROM'), K('checkpoint'), O('('), O(')'))).ok).toBe(false);
  });

  it('checkTokens lets range() stand in FROM, and a table alias with columns follow it', () => {
    expect(
      check(
        toks(
          K('SELECT'),
          O('*'),
          K('FROM'),
          K('range'),
          O('('),
          N('3'),
          O(')'),
          I('r'),
          O('('),
          I('n'),
          O(')'),
        ),
      ).ok,
    ).toBe(true);
  });

  it('checkTokens refuses a string where a table stands (DuckDB would read it as a file or URL)', () => {
    expect(check(toks(K('SELECT'), O('*'), K('FROM'), S("'http://x/y.csv'"))).ok).toBe(false);
    expect(check(toks(K('SELECT'), O('*'), K('FROM'), I('documents'), O(','), S("'y.parquet'"))).ok).toBe(
      false,
    );
    expect(check(toks(K('SUMMARIZE'), S("'y.csv'"))).ok).toBe(false);
  });

  it('checkTokens refuses a table that is not a view or a CTE of the statement', () => {
    expect(check(toks(K('SELECT'), O('*'), K('FROM'), I('"http://x/y.csv"'))).ok).toBe(false);
    expect(check(toks(K('SELECT'), O('*'), K('FROM'), I('documents'), K('JOIN'), I('other'))).ok).toBe(false);
    const cte = toks(
      K('WITH'),
      I('t'),
      K('AS'),
      O('('),
      K('SELECT'),
      N('1'),
      O(')'),
      K('SELECT'),
      O('*'),
      K('FROM'),
      I('t'),
    );
    expect(check(cte).ok).toBe(true);
  });

  it('checkTokens does not take FROM in EXTRACT(…FROM…) or IS DISTINCT FROM for a table', () => {
    expect(
      check(
        toks(
          K('SELECT'),
          K('EXTRACT'),
          O('('),
          I('year'),
          K('FROM'),
          I('issued_on'),
          O(')'),
          K('FROM'),
          I('documents'),
        ),
      ).ok,
    ).toBe(true);
    expect(
      check(toks(K('SELECT'), I('a'), K('IS'), K('DISTINCT'), K('FROM'), I('b'), K('FROM'), I('documents')))
        .ok,
    ).toBe(true);
  });

  it('checkTokens answers DESCRIBE of a view without a plan, and plans DESCRIBE of a query as that query', () => {
    expect(check(toks(K('DESCRIBE'), I('documents')))).toEqual({ ok: true, explain: null });
    const q = toks(K('DESCRIBE'), K('SELECT'), N('1'));
    expect(check(q)).toEqual({ ok: true, explain: 'SELECT 1' });
  });

  it('checkTokens refuses a comma after WHERE only if it separates tables (it does not: WHERE a IN (1, 2))', () => {
    expect(
      check(
        toks(
          K('SELECT'),
          O('*'),
          K('FROM'),
          I('documents'),
          K('WHERE'),
          I('a'),
          K('IN'),
          O('('),
          N('1'),
          O(','),
          N('2'),
          O(')'),
        ),
      ).ok,
    ).toBe(true);
  });
});

// plans recorded from DuckDB 0.9.1's EXPLAIN
const CREATE_VIEW =
  '┌───────────────────────────┐\n│        CREATE_VIEW        │\n└───────────────────────────┘\n';
const SET = '┌───────────────────────────┐\n│            SET            │\n└───────────────────────────┘\n';
const READS =
  '┌───────────────────────────┐\n│       CROSS_PRODUCT       ├──────────────┐\n└─────────────┬─────────────┘              │\n┌─────────────┴─────────────┐┌─────────────┴─────────────┐\n│         PROJECTION        ││       PARQUET_SCAN        │\n│   ─ ─ ─ ─ ─ ─ ─ ─ ─ ─ ─   ││   ─ ─ ─ ─ ─ ─ ─ ─ ─ ─ ─   │\n│             0             ││           doc_id          │\n└─────────────┬─────────────┘└───────────────────────────┘\n┌─────────────┴─────────────┐\n│           RANGE           │\n└───────────────────────────┘\n';

describe('planOperators(explain) and checkPlan(explain)', () => {
  it('planOperators(explain) names every box, side by side boxes included', () => {
    expect(planOperators(READS)).toEqual(['CROSS_PRODUCT', 'PROJECTION', 'PARQUET_SCAN', 'RANGE']);
  });

  it('checkPlan(explain) lets a reading plan run and refuses CREATE_VIEW, SET and a CSV scan', () => {
    expect(checkPlan(READS).ok).toBe(true);
    expect(checkPlan(CREATE_VIEW).ok).toBe(false);
    expect(checkPlan(SET).ok).toBe(false);
    expect(checkPlan(READS.replace('PARQUET_SCAN', 'READ_CSV_AUTO')).ok).toBe(false);
    expect(checkPlan('').ok).toBe(false);
  });
});

describe('scaled(unscaled, scale)', () => {
  it('scaled(digits, scale) puts a DECIMAL’s point back (Arrow hands 1.5 over as 15)', () => {
    expect(scaled('15', 1)).toBe('1.5');
    expect(scaled('-15', 1)).toBe('-1.5');
    expect(scaled('5', 2)).toBe('0.05');
    expect(scaled('-5', 3)).toBe('-0.005');
    expect(scaled('12345678901234567', 2)).toBe('123456789012345.67');
    expect(scaled('7', 0)).toBe('7');
  });
});

describe('checkTokens(sql, tokens, allowed), past a second reading', () => {
  it('checkTokens checks the table of UNION DISTINCT FROM (a FROM-first query, not IS DISTINCT FROM)', () => {
    const q = toks(
      K('SELECT'),
      O('*'),
      K('FROM'),
      I('documents'),
      K('WHERE'),
      K('false'),
      K('UNION'),
      K('DISTINCT'),
      K('FROM'),
      S("'/x/evil.parquet'"),
    );
    expect(check(q).ok).toBe(false);
    const quoted = toks(K('SELECT'), N('1'), K('UNION'), K('DISTINCT'), K('FROM'), I('"x.parquet"'));
    expect(check(quoted).ok).toBe(false);
  });

  it('checkTokens checks the first table inside a parenthesised join', () => {
    expect(
      check(toks(K('FROM'), O('('), S("'/x/evil.parquet'"), K('CROSS'), K('JOIN'), I('documents'), O(')')))
        .ok,
    ).toBe(false);
    expect(
      check(
        toks(
          K('SELECT'),
          O('*'),
          K('FROM'),
          O('('),
          I('"x.parquet"'),
          K('CROSS'),
          K('JOIN'),
          I('documents'),
          O(')'),
        ),
      ).ok,
    ).toBe(false);
    // a parenthesised join of views, and a subquery, still run
    expect(
      check(
        toks(
          K('SELECT'),
          O('*'),
          K('FROM'),
          O('('),
          I('documents'),
          K('CROSS'),
          K('JOIN'),
          I('allocations'),
          O(')'),
        ),
      ).ok,
    ).toBe(true);
    expect(check(toks(K('SELECT'), O('*'), K('FROM'), O('('), K('SELECT'), N('1'), O(')'))).ok).toBe(true);
  });

  it('checkTokens lets a CTE name stand for a table only if it is a plain name (a file name would be read)', () => {
    const q = toks(
      K('WITH'),
      I('"x.parquet"'),
      K('AS'),
      O('('),
      K('FROM'),
      I('"x.parquet"'),
      O(')'),
      K('FROM'),
      I('"x.parquet"'),
    );
    expect(check(q).ok).toBe(false);
  });

  it('checkTokens lets only the catalog’s own information views stand under information_schema', () => {
    expect(
      check(toks(K('SELECT'), O('*'), K('FROM'), I('information_schema'), O('.'), I('"evil.parquet"'))).ok,
    ).toBe(false);
    expect(
      check(toks(K('SELECT'), O('*'), K('FROM'), I('information_schema'), O('.'), I('columns'))).ok,
    ).toBe(true);
  });
});
