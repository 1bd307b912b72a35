import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, LIST, VARCHAR } from '@duckdb/node-api';
import { METRICS_CHECKS, METRICS_MONTHLY, METRICS_REJECTED } from '../contract/schema.ts';
import { sqlString as sql, type Written, writeQueries } from '../publish/tables.ts';
import type { Reference } from '../reference/index.ts';
import { createFastTables, type Duck, valuesTable } from './fast.ts';
import {
  ACCEPTED_COLUMNS,
  type FileSummary,
  REASONS,
  REJECTED_COLUMNS,
  type Staging,
  stageMetrics,
} from './import.ts';
import type { MetricValue } from './progress.ts';

/** The result of an import: what each file gave, after duplicates, and what was written. */
export interface MetricsImport {
  files: FileSummary[];
  /** the files and sheets not read, each with why */
  skipped: { file: string; reason: string }[];
  written: Written[];
}

/**
 * Rows per Parquet row group of metrics_monthly: rows are sorted by county and month, so a group holds a few
 * counties' series and a one-county query reads one or two groups.
 */
const METRICS_ROW_GROUP = 8192;

/**
 * DuckDB's memory limit for an import, in MB: Node, the reference data and DuckDB's own use come to 250-300 MB
 * more, so that a million rows are imported within 500 MB (npm run bench:metrics). A step that needs more (a
 * report given twice) has it raised, and the run says so.
 */
const METRICS_MEMORY_MB = 160;

/** A statement run on the import's DuckDB connection, and a query whose rows are read back. */
type Run = (sql: string) => Promise<void>;
type All = (sql: string) => Promise<Record<string, unknown>[]>;

/** The staging files' columns that are not text. */
const TYPES: Record<string, string> = {
  line: 'BIGINT',
  value: 'DOUBLE',
  synthetic: 'BOOLEAN',
};

/** A read_csv of staging files with the given columns, typed, and quoted cells read as written. */
function readStaging(files: string[], cols: readonly string[]): string {
  const spec = `{${cols.map((c) => `'${c}': '${TYPES[c] ?? 'VARCHAR'}'`).join(', ')}}`;
  return `read_csv([${files.map(sql).join(', ')}], header = true, columns = ${spec}, quote = '"', escape = '"', allow_quoted_nulls = false)`;
}

/**
 * Table `dups`: the staged values whose county, month and metric are given more than once, with the lowest and
 * highest value given, whether the value is a later one of its key (not the first in file, line and column
 * order), and for a key given with different values, the values as written in the order they first appear.
 * Grouped, not windowed, and a value's place in numbers: DuckDB spills a grouping that does not fit its memory
 * limit, so that a report given twice (every value a duplicate) is no out-of-memory error.
 */
async function findDuplicates(run: Run): Promise<void> {
  // duplicates are rare: the hashes of keys given more than once first (a number per value, an eighth of the
  // memory of the three strings), then the values with such a hash, grouped by the key itself, so that a
  // collision is no duplicate; each step a table of its own, which DuckDB spills when it must (a common table
  // expression read three times is held in memory whole)
  await run(`CREATE TEMP TABLE duphashes AS SELECT hash(county_code, month, metric) AS h FROM staged
    GROUP BY h HAVING count(*) > 1`);
  // the columns in name order, so that a value's place is numbers: its file's number (files), line, column,
  // the value as written (for two values of one cell) and its own number
  await run(`CREATE TEMP TABLE dupcolumns AS SELECT "column", row_number() OVER (ORDER BY "column") AS c
    FROM (SELECT DISTINCT "column" FROM staged)`);
  await run(`CREATE TEMP TABLE d AS SELECT s.*, {f: f.n, l: s.line, c: c.c, r: s.raw_value, v: s.vid} AS place
    FROM staged s JOIN files f USING (file) JOIN dupcolumns c USING ("column")
    WHERE hash(s.county_code, s.month, s.metric) IN (SELECT h FROM duphashes)`);
  await run(`CREATE TEMP TABLE keyed AS SELECT county_code, month, metric, min(value) AS lo, max(value) AS hi,
      min(place) AS first
    FROM d GROUP BY ALL HAVING count(*) > 1`);
  await valuesGiven(run);
  await run(`CREATE TABLE dups AS
    SELECT d.* EXCLUDE (place), k.lo, k.hi, d.place IS DISTINCT FROM k.first AS later
    FROM d JOIN keyed k USING (county_code, month, metric)`);
  for (const table of ['duphashes', 'dupcolumns', 'd', 'keyed']) await run(`DROP TABLE ${table}`);
}

