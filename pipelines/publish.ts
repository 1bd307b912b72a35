import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { checkRows, type FieldType, type Row, type Table } from './schema.ts';

const DUCK_TYPE: Record<FieldType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  yearmonth: 'VARCHAR',
};

/** A file path as an SQL string literal (paths come from the command line). */
const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

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
      // CSV: the column order of the schema, empty for null
      const csv = Papa.unparse(
        { fields: columns, data: sorted.map((r) => columns.map((c) => r[c] ?? '')) },
        { newline: '\n', quotes: false },
      );
      const csvBytes = Buffer.from(`\uFEFF${csv}\n`, 'utf8');
      await writeFile(join(tmp, `${table.name}.csv`), csvBytes);
      // Parquet: through a typed DuckDB table (never inferred), in key order
      const jsonl = join(tmp, `${table.name}.jsonl`);
      await writeFile(
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
  for (const w of written) {
    for (const format of ['parquet', 'csv'] as const) {
      const name = `${w.table.name}.${format}`;
      const bytes = await readFile(join(tmp, name));
      await rename(join(tmp, name), join(outDir, name));
      w.files.push({
        path: name,
        format,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
  }
  await rm(tmp, { recursive: true, force: true });
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

/** A Frictionless Data Package describing every written table, its fields, units, keys, files and sources. */
export function dataPackage(
  written: readonly Written[],
  sources: { title: string; path?: string }[],
): object {
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
