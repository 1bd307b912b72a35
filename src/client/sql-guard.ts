/**
 * Words a refusal early, before the engine is even loaded: a statement that plainly does not read (DROP, a second
 * statement, read_parquet…) gets its message at once. This is not what keeps the console read-only: the engine does
 * that (sql-console.ts, sql-check.ts), and a statement this guard lets through is still checked there. The guard
 * looks at the statement with its strings and comments blanked out, so a word inside a string is not a keyword.
 */

const READING = /^\s*\(?\s*(select|with|from|describe|summarize|show|explain|values|table|pivot|unpivot)\b/i;
const FORBIDDEN =
  /\b(insert|update|delete|create|drop|alter|attach|detach|copy|export|import|install|load|pragma|set|reset|call|checkpoint|vacuum|use|begin|commit|rollback|prepare|execute|read_csv\w*|read_parquet|read_json\w*|parquet_scan|parquet_metadata|parquet_schema|csv_scan|read_text|read_blob|glob|sniff_csv|query_table|query)\b/i;

/** Blanks out string literals, quoted identifiers and comments, keeping offsets. */
export function blankOut(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length));
}

/** Why a statement may not run, or null when it may. Messages in Chinese and English. */
export function refuse(sql: string): { zh: string; en: string } | null {
  const code = blankOut(sql).trim().replace(/;\s*$/, '');
  if (code === '') return { zh: '请输入查询语句。', en: 'Enter a query.' };
  if (code.includes(';')) return { zh: '一次只能运行一条语句。', en: 'One statement at a time.' };
  if (!READING.test(code))
    return {
      zh: '只能运行查询（SELECT、WITH、DESCRIBE 等）。',
      en: 'Only queries can run (SELECT, WITH, DESCRIBE…).',
    };
  const bad = FORBIDDEN.exec(code);
  if (bad)
    return {
      zh: `控制台为只读，且只能查询已登记的数据表，不能使用 ${bad[1]!.toUpperCase()}。`,
      en: `The console is read-only over the registered tables: ${bad[1]!.toUpperCase()} is not allowed.`,
    };
  if (/:\/\//.test(sql))
    return { zh: '不能读取其他网址的数据。', en: 'Data from other addresses cannot be read.' };
  return null;
}