/**
 * Table `given` (read by rejectDuplicates), for each key given with different values: each value as first written,
 * with where (its file and line, and its column where two are on one line, or its sheet's cell), in the order they
 * first appear (the same message every run), in Chinese (`given_zh`: 12（a.csv 第 2 行） / 10（a.csv 第 4 行）) and
 * English (`given_en`). A value is told apart by what it is once converted: 12 万件 and 12 件 are two
 * (12（u.csv 第 2 行） / 12（u.csv 第 3 行）), 5 and 5.0 one. Most such keys have two values, read by plain grouping;
 * the ordered aggregate, which DuckDB holds in memory, is kept for the few with more.
 */
async function valuesGiven(run: Run): Promise<void> {
  await run(`CREATE TEMP TABLE raws AS SELECT county_code, month, metric, value, min(place) AS first,
      arg_min(raw_value, place) AS raw_value, arg_min(cell, place) AS cell, arg_min("column", place) AS col,
      arg_min(unit, place) AS unit
    FROM d SEMI JOIN (SELECT * FROM keyed WHERE lo <> hi) USING (county_code, month, metric)
    GROUP BY county_code, month, metric, value`);
  // values of a key given in different units (12 万件, 12 件) are named with what they are once converted
  // (12（= 120000 件，…）), so that two values written alike are told apart; values in one unit as written
  await run(`CREATE TEMP TABLE mixed AS SELECT county_code, month, metric FROM raws
    GROUP BY ALL HAVING count(DISTINCT round(value / nullif(TRY_CAST(replace(raw_value, ',', '') AS DOUBLE), 0), 9)) > 1
      OR count(*) FILTER (WHERE TRY_CAST(replace(raw_value, ',', '') AS DOUBLE) IS NULL) > 0`);
  const as = (zh: boolean) => `CASE WHEN m.county_code IS NULL THEN ''
    ELSE '= ' || CASE WHEN r.value = trunc(r.value) AND abs(r.value) < 1e15 THEN CAST(CAST(r.value AS BIGINT) AS VARCHAR)
      ELSE CAST(r.value AS VARCHAR) END || ' ' || ${
        zh
          ? `CASE r.unit WHEN 'yuan' THEN '元' WHEN 'parcels' THEN '件' WHEN 'stations' THEN '个' WHEN 'person_times' THEN '人次' WHEN 'shops' THEN '家' ELSE r.unit END || '，'`
          : `replace(r.unit, '_', '-') || ', '`
      } END`;
  // two values of a key on one line (a metric's column given twice) are told apart by their columns
  await run(`CREATE TEMP TABLE shared AS SELECT county_code, month, metric, first.f AS f, first.l AS l FROM raws
    GROUP BY ALL HAVING count(*) > 1`);
  // (a sheet's file is its workbook and sheet, report.xlsx!月报, and its cell names the sheet: report.xlsx 月报!C5)
  await run(`CREATE TEMP TABLE placed AS SELECT r.county_code, r.month, r.metric, r.first,
      r.raw_value || '（' || ${as(true)} || coalesce(f.book || ' ' || r.cell, f.name || ' 第 ' || r.first.l || ' 行' || r.col) || '）' AS zh,
      r.raw_value || ' (' || ${as(false)} || coalesce(f.book || ' ' || r.cell, f.name || ' line ' || r.first.l || r.col) || ')' AS en
    FROM (SELECT r.* EXCLUDE (col), CASE WHEN s.f IS NULL THEN '' ELSE ' ' || r.col END AS col
        FROM raws r LEFT JOIN shared s ON s.county_code = r.county_code AND s.month = r.month
          AND s.metric = r.metric AND s.f = r.first.f AND s.l = r.first.l) r
      JOIN (SELECT n, parse_filename(file) AS name, regexp_replace(name, '!.*$', '') AS book FROM files) f
        ON f.n = r.first.f
      LEFT JOIN mixed m ON m.county_code = r.county_code AND m.month = r.month AND m.metric = r.metric`);
  await run(`CREATE TEMP TABLE counted AS SELECT county_code, month, metric, count(*) AS n, min(first) AS first
    FROM placed GROUP BY ALL`);
  await run(`CREATE TEMP TABLE given AS
    SELECT county_code, month, metric,
        max(r.zh) FILTER (WHERE r.first = c.first) || coalesce(' / ' || max(r.zh) FILTER (WHERE r.first <> c.first), '') AS given_zh,
        max(r.en) FILTER (WHERE r.first = c.first) || coalesce(' / ' || max(r.en) FILTER (WHERE r.first <> c.first), '') AS given_en
      FROM placed r JOIN counted c USING (county_code, month, metric) WHERE c.n <= 2 GROUP BY ALL
    UNION ALL
    SELECT county_code, month, metric, string_agg(zh, ' / ' ORDER BY first), string_agg(en, ' / ' ORDER BY first)
      FROM placed SEMI JOIN (SELECT * FROM counted WHERE n > 2) USING (county_code, month, metric) GROUP BY ALL`);
  for (const table of ['raws', 'mixed', 'shared', 'placed', 'counted']) await run(`DROP TABLE ${table}`);
}

