/**
 * npm run data                                  builds every published table from data/ into public/data/
 * npm run data -- --plans DIR --out DIR         runs the plan pipeline on a folder of .txt documents
 * npm run data -- --metrics DIR --out DIR       imports every CSV of DIR into metrics_monthly and metrics_rejected
 *
 * Progress per document on stdout, problems on stderr, a summary at the end; the exit code is 1 when any
 * document failed (the others are still written). The run publishes all or nothing (release.ts): every table and
 * datapackage.json go into a staging folder, which replaces the published set in one step once it is complete.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  COUNTIES,
  DOCUMENT_FIELDS,
  DOCUMENTS,
  PLAN_TABLES,
  PROGRESS,
  type Row,
  RULES,
  TARGETS,
} from './contract/schema.ts';
import { progressRows } from './metrics/progress.ts';
import { importMetrics, readSeries } from './metrics/publish.ts';
import { reconciles, summaryHeader, summaryLine } from './metrics/summary.ts';
import { type DocResult, type Effects, readPlans } from './plan/plans.ts';
import { carryOver, failpoint, openRelease, type Release, writeNamed } from './publish/release.ts';
import { dataPackage, mergedPackage, type Written, writeTables } from './publish/tables.ts';
import { loadReference, referenceRows } from './reference/index.ts';

const ROOT = resolve(import.meta.dirname, '..');

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      plans: { type: 'string' },
      meta: { type: 'string' },
      metrics: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      'usage: npm run data [-- [--plans DIR [--meta DIR]] [--metrics DIR] --out DIR]\n' +
        '  no options: data/plans/raw, data/plans/meta and data/metrics into public/data, with progress',
    );
    return 0;
  }
  const everything = values.plans === undefined && values.metrics === undefined;
  const plansDir = everything ? join(ROOT, 'data/plans/raw') : values.plans ? resolve(values.plans) : null;
  const metaDir = values.meta ? resolve(values.meta) : everything ? join(ROOT, 'data/plans/meta') : null;
  const metricsDir = everything
    ? join(ROOT, 'data/metrics')
    : values.metrics
      ? resolve(values.metrics)
      : null;
  const outDir = resolve(values.out ?? join(ROOT, 'public/data'));
  const effects: Effects = {
    progress: (line) => console.log(line),
    problem: (line) => console.error(`✗ ${line}`),
  };
  const ref = loadReference();
  const d = ref.divisions;
  console.log(
    `Reference: ${d.counties.length} counties, ${d.prefectures.length} prefectures (${d.source.package}; ${d.functionalAreas.length} functional zones left out), ${ref.aliases.length} former names, ${ref.rules.length} rules`,
  );
  const release = await openRelease(outDir, (line) => console.log(line));
  let failures: number;
  let written: Written[];
  try {
    ({ failures, written } = await build(release, { plansDir, metaDir, metricsDir, outDir, ref, effects }));
  } finally {
    await release.close();
  }
  console.log('');
  for (const w of written) console.log(`  ${w.table.name.padEnd(18)} ${String(w.rows).padStart(8)} rows`);
  console.log(`peak memory         ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  return failures > 0 ? 1 : 0;
}

interface Inputs {
  plansDir: string | null;
  metaDir: string | null;
  metricsDir: string | null;
  outDir: string;
  ref: ReturnType<typeof loadReference>;
  effects: Effects;
}

/** Reads plans and metrics into the release's staging folder, writes its datapackage.json and publishes it. */
async function build(release: Release, o: Inputs): Promise<{ failures: number; written: Written[] }> {
  const { plansDir, metaDir, metricsDir, outDir, ref, effects } = o;
  const stage = release.dir;
  const d = ref.divisions;
  const written: Written[] = [];
  const sources: { title: string; path?: string }[] = [];
  let failures = 0;

  // —— plans ——
  let results: DocResult[] = [];
  if (plansDir) {
    console.log(`Plans: ${plansDir} → ${outDir}`);
    const plans = await readPlans(plansDir, metaDir, effects, ref);
    results = plans.results;
    const reference = referenceRows(ref);
    written.push(
      ...(await writeTables(stage, [
        ...PLAN_TABLES.map((table) => ({
          table,
          rows: results.flatMap((r) => r.rows.get(table) ?? []) as Row[],
        })),
        { table: COUNTIES, rows: reference.counties },
        { table: RULES, rows: reference.rules },
      ])),
    );
    sources.push(
      { title: 'County implementation plans (实施方案), as published; see documents.source_url' },
      {
        title: `County-level divisions: ${d.source.vintage}, via the npm package ${d.source.package}. ${d.source.licence}`,
        path: 'https://www.stats.gov.cn/sj/tjbz/qhdm/',
      },
      {
        title:
          'Programme rules: data/rules/rules.yaml, each with its quote, citation and source status (rules table)',
      },
    );
    const failed = results.filter((r) => !r.ok);
    failures += failed.length;
    const amounts = results.reduce((a, r) => a + r.amounts, 0);
    const accounted = results.reduce((a, r) => a + r.accounted, 0);
    console.log('');
    console.log(`documents read      ${results.length - failed.length} of ${results.length}`);
    console.log(`facts extracted     ${results.reduce((a, r) => a + r.facts, 0)}`);
    console.log(`amounts unaccounted ${amounts - accounted} of ${amounts}`);
    console.log(`findings            ${results.reduce((a, r) => a + r.findings, 0)}`);
    console.log(
      `errors              ${failed.length}${failed.length ? `: ${failed.map((f) => f.docId).join(', ')}` : ''}`,
    );
    console.log(
      `skipped             ${plans.skipped.length}${plans.skipped.length ? `: ${plans.skipped.map((f) => f.name).join(', ')}` : ''}`,
    );
  }

  // —— monthly metrics ——
  if (metricsDir) {
    console.log('');
    console.log(`Metrics: ${metricsDir} → ${outDir}`);
    const imported = await importMetrics(metricsDir, stage, ref, effects.problem);
    written.push(...imported.written);
    sources.push({
      title:
        'Monthly metrics: the CSV files of data/metrics/ (file:line in metrics_monthly.source). Rows with synthetic = true are generated sample data (示例数据), not real reports.',
    });
    console.log(summaryHeader());
    for (const f of imported.files) {
      const ok = reconciles(f);
      console.log(summaryLine(f));
      if (f.error) effects.problem(`${f.file}: ${f.error}`);
      if (f.error || !ok) failures++;
    }
    if (imported.files.length === 0) console.log('(no .csv files)');

    // —— progress: plans against their metrics, when both were read in this run ——
    if (plansDir) {
      const docs = results.flatMap((r) => r.rows.get(DOCUMENTS) ?? []);
      const codes = [
        ...new Set(docs.map((x) => x.county_code).filter((c): c is string => typeof c === 'string')),
      ];
      const series = await readSeries(join(stage, 'metrics_monthly.parquet'), codes);
      const rows = progressRows(
        docs,
        results.flatMap((r) => r.rows.get(TARGETS) ?? []),
        results.flatMap((r) => r.rows.get(DOCUMENT_FIELDS) ?? []),
        series,
      );
      written.push(...(await writeTables(stage, [{ table: PROGRESS, rows }])));
    }
  }

  // the tables this run did not write are carried from the published set, so that the new set is complete
  const old = release.current ? await readPackage(join(release.current, 'datapackage.json')) : null;
  // a published set that cannot be read (a link whose set is gone) cannot lend this run the tables it does not write
  if (release.current && !old && !(plansDir && metricsDir))
    throw new Error(
      `the published set ${release.current} cannot be read, so the tables this run does not write cannot be kept; run npm run data with both plans and metrics; nothing was published`,
    );
  const fresh = new Set(dataPackage(written, sources).resources.map((r) => r.name));
  const carried = await carryOver(
    release,
    (old?.resources ?? []).filter((r) => !fresh.has(r.name)),
  );
  if (carried.length)
    console.log(
      `kept from the published set: ${[...new Set(carried.map((r) => r.path))].join(', ')}${plansDir && metricsDir ? '' : ' (progress is recomputed only when plans and metrics are read together)'}`,
    );
  const pkg = mergedPackage(old && { ...old, resources: carried }, written, sources);
  await writeNamed(join(stage, 'datapackage.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  failpoint('package-staged');
  await release.commit();
  return { failures, written };
}

/** A published datapackage.json, or null when there is none to read. */
async function readPackage(
  file: string,
): Promise<{ resources: { name: string; path: string; bytes: number; hash: string }[] } | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    console.error(`✗ ${e.message}`);
    process.exitCode = 2;
  },
);
