/**
 * npm run bench:metrics [-- --rows N]
 *
 * Imports a synthetic CSV of about 1,000,000 rows through the metrics importer (in a child process, so that its
 * peak memory is its own) and, in the same run, DuckDB's own COPY (SELECT * FROM read_csv(…)) TO '….parquet' on
 * the same file, three times each in turn, and prints the medians with their ratio; then what DuckDB takes to write
 * the importer's outputs with no check (the rows sorted into Parquet, and the CSV), and the importer's start-up
 * alone (an empty folder). Then prints
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

// each measured RUNS times, the importer and DuckDB in turn (so that neither has the page cache or a busy disk
// to itself: the input has just been written), and the median reported with the range
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)} s`;
const q = (path: string) => `'${path.replaceAll("'", "''")}'`;

// the importer, as `npm run data -- --metrics DIR --out DIR` runs it
const out = join(dir, 'out');
const importer = () => {
  const t0 = performance.now();
  const log = execFileSync(
    process.execPath,
    [join(ROOT, 'pipelines/cli.ts'), '--metrics', join(dir, 'input'), '--out', out],
    { encoding: 'utf8' },
  );
  return {
    seconds: (performance.now() - t0) / 1000,
    rss: Number(/peak memory\s+(\d+) MB/.exec(log)?.[1] ?? Number.NaN),
  };
};
// DuckDB's own, on the same file: its CSV as Parquet; and the importer's outputs without a check (the rows sorted
// by key into Parquet, then the CSV from that file), what the importer could not do in less
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const duck = async (sql: string[]) => {
  const t0 = performance.now();
  for (const s of sql) await con.run(s);
  return (performance.now() - t0) / 1000;
};
const own = [
  `COPY (SELECT * FROM read_csv(${q(csv)})) TO ${q(join(dir, 'duckdb.parquet'))} (FORMAT parquet, COMPRESSION zstd)`,
];
const outputs = [
  `COPY (SELECT * FROM read_csv(${q(csv)}) ORDER BY county_code, month, metric) TO ${q(join(dir, 'sorted.parquet'))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 8192)`,
  `COPY (SELECT * FROM read_parquet(${q(join(dir, 'sorted.parquet'))})) TO ${q(join(dir, 'sorted.csv'))} (FORMAT csv, HEADER true)`,
];
const runs: { ours: number; rss: number; theirs: number; floor: number }[] = [];
// (the files written before each measurement flushed to disk first, so that the next does not wait on their writing)
const settle = () => execFileSync('sync');
for (let i = 0; i < RUNS; i++) {
  settle();
  const { seconds, rss } = importer();
  settle();
  const theirs = await duck(own);
  settle();
  runs.push({ ours: seconds, rss, theirs, floor: await duck(outputs) });
}
con.closeSync();
db.closeSync();
const ours = median(runs.map((r) => r.ours));
const theirs = median(runs.map((r) => r.theirs));
const floor = median(runs.map((r) => r.floor));
const peaks = runs.map((r) => r.rss);

console.log(
  `importer           ${ours.toFixed(2)} s (${range(runs.map((r) => r.ours))}, median of ${RUNS}), ${Math.round(rows / ours).toLocaleString('en-US')} rows/s, peak memory ${Math.min(...peaks)}–${Math.max(...peaks)} MB (parse, check, dedupe, Parquet + CSV)`,
);
console.log(
  `DuckDB read_csv    ${theirs.toFixed(2)} s (${range(runs.map((r) => r.theirs))}), ${Math.round(rows / theirs).toLocaleString('en-US')} rows/s (CSV → Parquet, no checks)`,
);
console.log(`ratio              ${(ours / theirs).toFixed(1)}× DuckDB's own`);
console.log(
  `DuckDB, outputs    ${floor.toFixed(2)} s (${range(runs.map((r) => r.floor))}), ${(floor / theirs).toFixed(1)}× its read_csv: the importer's outputs without a check (CSV → sorted Parquet → CSV)`,
);

// the importer's start-up alone (Node, the modules, the reference data): the same command on an empty folder
mkdirSync(join(dir, 'empty'), { recursive: true });
const startups = Array.from({ length: RUNS }, () => {
  const t0 = performance.now();
  execFileSync(
    process.execPath,
    [join(ROOT, 'pipelines/cli.ts'), '--metrics', join(dir, 'empty'), '--out', join(dir, 'empty-out')],
    { encoding: 'utf8' },
  );
  return (performance.now() - t0) / 1000;
});
const startup = median(startups);
console.log(
  `start-up           ${startup.toFixed(2)} s (${range(startups)}) of the importer's (an empty folder); the rest ${(ours - startup).toFixed(2)} s, ${((ours - startup) / theirs).toFixed(1)}× DuckDB's own`,
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
