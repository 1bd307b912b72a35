import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { csvText, formulaSql } from '../contract/csv.ts';
import { checkRows, type Field, type FieldType, type Row, type Table } from '../contract/schema.ts';
import { failpoint, writeNamed } from './release.ts';

const DUCK_TYPE: Record<FieldType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  yearmonth: 'VARCHAR',
};

/**
 * Whether a field's CSV cells are escaped when a spreadsheet would take them for a formula (OWASP): free text is;
 * closed vocabularies (a comparator "=") and typed values are ours and written as they are.
 */
const escapesFormulae = (f: Field) => f.type === 'string' && !f.enum;

/** A value as its CSV cell: text that would run as a formula gets a ' in front (the Parquet keeps it as it is). */
const csvCell = (f: Field, v: string | number | boolean) =>
  escapesFormulae(f) && typeof v === 'string' ? csvText(v) : v;

/** A string as an SQL literal (file paths come from the command line). */
export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** What was written for one table. */
export interface Written {
  table: Table;
  rows: number;
  files: { path: string; format: 'parquet' | 'csv'; bytes: number; sha256: string }[];
}

/**
 * Writes each table as Parquet (ZSTD, rows sorted by key, typed columns even when all empty) and as CSV
 * (UTF-8 with BOM, so that Excel opens it), first to temporary files, then renamed into place, so a failed
 * run never leaves a half-written table.
 */
export async function writeTables(
  outDir: string,
  tables: { table: Table; rows: readonly Row[] }[],
): Promise<Written[]> {
  await mkdir(outDir, { recursive: true });
  // leftovers of an interrupted run are removed first
  for (const name of await readdir(outDir))
    if (name.startsWith('.tmp-')) await rm(join(outDir, name), { recursive: true, force: true });
  const tmp = join(outDir, `.tmp-${process.pid}`);
  await mkdir(tmp, { recursive: true });
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await db.connect();
  const written: Written[] = [];
  try {
    for (const { table, rows } of tables) {
      const sorted = checkRows(table, rows);
      const columns = table.fields.map((f) => f.name);
      // CSV: the column order of the schema, empty for null, text a spreadsheet would run as a formula escaped
      const cell = (f: Field, v: Row[string] | undefined) =>
        v === null || v === undefined ? '' : csvCell(f, v);
      const csv = Papa.unparse(
        { fields: columns, data: sorted.map((r) => table.fields.map((f) => cell(f, r[f.name]))) },
        { newline: '\n', quotes: false },
      );
      const csvBytes = Buffer.from(`\uFEFF${csv}\n`, 'utf8');
      await writeNamed(join(tmp, `${table.name}.csv`), csvBytes);
      // Parquet: through a typed DuckDB table (never inferred), in key order
      const jsonl = join(tmp, `${table.name}.jsonl`);
      await writeNamed(
        jsonl,
        sorted
          .map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))))
          .join('\n'),
      );
      const colSpec = table.fields.map((f) => `'${f.name}': '${DUCK_TYPE[f.type]}'`).join(', ');
      const select = columns.map((c) => `"${c}"`).join(', ');
      const parquet = join(tmp, `${table.name}.parquet`);
      await con.run(
        `COPY (SELECT ${select} FROM read_json(${sqlString(jsonl)}, format = 'newline_delimited', columns = {${colSpec}}))
         TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`,
      );
      await rm(jsonl);
      written.push({ table, rows: sorted.length, files: [] });
    }
  } finally {
    con.closeSync();
    db.closeSync();
  }
  await moveIntoPlace(tmp, outDir, written);
  return written;
}

/** Moves each table's Parquet and CSV from the temporary folder into place, recording size and hash. */
async function moveIntoPlace(tmp: string, outDir: string, written: Written[]) {
  for (const w of written) {
    for (const format of ['parquet', 'csv'] as const) {
      const name = `${w.table.name}.${format}`;
      // hashed as a stream: a national-scale table need not fit in memory
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of createReadStream(join(tmp, name), { highWaterMark: 1 << 20 })) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      await rename(join(tmp, name), join(outDir, name));
      w.files.push({ path: name, format, bytes, sha256: hash.digest('hex') });
    }
    failpoint(`tables-staged:${w.table.name}`);
  }
  await rm(tmp, { recursive: true, force: true });
}

/** The most memory writeQueries lets DuckDB hold when a step needs more than it was given. */
const MAX_MEMORY_MB = 4096;

