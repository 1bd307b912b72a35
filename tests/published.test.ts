/**
 * The published output of `npm run data -- --plans DIR --out DIR`, read back from disk: provenance of every row,
 * Parquet and CSV agreeing, keys unique and sorted, amounts reconciling, and byte-identical reruns.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA } from '../pipelines/contract/csv.ts';
import {
  ALLOCATIONS,
  PLAN_TABLES,
  PUBLISHED_TABLES,
  TARGETS,
  type Table,
} from '../pipelines/contract/schema.ts';
import { setsFolder } from '../pipelines/publish/release.ts';
import { RAW, ROOT } from './helpers.ts';

const run = (out: string) =>
  execFileSync(
    process.execPath,
    [join(ROOT, 'pipelines/cli.ts'), '--plans', RAW, '--metrics', join(ROOT, 'data/metrics'), '--out', out],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );

let out: string;
let again: string;
let stdout: string;
const texts = new Map<string, string>();

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'plan-atlas-out-'));
  again = mkdtempSync(join(tmpdir(), 'plan-atlas-again-'));
  stdout = run(out);
  run(again);
  for (const name of readdirSync(RAW))
    texts.set(name.replace(/\.txt$/, ''), readFileSync(join(RAW, name), 'utf8').replace(/^\uFEFF/, ''));
});
afterAll(() => {
  for (const dir of [out, again, setsFolder(out), setsFolder(again)])
    rmSync(dir, { recursive: true, force: true });
});

type Csv = Record<string, string>[];
/** A CSV file's rows as written, with the ' that keeps a spreadsheet from running a cell as a formula. */
const csvAsWritten = (table: Table): Csv => {
  const raw = readFileSync(join(out, `${table.name}.csv`), 'utf8');
  expect(raw.startsWith('\uFEFF'), `${table.name}.csv starts with a BOM`).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(raw.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(table.fields.map((f) => f.name));
  return parsed.data;
};
/** A CSV file's rows with the values they stand for: the ' in front of a would-be formula taken off. */
const csv = (table: Table): Csv =>
  csvAsWritten(table).map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        v.startsWith("'") && FORMULA.test(v.slice(1)) ? v.slice(1) : v,
      ]),
    ),
  );
const parquet = async (table: Table) =>
  (await parquetReadObjects({
    file: await asyncBufferFromFile(join(out, `${table.name}.parquet`)),
    compressors,
  })) as Record<string, unknown>[];