/**
 * Table `rejected`: the values stage 1 rejected, then the duplicates (every value of a key given with different
 * values; the later ones of a key given with the same value); table `dropped`: those duplicates' cells.
 */
async function rejectDuplicates(run: Run, rejectedFiles: string[]): Promise<void> {
  const [cz, ce] = REASONS.duplicate_conflict;
  const [iz, ie] = REASONS.duplicate_identical;
  await run(`CREATE TABLE rejected AS
          SELECT * FROM ${readStaging(rejectedFiles, REJECTED_COLUMNS)}
          UNION ALL SELECT * FROM fast_rejected
          UNION ALL
          SELECT file, line, "column", 'value', 'value', raw_value, 'duplicate_conflict',
            ${sql(cz)} || '：' || given_zh, ${sql(ce)} || ': ' || given_en, cell
          FROM dups LEFT JOIN given USING (county_code, month, metric) WHERE lo <> hi
          UNION ALL
          SELECT file, line, "column", 'value', 'value', raw_value, 'duplicate_identical', ${sql(iz)}, ${sql(ie)}, cell
          FROM dups WHERE lo = hi AND later`);
  await run('DROP TABLE given');
  await run(`CREATE TABLE dropped AS SELECT file, line, "column", vid FROM dups WHERE lo <> hi OR later`);
}

/**
 * Per file: values accepted and rejected, and data rows: with a value rejected (duplicates included), or with
 * every value accepted (the rows of staged values none of whose line was rejected).
 */
async function countPerFile(all: All): Promise<Record<string, unknown>[]> {
  // one pass over the staged values, beside the few lines with a value rejected
  return all(`WITH bad AS (SELECT DISTINCT file, line FROM rejected WHERE scope = 'value')
          SELECT file, sum(accepted) AS accepted, sum(rejected) AS rejected,
            sum(rows_accepted) AS rows_accepted, sum(rows_rejected) AS rows_rejected FROM (
            SELECT s.file, count(*) AS accepted, 0 AS rejected,
                count(DISTINCT s.line) FILTER (WHERE b.line IS NULL) AS rows_accepted, 0 AS rows_rejected
              FROM staged s LEFT JOIN bad b ON b.file = s.file AND b.line = s.line GROUP BY s.file
            UNION ALL SELECT file, -count(*), 0, 0, 0 FROM dropped GROUP BY file
            UNION ALL SELECT file, 0, count(*), 0, count(DISTINCT line) FROM rejected WHERE scope = 'value' GROUP BY file
          ) GROUP BY file`);
}