/**
 * Writes large tables straight from DuckDB queries (the rows never become JavaScript objects): Parquet with the
 * given row-group size, CSV with a BOM and numbers written as JavaScript writes them (12000000, not 12000000.0).
 * `build` runs first on a connection and may create the tables the queries read; nothing is moved into place
 * unless every table was written.
 */
/**
 * A number as the CSV writes it: a whole number in its digits (1200000, not 1200000.0), also from 10^15 (DuckDB's
 * shortest form, 1.23456789012345e+18, with its exponent written out as zeros: 1234567890123450000, not the
 * double's own 1234567890123450112, a number no report wrote); any other as DuckDB writes it.
 */
const wholeText = (x: string) => {
  const v = `CAST(${x} AS VARCHAR)`;
  const mantissa = `split_part(${v}, 'e', 1)`;
  return `CASE WHEN ${x} = trunc(${x}) AND abs(${x}) < 1e15 THEN CAST(CAST(${x} AS BIGINT) AS VARCHAR)
    WHEN ${x} <> trunc(${x}) OR NOT isfinite(${x}) THEN ${v}
    WHEN contains(${v}, 'e+') THEN replace(${mantissa}, '.', '')
      || repeat('0', CAST(split_part(${v}, 'e+', 2) AS INTEGER) - length(split_part(${mantissa}, '.', 2)))
    ELSE regexp_replace(${v}, '\\.0$', '') END`;
};

