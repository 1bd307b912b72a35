/**
 * Published CSV files never hand a spreadsheet a formula (CSV injection, as OWASP describes it): a text cell that
 * begins with = + - @, a tab or a carriage return is written with a ' in front, in the files the pipeline writes
 * itself and in those DuckDB writes (metrics_rejected); the Parquet files keep the text as it was; a plain negative
 * number stays a number.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, FORMULA, formulaSql } from '../pipelines/contract/csv.ts';
import { ROOT } from './helpers.ts';

let tmp: string;
let out: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'plan-atlas-formulae-'));
  mkdirSync(join(tmp, 'metrics'));
  out = join(tmp, 'out');
  writeFileSync(
    join(tmp, 'metrics', 'report.csv'),
    [
      'county_code,month,metric,value,unit',
      '469001,2020-03,express_parcels,=1+2,parcels',
      '469001,2020-04,express_parcels,@SUM(A1),parcels',
      '469001,2020-05,express_parcels,-5,parcels',
      '469001,2020-06,express_parcels,+cmd|calc,parcels',
      '',
    ].join('\n'),
  );
  const r = spawnSync(
    join(ROOT, 'node_modules/.bin/node'),
    ['pipelines/cli.ts', '--metrics', join(tmp, 'metrics'), '--out', out],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  expect(r.stderr).not.toMatch(/Error/);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('csvText(s)', () => {
  it("csvText(s) puts a ' before =, +, -, @, tab and CR, but not before a number", () => {
    expect(['=1+2', '+cmd', '-1+1', '@SUM(A1)', '\tx', '\rx'].map(csvText)).toEqual([
      "'=1+2",
      "'+cmd",
      "'-1+1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(['-5', '+1.5', '-.5', '1e5', 'x=1', '中文'].map(csvText)).toEqual([
      '-5',
      '+1.5',
      '-.5',
      '1e5',
      'x=1',
      '中文',
    ]);
  });
});

describe('metrics_rejected.csv, written by DuckDB', () => {
  it('escapes the raw values that would run as formulas, and the Parquet keeps them as written', async () => {
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(join(out, 'metrics_rejected.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows.map((r) => r.raw_value)).toEqual(["'=1+2", "'@SUM(A1)", '-5', "'+cmd|calc"]);
    for (const r of rows) expect(FORMULA.test(r.raw_value!)).toBe(false);
    const pq = (await parquetReadObjects({
      file: await asyncBufferFromFile(join(out, 'metrics_rejected.parquet')),
      compressors,
    })) as Record<string, unknown>[];
    expect(pq.map((r) => r.raw_value)).toEqual(['=1+2', '@SUM(A1)', '-5', '+cmd|calc']);
  });
});

describe('the formula test in SQL is the same as in JavaScript', () => {
  it('on cells that begin with each sign, plain numbers, empty text and others', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const cells = [
      '=1+2',
      '+1',
      '+1.5e3',
      '-5',
      '-',
      '-.5',
      '-5-3',
      '@SUM(A1)',
      '\tx',
      '\rx',
      'a=1',
      '',
      ' =1',
      '东港市',
      '1e5',
      '+e5',
    ];
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const rows = (
      await con.runAndReadAll(
        `SELECT x, ${formulaSql('x')} AS f FROM (VALUES ${cells.map((c) => `('${c.replaceAll("'", "''")}')`).join(', ')}) t(x)`,
      )
    ).getRowObjectsJS();
    con.closeSync();
    db.closeSync();
    expect(rows.map((r) => [r.x, r.f])).toEqual(cells.map((c) => [c, FORMULA.test(c)]));
  });
});