/** Stage 2: loads the staging files, sets duplicates aside, and counts what each file gave. */
async function stageTwo(run: Run, all: All, staged: Staging): Promise<Record<string, unknown>[]> {
  // the values staged in files (read in JavaScript) and those checked in DuckDB (fast.ts)
  // (the files read once into a table; the values checked in DuckDB are a view of theirs, not copied)
  // every staged value numbered (vid), so that a value set aside is told from another of the same cell: a metric
  // column given twice under one header gives two values of one file, line and column
  await run(
    `CREATE TABLE staged_files AS SELECT *, -row_number() OVER () AS vid FROM ${readStaging(staged.accepted, ACCEPTED_COLUMNS)}`,
  );
  await run('CREATE VIEW staged AS SELECT * FROM staged_files UNION ALL SELECT * FROM fast_staged');
  await numberFiles(run);
  await findDuplicates(run);
  await rejectDuplicates(run, staged.rejected);
  await publishedValues(run);
  // the published rows, sorted, keep their order through the projection that names their file (and into the CSV)
  await run('SET preserve_insertion_order = true');
  return countPerFile(all);
}

/**
 * Table `files`: every file with values, numbered 1…n in name order (n), with its number in fast_values (file_id,
 * for the files checked in DuckDB).
 */
async function numberFiles(run: Run): Promise<void> {
  await run(`CREATE TABLE files AS SELECT file_id, file, row_number() OVER (ORDER BY file) AS n FROM (
      SELECT file_id, file FROM fast_files
      UNION ALL SELECT DISTINCT NULL::INTEGER, file FROM staged_files WHERE file NOT IN (SELECT file FROM fast_files))`);
}

/**
 * View `published_values`: the values published (duplicates dropped) with their file by number, so that the
 * published rows are sorted with a number, not a file name on every row.
 */
async function publishedValues(run: Run): Promise<void> {
  await run(`CREATE VIEW published_values AS
    SELECT n, line, "column", county_code, month, metric, value, unit, synthetic, note FROM (
      SELECT v.rowid AS vid, f.n, v.line, v."column", v.county_code, v.month, v.metric, v.value, v.unit,
          v.synthetic, v.note
        FROM fast_values v JOIN files f USING (file_id) WHERE v.reason IS NULL
      UNION ALL SELECT s.vid, f.n, s.line, s."column", s.county_code, s.month, s.metric, s.value, s.unit,
          s.synthetic, s.note
        FROM staged_files s JOIN files f USING (file)
    ) ANTI JOIN dropped USING (vid)`);
}

/** The published tables, as queries on the tables of stage 2. */
const TABLES = [
  {
    table: METRICS_MONTHLY,
    // sorted once, into the Parquet file (writeQueries writes the CSV from it); the source named after the sort
    query: `SELECT county_code, month, metric, value, unit,
        (SELECT list(file ORDER BY n) FROM files)[n] || ':' || line AS source, synthetic, note
      FROM (SELECT * FROM published_values ORDER BY county_code, month, metric)`,
    rowGroupSize: METRICS_ROW_GROUP,
  },
  {
    table: METRICS_REJECTED,
    query: 'SELECT * FROM rejected ORDER BY file, line, "column", reason, raw_value',
  },
  { table: METRICS_CHECKS, query: 'SELECT * FROM checks ORDER BY file, line, "column"' },
];

/** Table `checks`: each file's 累计 cells that are not the running sum of their months (metrics_checks). */
async function writeChecks(duck: Duck, summaries: FileSummary[]): Promise<void> {
  const rows = summaries.flatMap((f) =>
    (f.cumulative ?? []).map((c) => [
      f.file,
      c.line,
      c.column,
      c.county_code,
      c.month,
      c.stated,
      c.computed,
      c.synthetic,
      'cumulative_sum',
      `第 ${c.line} 行${c.column} ${c.stated}，各月之和为 ${c.computed}（至 ${c.month}）。`,
      `Line ${c.line}: ${c.column} is ${c.stated}; its months add up to ${c.computed} by ${c.month}.`,
    ]),
  );
  await valuesTable(
    duck,
    'checks',
    [
      'file VARCHAR',
      'line BIGINT',
      '"column" VARCHAR',
      'county_code VARCHAR',
      'month VARCHAR',
      'stated DOUBLE',
      'computed DOUBLE',
      'synthetic BOOLEAN',
      '"check" VARCHAR',
      'message_zh VARCHAR',
      'message_en VARCHAR',
    ],
    rows,
  );
}

