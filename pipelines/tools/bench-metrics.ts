/**
 * npm run bench:metrics [-- --rows N]
 *
 * Imports a synthetic CSV of about 1,000,000 rows through the metrics importer (in a child process, so that its
 * peak memory is its own) and, in the same run, DuckDB's own COPY (SELECT * FROM read_csv(…)) TO '….parquet' on
 * the same file, and prints both with their ratio, and the importer's start-up alone (an empty folder). Then prints
 * how many bytes a one-county query reads from metrics_monthly.parquet (the row groups whose county_code range holds
 * the county, plus the footer), and the importer on a workbook of 100,000 of the same rows.
 * Figures, not assertions: nothing here fails on speed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import * as XLSX from '@e965/xlsx';
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import Papa from 'papaparse';
import { ROOT } from '../reference/index.ts';
import { writeScaleCsv } from './scale.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } }, strict: true });
const target = Number(values.rows);
const dir = join(ROOT, 'bench/out/metrics-bench');
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'input'), { recursive: true });

// 9 metrics for most counties; months chosen so that 2,854 counties give about the rows asked for
const months = Math.max(1, Math.round(target / (2854 * 9)));
const csv = join(dir, 'input/metrics.csv');
let t = performance.now();
const rows = writeScaleCsv(csv, 2854, months, 7);
const mb = statSync(csv).size / 1e6;
console.log(
  `input              ${rows.toLocaleString('en-US')} rows, ${mb.toFixed(1)} MB (${months} months × 2,854 counties, synthetic), generated in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

// the importer, as `npm run data -- --metrics DIR --out DIR` runs it
t = performance.now();
const out = join(dir, 'out');
const log = execFileSync(
  process.execPath,
  [join(ROOT, 'pipelines/cli.ts'), '--metrics', join(dir, 'input'), '--out', out],
  { encoding: 'utf8' },
);
const ours = (performance.now() - t) / 1000;
const rss = /peak memory\s+(\d+) MB/.exec(log)?.[1];

// DuckDB's own, on the same file
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
t = performance.now();
await con.run(
  `COPY (SELECT * FROM read_csv('${csv.replaceAll("'", "''")}')) TO '${join(dir, 'duckdb.parquet').replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`,
);
const theirs = (performance.now() - t) / 1000;
con.closeSync();
db.closeSync();

console.log(
  `importer           ${ours.toFixed(2)} s, ${Math.round(rows / ours).toLocaleString('en-US')} rows/s, peak memory ${rss ?? '?'} MB (parse, check, dedupe, Parquet + CSV)`,
);
console.log(
  `DuckDB read_csv    ${theirs.toFixed(2)} s, ${Math.round(rows / theirs).toLocaleString('en-US')} rows/s (CSV → Parquet, no checks)`,
);
console.log(`ratio              ${(ours / theirs).toFixed(1)}× DuckDB's own`);

// the importer's start-up alone (Node, the modules, the reference data): the same command on an empty folder
mkdirSync(join(dir, 'empty'), { recursive: true });
t = performance.now();
execFileSync(
  process.execPath,
  [join(ROOT, 'pipelines/cli.ts'), '--metrics', join(dir, 'empty'), '--out', join(dir, 'empty-out')],
  {
    encoding: 'utf8',
  },
);
const startup = (performance.now() - t) / 1000;
console.log(
  `start-up           ${startup.toFixed(2)} s of the importer's (an empty folder); the rest ${(ours - startup).toFixed(2)} s, ${((ours - startup) / theirs).toFixed(1)}× DuckDB's own`,
);

// what a browser reads for one county: the footer, then the row groups that can hold the county
const file = join(out, 'metrics_monthly.parquet');
const buffer = await asyncBufferFromFile(file);
const meta = await parquetMetadataAsync(buffer);
const codeColumn = meta.schema.findIndex((s) => s.name === 'county_code') - 1;
const county = '440232';
let bytes = 0;
let groups = 0;
for (const rg of meta.row_groups) {
  const stats = rg.columns[codeColumn]?.meta_data?.statistics;
  const min = String(stats?.min_value ?? '');
  const max = String(stats?.max_value ?? '');
  if (min <= county && county <= max) {
    groups++;
    bytes += rg.columns.reduce((a, c) => a + Number(c.meta_data?.total_compressed_size ?? 0), 0);
  }
}
const footer = meta.metadata_length + 8;
console.log(
  `one county (${county}) ${((bytes + footer) / 1024).toFixed(0)} KB read of ${(buffer.byteLength / 1e6).toFixed(1)} MB: ${groups} of ${meta.row_groups.length} row groups + ${(footer / 1024).toFixed(0)} KB footer`,
);

// a workbook of 100,000 rows (the first rows of the same CSV, as one sheet), saved as Excel saves one: numbers as
// numbers, text in the shared strings table, deflated; through the same importer
const bookRows = Math.min(100_000, rows);
const { data: cells } = Papa.parse<string[]>(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), {
  preview: bookRows + 1,
  skipEmptyLines: true,
});
const typed = cells.map((row) =>
  row.map((c) => (/^-?\d+(?:\.\d+)?$/.test(c) && !/^0\d/.test(c) ? Number(c) : c)),
);
mkdirSync(join(dir, 'book'), { recursive: true });
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(typed), 'Sheet1');
writeFileSync(
  join(dir, 'book/metrics.xlsx'),
  XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }),
);
t = performance.now();
const bookLog = execFileSync(
  process.execPath,
  [join(ROOT, 'pipelines/cli.ts'), '--metrics', join(dir, 'book'), '--out', join(dir, 'book-out')],
  { encoding: 'utf8' },
);
const bookSeconds = (performance.now() - t) / 1000;
console.log(
  `workbook           ${bookRows.toLocaleString('en-US')} rows (.xlsx, ${(statSync(join(dir, 'book/metrics.xlsx')).size / 1e6).toFixed(1)} MB): ${bookSeconds.toFixed(2)} s, ${Math.round(bookRows / bookSeconds).toLocaleString('en-US')} rows/s, peak memory ${/peak memory\s+(\d+) MB/.exec(bookLog)?.[1] ?? '?'} MB`,
);
