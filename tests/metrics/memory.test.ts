/**
 * The same report sent twice (a corrected copy beside the original) makes every value a duplicate. The import
 * must set them aside within DuckDB's memory limit, spilling what does not fit, instead of stopping with DuckDB's
 * out-of-memory error. Here: 299,670 values twice (every county of the division table × 105 months), under a
 * 128 MB limit: a copy with every 1,000th value changed, and a revised copy with every value changed; and the first
 * under 24 MB, which DuckDB cannot keep to.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileSummary } from '../../pipelines/metrics/import.ts';
import { importMetrics } from '../../pipelines/metrics/publish.ts';
import { loadReference, type Reference } from '../../pipelines/reference/index.ts';

const MONTHS = 105;
let values = 0;
let ref: Reference;

const dirs: string[] = [];

/** Imports an original and a copy whose value i is changed by `delta(i)`; the summaries and rejections. */
async function importTwice(delta: (i: number) => number, memoryMB = 128) {
  const dir = mkdtempSync(join(tmpdir(), 'plan-atlas-memory-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'in'));
  const original: string[] = ['county_code,month,metric,value'];
  const copy: string[] = ['county_code,month,metric,value'];
  let i = 0;
  for (const { code } of ref.divisions.counties)
    for (let m = 0; m < MONTHS; m++) {
      const month = `${2015 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      const value = (i * 7) % 5000;
      original.push(`${code},${month},express_parcels,${value}`);
      copy.push(`${code},${month},express_parcels,${value + delta(i)}`);
      i++;
    }
  values = i;
  writeFileSync(join(dir, 'in', 'a-original.csv'), `${original.join('\n')}\n`);
  writeFileSync(join(dir, 'in', 'b-copy.csv'), `${copy.join('\n')}\n`);
  const out = join(dir, 'out');
  const notices: string[] = [];
  const { files } = await importMetrics(join(dir, 'in'), out, ref, () => {}, {
    memoryMB,
    notice: (line) => notices.push(line),
  });
  const [header, ...rows] = Papa.parse<string[]>(
    readFileSync(join(out, 'metrics_rejected.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim(),
  ).data;
  const at = header!.indexOf('reason');
  const reasons: Record<string, number> = {};
  for (const r of rows) reasons[r[at]!] = (reasons[r[at]!] ?? 0) + 1;
  const monthly = readFileSync(join(out, 'metrics_monthly.csv'), 'utf8').trim().split('\n').length - 1;
  const byFile: Record<string, FileSummary> = Object.fromEntries(
    files.map((f) => [f.file.split('/').pop(), f]),
  );
  const column = (name: string) => header!.indexOf(name);
  return { byFile, reasons, monthly, rows, column, notices };
}

let few: Awaited<ReturnType<typeof importTwice>>;
let all: Awaited<ReturnType<typeof importTwice>>;
let tight: Awaited<ReturnType<typeof importTwice>>;

beforeAll(async () => {
  ref = loadReference();
  few = await importTwice((i) => (i % 1000 === 999 ? 1 : 0));
  // one more or one less: (i × 7) mod 5000 is never 0 for an odd i
  all = await importTwice((i) => (i % 2 ? -1 : 1));
  // far too little memory: DuckDB's limit is raised, the run says so, and it gives what it gives at 128 MB
  tight = await importTwice((i) => (i % 1000 === 999 ? 1 : 0), 24);
}, 240_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a report given twice, under a small memory limit', () => {
  it('sets every duplicate aside and publishes the rest (a copy with a few values changed)', () => {
    // every 1,000th value of the copy differs: both values of those keys are rejected as a conflict
    const conflicts = Math.floor(values / 1000);
    expect(few.reasons).toEqual({
      duplicate_conflict: 2 * conflicts,
      duplicate_identical: values - conflicts,
    });
    expect(few.byFile['a-original.csv']).toMatchObject({ accepted: values - conflicts, rejected: conflicts });
    expect(few.byFile['b-copy.csv']).toMatchObject({ accepted: 0, rejected: values });
    expect(few.monthly).toBe(values - conflicts);
  });

  it('rejects both values of every key when every value of the copy differs', () => {
    expect(all.reasons).toEqual({ duplicate_conflict: 2 * values });
    expect(all.byFile['a-original.csv']).toMatchObject({ accepted: 0, rejected: values });
    expect(all.byFile['b-copy.csv']).toMatchObject({ accepted: 0, rejected: values });
    expect(all.monthly).toBe(0);
    // the first county's second month: 7 in the original, 6 in the copy, named in the order they appear
    const second = all.rows.find(
      (r) => r[all.column('file')]!.endsWith('a-original.csv') && r[all.column('line')] === '3',
    )!;
    expect(second[all.column('reason_zh')]).toMatch(
      /：7（a-original\.csv 第 3 行） \/ 6（b-copy\.csv 第 3 行）$/,
    );
  });

  it('raises DuckDB’s memory limit when a step runs out of it, says so, and gives the same tables', () => {
    expect(tight.reasons).toEqual(few.reasons);
    expect(tight.monthly).toBe(few.monthly);
    expect(tight.byFile['b-copy.csv']).toMatchObject({ accepted: 0, rejected: values });
    expect(tight.notices.length).toBeGreaterThan(0);
    expect(tight.notices[0]).toMatch(/^DuckDB ran out of its 24 MB memory limit.*raised to 48 MB/);
  });
});