/** Sets each file's counts after duplicates (a file without a row in `perFile` gave no value). */
function applyCounts(summaries: FileSummary[], perFile: Record<string, unknown>[]): void {
  const counts = new Map(perFile.map((r) => [String(r.file), r]));
  for (const f of summaries) {
    const c = counts.get(f.file);
    f.accepted = Number(c?.accepted ?? 0);
    f.rejected = Number(c?.rejected ?? 0);
    f.rowsAccepted = Number(c?.rows_accepted ?? 0) + f.rowsWithoutValues;
    f.rowsRejected = Number(c?.rows_rejected ?? 0);
  }
}

/**
 * Imports every CSV of `dir` into metrics_monthly, metrics_rejected and metrics_checks in `outDir`: stage 1 parses and checks
 * each value (import.ts), stage 2 (here, in DuckDB) sets aside duplicates (a county, month and metric given twice:
 * with different values both are rejected; with the same value the later is) and writes the tables, which replace
 * the published ones only when all were written.
 */
export async function importMetrics(
  dir: string,
  outDir: string,
  ref: Reference,
  problem: (line: string) => void,
  {
    fast = true,
    memoryMB = METRICS_MEMORY_MB,
    notice,
    workbookSeconds,
  }: {
    /** how long SheetJS may read one .xls workbook before it is refused (by its size, unless told) */
    workbookSeconds?: number;
    /** false: every file read record by record in JavaScript (the fast path's reference, in tests) */
    fast?: boolean;
    /** DuckDB's memory limit (writeQueries): what it holds beyond that is spilled to the temporary folder */
    memoryMB?: number;
    /** told when a step needs more memory and the limit is raised */
    notice?: (line: string) => void;
  } = {},
): Promise<MetricsImport> {
  await mkdir(outDir, { recursive: true });
  const tmp = join(outDir, `.tmp-${process.pid}-metrics`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    let staged: Staging = { accepted: [], rejected: [], summaries: [], skipped: [] };
    let perFile: Record<string, unknown>[] = [];
    const written = await writeQueries(
      outDir,
      async (run, all) => {
        // stage 1 on the connection of stage 2: a CSV file's data rows are checked in DuckDB as they are read
        await createFastTables({ run, all });
        staged = await stageMetrics(dir, tmp, ref, problem, fast ? { run, all } : null, workbookSeconds);
        await writeChecks({ run, all }, staged.summaries);
        perFile = await stageTwo(run, all, staged);
      },
      TABLES,
      { threads: 2, memoryMB, notice },
    );
    applyCounts(staged.summaries, perFile);
    return { files: staged.summaries, skipped: staged.skipped, written };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The monthly series of some counties, read back from a published metrics_monthly.parquet. */
export async function readSeries(file: string, codes: readonly string[]): Promise<MetricValue[]> {
  if (codes.length === 0) return [];
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await db.connect();
  try {
    const stmt = await con.prepare(
      `SELECT county_code, month, metric, value, synthetic FROM read_parquet(${sql(file)})
       WHERE list_contains($1::VARCHAR[], county_code) ORDER BY county_code, metric, month`,
    );
    stmt.bindList(1, [...codes], LIST(VARCHAR));
    const rows = (await stmt.runAndReadAll()).getRowObjectsJS();
    return rows.map((r) => ({
      county_code: String(r.county_code),
      month: String(r.month),
      metric: String(r.metric),
      value: Number(r.value),
      synthetic: r.synthetic === true,
    }));
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
