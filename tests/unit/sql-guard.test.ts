/** The SQL console's read-only guard: queries run; writes, file and URL access, and several statements do not. */
import { describe, expect, it } from 'vitest';
import { blankOut, refuse } from '../../src/client/sql-guard.ts';

describe('refuse(sql)', () => {
  it.each([
    'SELECT * FROM documents',
    '  with x AS (SELECT 1) SELECT * FROM x;',
    'FROM findings SELECT doc_id',
    'DESCRIBE allocations',
    'SUMMARIZE metrics_monthly',
    "SELECT 'drop table documents; read_parquet(''x'')' AS s",
    'SELECT "set" FROM (SELECT 1 AS "set")',
    '-- a comment with DELETE\nSELECT 1',
  ])('lets a query run: %s', (sql) => {
    expect(refuse(sql)).toBeNull();
  });

  it.each([
    ['', 'Enter a query'],
    ['DROP TABLE documents', 'Only queries'],
    ['INSERT INTO documents VALUES (1)', 'Only queries'],
    ['SELECT 1; DROP TABLE documents', 'One statement'],
    ["SELECT * FROM read_parquet('https://example.com/x.parquet')", 'READ_PARQUET'],
    ["SELECT * FROM read_csv_auto('/etc/passwd')", 'READ_CSV_AUTO'],
    ["SELECT * FROM 'https://example.com/x.csv'", 'other addresses'],
    ["WITH x AS (SELECT 1) SELECT * FROM x; ATTACH 'x.db'", 'One statement'],
    ["SELECT * FROM glob('*')", 'GLOB'],
    ["SELECT 1 /* ; */ ; COPY documents TO 'x'", 'One statement'],
  ])('refuses %s', (sql, why) => {
    expect(refuse(sql)?.en).toContain(why);
    expect(refuse(sql)?.zh).not.toBe('');
  });

  it('blanks strings and comments without moving anything', () => {
    const sql = 'SELECT \'a;b\' -- c;\n, "d;e"';
    expect(blankOut(sql)).toHaveLength(sql.length);
    expect(blankOut(sql)).not.toContain(';');
  });
});