describe('npm run data -- --plans DIR --metrics DIR --out DIR', () => {
  it('prints progress per document and a summary', () => {
    for (const id of texts.keys()) expect(stdout).toContain(id);
    for (const line of ['documents read', 'facts extracted', 'amounts unaccounted', 'findings', 'errors'])
      expect(stdout).toContain(line);
  });

  it("CSV cells a spreadsheet would run as a formula start with a ' (OWASP); closed vocabularies do not", () => {
    // allocations quote table rows of the plans, some of which begin with a tab
    const quotes = csvAsWritten(ALLOCATIONS).map((r) => r.quote!);
    const tabbed = csv(ALLOCATIONS).filter((r) => r.quote!.startsWith('\t'));
    expect(tabbed.length).toBeGreaterThan(0);
    for (const q of quotes) expect(FORMULA.test(q), JSON.stringify(q.slice(0, 30))).toBe(false);
    expect(quotes.filter((q) => q.startsWith("'\t")).length).toBe(tabbed.length);
    // a comparator is a code of ours, not text: "=" stays "="
    expect(csvAsWritten(TARGETS).some((r) => r.comparator === '=')).toBe(true);
  });

  it.each(PLAN_TABLES.map((t) => [t.name, t] as const))(
    '%s: every row quotes its span exactly (quote === text.slice(start, end))',
    (_, table) => {
      const rows = csv(table);
      if (!table.fields.some((f) => f.name === 'quote')) return;
      for (const row of rows) {
        if (row.span_start === '') {
          expect(row.quote).toBe('');
          continue;
        }
        const text = texts.get(row.doc_id!)!;
        expect(row.quote, `${table.name} ${JSON.stringify(row).slice(0, 120)}`).toBe(
          text.slice(Number(row.span_start), Number(row.span_end)),
        );
        expect(row.quote!.length).toBeGreaterThan(0);
      }
    },
  );

  it.each(PUBLISHED_TABLES.map((t) => [t.name, t] as const))(
    '%s: Parquet and CSV hold the same rows, sorted by a unique key',
    async (_, table) => {
      const rows = csv(table);
      const pq = await parquet(table);
      expect(pq.length).toBe(rows.length);
      const str = (v: unknown) =>
        v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
      pq.forEach((r, i) => {
        for (const f of table.fields)
          expect(str(r[f.name]), `${table.name} row ${i} ${f.name}`).toBe(rows[i]![f.name]);
      });
      const keys = rows.map((r) => table.primaryKey.map((k) => r[k]).join('\u0000'));
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual(keys);
    },
  );

  it('rules: every quote read in a plan is that plan’s text at its span; the others say they are unverified', () => {
    const rules = csv(PUBLISHED_TABLES.find((t) => t.name === 'rules')!);
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      if (r.read_in === '') {
        expect(r.source_status).toBe('unverified');
        continue;
      }
      expect(texts.get(r.read_in!)!.slice(Number(r.quote_span_start), Number(r.quote_span_end))).toBe(
        r.quote,
      );
    }
  });

  it('every number of an allocation has its own span in amounts, accounted to that allocation', () => {
    const amounts = csv(PLAN_TABLES.find((t) => t.name === 'amounts')!);
    for (const a of csv(PLAN_TABLES.find((t) => t.name === 'allocations')!)) {
      for (const f of [
        'central_yuan',
        'provincial_yuan',
        'local_yuan',
        'other_yuan',
        'amount_yuan',
      ] as const) {
        if (a[f] === '' || (f === 'amount_yuan' && a.amount_basis !== 'stated')) continue;
        const own = amounts.filter(
          (m) =>
            m.doc_id === a.doc_id && m.accounted_by === `allocation:${a.item_id}` && m.amount_yuan === a[f],
        );
        expect(own.length, `${a.doc_id} ${a.item_id} ${f} = ${a[f]}`).toBeGreaterThan(0);
      }
    }
  });

  it('amounts reconcile per document: read = accounted + unaccounted, one finding per unaccounted amount', () => {
    const docs = csv(PLAN_TABLES.find((t) => t.name === 'documents')!);
    const amounts = csv(PLAN_TABLES.find((t) => t.name === 'amounts')!);
    const findings = csv(PLAN_TABLES.find((t) => t.name === 'findings')!);
    expect(docs.map((d) => d.doc_id).sort()).toEqual([...texts.keys()].sort());
    for (const d of docs) {
      const own = amounts.filter((m) => m.doc_id === d.doc_id);
      expect(Number(d.amounts)).toBe(own.length);
      expect(Number(d.amounts_accounted)).toBe(own.filter((m) => m.accounted_by !== '').length);
      const unaccounted = findings.filter((f) => f.doc_id === d.doc_id && f.check === 'unaccounted_amount');
      expect(unaccounted.length).toBe(own.filter((m) => m.accounted_by === '').length);
    }
  });

  it('datapackage.json describes every file with its size, hash, fields and key', () => {
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as {
      resources: {
        path: string;
        bytes: number;
        hash: string;
        schema: { fields: { name: string }[]; primaryKey: string[] };
      }[];
    };
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(
      PUBLISHED_TABLES.flatMap((t) => [`${t.name}.csv`, `${t.name}.parquet`]).sort(),
    );
    for (const r of pkg.resources) {
      const bytes = readFileSync(join(out, r.path));
      expect(r.bytes).toBe(bytes.length);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      const table = PUBLISHED_TABLES.find((t) => r.path.startsWith(`${t.name}.`))!;
      expect(r.schema.fields.map((f) => f.name)).toEqual(table.fields.map((f) => f.name));
      expect(r.schema.primaryKey).toEqual([...table.primaryKey]);
    }
  });

  it('the same input gives byte-identical outputs', () => {
    const files = readdirSync(out).sort();
    expect(readdirSync(again).sort()).toEqual(files);
    for (const f of files)
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  });
});