export async function writeQueries(
  outDir: string,
  build: (
    run: (sql: string) => Promise<void>,
    all: (sql: string) => Promise<Record<string, unknown>[]>,
  ) => Promise<void>,
  tables: { table: Table; query: string; rowGroupSize?: number }[],
  {
    threads = 1,
    memoryMB = 256,
    notice = () => {},
  }: {
    /** DuckDB's threads: one for the plan tables; the metrics import, which checks a million rows in SQL, takes two */
    threads?: number;
    /** what DuckDB may hold in memory before it spills to its temporary folder (raised when a step needs more) */
    memoryMB?: number;
    /** told when the memory limit is raised */
    notice?: (line: string) => void;
  } = {},
): Promise<Written[]> {
  await mkdir(outDir, { recursive: true });
  const tmp = join(outDir, `.tmp-${process.pid}-q`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  // insertion order is not needed (every query sorts), which lets DuckDB spill and stream
  const db = await DuckDBInstance.create(':memory:', {
    threads: String(threads),
    memory_limit: `${memoryMB}MB`,
    preserve_insertion_order: 'false',
    temp_directory: join(tmp, 'duckdb.tmp'),
  });
  const con = await db.connect();
  // a statement that runs out of DuckDB's memory (what it cannot spill) is run again with twice the limit, up to
  // MAX_MEMORY_MB: a failed statement leaves nothing behind (each is its own transaction, a COPY rewrites its file)
  let limit = memoryMB;
  const roomy = async <T>(f: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        return await f();
      } catch (e) {
        if (!/^Out of Memory Error/.test((e as Error).message) || limit * 2 > MAX_MEMORY_MB) throw e;
        notice(
          `DuckDB ran out of its ${limit} MB memory limit; raised to ${limit * 2} MB for the rest of the run / DuckDB 内存不足 ${limit} MB，上限提高到 ${limit * 2} MB`,
        );
        limit *= 2;
        await con.run(`SET memory_limit = '${limit}MB'`);
      }
    }
  };
  const run = (sql: string) => roomy(async () => void (await con.run(sql)));
  const written: Written[] = [];
  try {
    await build(run, (sql) =>
      roomy(async () => (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]),
    );
    for (const { table, query, rowGroupSize } of tables) {
      const cast = (f: Field) =>
        f.type === 'number'
          ? `${wholeText(`"${f.name}"`)} AS "${f.name}"`
          : escapesFormulae(f)
            ? `CASE WHEN ${formulaSql(`"${f.name}"`)} THEN '''' || "${f.name}" ELSE "${f.name}" END AS "${f.name}"`
            : `CAST("${f.name}" AS ${DUCK_TYPE[f.type]}) AS "${f.name}"`;
      // the query runs once, into the Parquet file; the CSV is written from that file, in its order
      const parquet = join(tmp, `${table.name}.parquet`);
      const plain = `SELECT ${table.fields.map((f) => `CAST("${f.name}" AS ${DUCK_TYPE[f.type]}) AS "${f.name}"`).join(', ')} FROM (${query})`;
      // one thread sorts and writes the Parquet file: under the memory limit two ran out of memory (their sort
      // and row-group buffers, which DuckDB does not spill) in 3 of 8 runs of a million rows; one never did
      await con.run('SET threads = 1');
      await run(
        `COPY (${plain}) TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rowGroupSize ?? 100_000})`,
      );
      await con.run(`SET threads = ${threads}`);
      // the CSV's first header cell starts with the BOM, so that DuckDB writes the whole file (Excel reads UTF-8)
      const typed = `SELECT ${table.fields
        .map((f, i) => (i === 0 ? cast(f).replace(/ AS "([^"]+)"$/, ' AS "\uFEFF$1"') : cast(f)))
        .join(', ')} FROM read_parquet(${sqlString(parquet)})`;
      const order = (
        await con.runAndReadAll("SELECT current_setting('preserve_insertion_order') AS v")
      ).getRowObjectsJS()[0]!.v;
      await con.run('SET preserve_insertion_order = true');
      await run(`COPY (${typed}) TO ${sqlString(join(tmp, `${table.name}.csv`))} (FORMAT csv, HEADER true)`);
      await con.run(`SET preserve_insertion_order = ${order === true}`);
      const n = await con.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${sqlString(parquet)})`);
      written.push({ table, rows: Number(n.getRowObjectsJS()[0]!.n), files: [] });
    }
  } finally {
    con.closeSync();
    db.closeSync();
  }
  await moveIntoPlace(tmp, outDir, written);
  return written;
}

const FRICTIONLESS_TYPE: Record<FieldType, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  yearmonth: 'yearmonth',
};

/**
 * The data package of a set after this run: the resources written now, and those of the published package for
 * tables not written now (so that `--metrics DIR --out DIR` into a published folder keeps the plan tables, whose
 * files the release carries over). Sources are merged by title.
 */
export function mergedPackage(
  published: { resources?: { name: string }[]; sources?: { title: string }[] } | null,
  written: readonly Written[],
  sources: { title: string; path?: string }[],
): object {
  const fresh = dataPackage(written, sources) as {
    resources: { name: string }[];
    sources: { title: string }[];
  };
  const old = published ?? {};
  const names = new Set(fresh.resources.map((r) => r.name));
  const titles = new Set(fresh.sources.map((s) => s.title));
  const resources = [...(old.resources ?? []).filter((r) => !names.has(r.name)), ...fresh.resources].sort(
    (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return {
    ...fresh,
    sources: [...(old.sources ?? []).filter((s) => !titles.has(s.title)), ...fresh.sources],
    resources,
  };
}

/** A Frictionless Data Package describing every written table, its fields, units, keys, files and sources. */
export function dataPackage(
  written: readonly Written[],
  sources: { title: string; path?: string }[],
): { resources: { name: string }[]; [key: string]: unknown } {
  return {
    profile: 'data-package',
    name: 'plan-atlas',
    title: 'Plan Atlas 电商进农村示范县台账',
    description:
      'County implementation plans of China’s 电子商务进农村综合示范 programme, read into cited open data. Every value carries the span of the document text it was read from (span_start, span_end, quote).',
    licenses: [
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title:
          'Creative Commons Attribution 4.0 (the data); the documents themselves are public government documents (主动公开)',
      },
    ],
    sources,
    resources: written.flatMap((w) =>
      w.files.map((f) => ({
        name: `${w.table.name}${f.format === 'csv' ? '-csv' : ''}`,
        path: f.path,
        format: f.format,
        mediatype: f.format === 'csv' ? 'text/csv' : 'application/vnd.apache.parquet',
        ...(f.format === 'csv' ? { encoding: 'utf-8-sig' } : {}),
        bytes: f.bytes,
        hash: `sha256:${f.sha256}`,
        title: w.table.title,
        description: w.table.description,
        rows: w.rows,
        schema: {
          primaryKey: [...w.table.primaryKey],
          fields: w.table.fields.map((field) => ({
            name: field.name,
            type: FRICTIONLESS_TYPE[field.type],
            description: field.description,
            ...(field.unit ? { unit: field.unit } : {}),
            ...(field.enum
              ? { constraints: { enum: [...field.enum], ...(field.required ? { required: true } : {}) } }
              : field.required
                ? { constraints: { required: true } }
                : {}),
          })),
        },
      })),
    ),
  };
}
