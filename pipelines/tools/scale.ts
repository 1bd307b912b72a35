/**
 * npm run data:scale -- --counties N --months M [--out DIR] [--seed S]
 *
 * A national-scale synthetic data set for benchmarks (e.g. 2,854 counties × 120 months × 9 metrics ≈ 3 million
 * rows), outside the published data: the input CSV in DIR/input/, and the same tables as public/data/
 * (metrics_monthly, metrics_rejected, counties, datapackage.json, and the plan tables copied from public/data/) in
 * DIR, so that the site and the benchmarks can be pointed at it. Every metric row is synthetic.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { COUNTIES, PLAN_TABLES } from '../contract/schema.ts';
import { importMetrics } from '../metrics/publish.ts';
import { mergedPackage, writeTables } from '../publish/tables.ts';
import { loadReference, ROOT, referenceRows } from '../reference/index.ts';
import { rng, type SampleCounty, sampleRows } from './sample.ts';

const ymOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const index = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

/**
 * Writes a long-form CSV of `counties` counties × `months` months ending 2025-12 (seeded), streaming; returns
 * the number of rows. Counties are taken in code order from the division table; each gets an invented sales
 * level, a demonstration period between 2015 and 2023, and station targets from its village count.
 */
export function writeScaleCsv(file: string, counties: number, months: number, seed: number): number {
  const ref = loadReference();
  const random = rng(seed);
  const to = '2025-12';
  const from = ymOf(index(to) - months + 1);
  const fd = openSync(file, 'w');
  let rows = 0;
  let buf: string[] = ['\uFEFFcounty_code,county,month,metric,value,unit,synthetic,note'];
  try {
    for (const c of ref.divisions.counties.slice(0, counties)) {
      const startYear = 2015 + Math.floor(random() * 9);
      const start = `${startYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
      const county: SampleCounty = {
        code: c.code,
        name: c.name,
        start,
        end: ymOf(index(start) + 17),
        base: Math.round(200 * 100 ** random()),
        villageStations: Math.round(c.village_committees * (0.4 + random() * 0.5)),
        townshipStations: c.townships,
        trainingTarget: 1000 + Math.round(random() * 4000),
        central: random() < 0.8 ? 2000 : 1500,
        local: 200,
      };
      for (const line of sampleRows(county, from, to, random, 'synthetic')) {
        buf.push(line);
        rows++;
        if (buf.length >= 50_000) {
          writeSync(fd, `${buf.join('\n')}\n`);
          buf = [];
        }
      }
    }
    if (buf.length) writeSync(fd, `${buf.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
  return rows;
}

async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      counties: { type: 'string', default: '2854' },
      months: { type: 'string', default: '120' },
      out: { type: 'string', default: join(ROOT, 'bench/out/scale') },
      seed: { type: 'string', default: '2025' },
    },
    strict: true,
  });
  const counties = Number(values.counties);
  const months = Number(values.months);
  if (!Number.isInteger(counties) || counties < 1 || !Number.isInteger(months) || months < 1)
    throw new Error('--counties and --months must be positive whole numbers');
  const out = resolve(values.out!);
  const input = join(out, 'input');
  mkdirSync(input, { recursive: true });
  let t = performance.now();
  const rows = writeScaleCsv(join(input, 'metrics.csv'), counties, months, Number(values.seed));
  console.log(
    `generated  ${rows.toLocaleString('en-US')} rows (synthetic) in ${((performance.now() - t) / 1000).toFixed(1)} s → ${input}`,
  );
  t = performance.now();
  const ref = loadReference();
  const imported = await importMetrics(input, out, ref, (line) => console.error(`✗ ${line}`));
  const written = [
    ...imported.written,
    ...(await writeTables(out, [{ table: COUNTIES, rows: referenceRows(ref).counties }])),
  ];
  // the plan tables as published, so that the site and the benchmarks find every table here
  const published = join(ROOT, 'public/data');
  for (const name of [...PLAN_TABLES.map((t) => t.name), 'rules', 'progress'])
    for (const ext of ['parquet', 'csv'])
      if (existsSync(join(published, `${name}.${ext}`)))
        copyFileSync(join(published, `${name}.${ext}`), join(out, `${name}.${ext}`));
  await writeFile(
    join(out, 'datapackage.json'),
    `${JSON.stringify(mergedPackage(null, written, [{ title: 'Synthetic national-scale benchmark data (not real)' }]), null, 2)}\n`,
  );
  console.log(`imported   in ${((performance.now() - t) / 1000).toFixed(1)} s → ${out}`);
  for (const w of written) console.log(`  ${w.table.name.padEnd(18)} ${String(w.rows).padStart(10)} rows`);
}

if (import.meta.main)
  main(process.argv.slice(2)).catch((e: Error) => {
    console.error(`✗ ${e.message}`);
    process.exitCode = 2;
  });
