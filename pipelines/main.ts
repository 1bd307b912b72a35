/**
 * What `npm run data` runs (pipelines/cli.ts starts it): the plan pipeline, the metrics import, or both, published
 * all or nothing.
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
  REVIEW,
  type Row,
  RULES,
  TARGETS,
} from './contract/schema.ts';
import { progressRows } from './metrics/progress.ts';
import { importMetrics, readSeries } from './metrics/publish.ts';
import { noteLines, reconciles, skippedLine, summaryHeader, summaryLine } from './metrics/summary.ts';
import { matchAchievements } from './plan/achievements.ts';
import type { DocResult, Effects } from './plan/plans.ts';
import { carryOver, failpoint, openRelease, type Release, writeNamed } from './publish/release.ts';
import { dataPackage, mergedPackage, type Written, writeTables } from './publish/tables.ts';
import { loadReference, referenceRows } from './reference/index.ts';

const ROOT = resolve(import.meta.dirname, '..');

type Reference = ReturnType<typeof loadReference>;

/** The folders a run reads and writes, the reference data and the effects it reports through. */
interface Inputs {
  plansDir: string | null;
  metaDir: string | null;
  metricsDir: string | null;
  outDir: string;
  ref: Reference;
  effects: Effects;
}

/** A source of the data package (a title, and a link when there is one). */
type Source = { title: string; path?: string };

/** What one part of a run gave: the tables it wrote, their sources, and how many of its inputs failed. */
interface Part {
  written: Written[];
  sources: Source[];
  failures: number;
}

/** The command's options, or null when it was asked for its usage. */
function parseOptions(
  argv: string[],
): { plans?: string; meta?: string; metrics?: string; out?: string } | null {
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
  return values.help ? null : values;
}

/** The folders of a run: without --plans and --metrics, everything under data/ into public/data. */
function foldersOf(values: { plans?: string; meta?: string; metrics?: string; out?: string }) {
  const everything = values.plans === undefined && values.metrics === undefined;
  const plansDir = everything ? join(ROOT, 'data/plans/raw') : values.plans ? resolve(values.plans) : null;
  const metaDir = values.meta ? resolve(values.meta) : everything ? join(ROOT, 'data/plans/meta') : null;
  const metricsDir = everything
    ? join(ROOT, 'data/metrics')
    : values.metrics
      ? resolve(values.metrics)
      : null;
  const outDir = resolve(values.out ?? join(ROOT, 'public/data'));
  return { plansDir, metaDir, metricsDir, outDir };
}

/** Reads the options, builds and publishes the set, and prints what was written; the exit code. */
async function main(argv: string[]): Promise<number> {
  const values = parseOptions(argv);
  if (!values) {
    console.log(
      'usage: npm run data [-- [--plans DIR [--meta DIR]] [--metrics DIR] --out DIR]\n' +
        '  no options: data/plans/raw, data/plans/meta and data/metrics into public/data, with progress',
    );
    return 0;
  }
  const folders = foldersOf(values);
  const effects: Effects = {
    progress: (line) => console.log(line),
    problem: (line) => console.error(`✗ ${line}`),
  };
  const ref = loadReference();
  const d = ref.divisions;
  console.log(
    `Reference: ${d.counties.length} counties, ${d.prefectures.length} prefectures (${d.source.package}; ${d.functionalAreas.length} functional zones left out), ${ref.aliases.length} former names, ${ref.rules.length} rules`,
  );
  const release = await openRelease(folders.outDir, (line) => console.log(line));
  let failures: number;
  let written: Written[];
  try {
    ({ failures, written } = await build(release, { ...folders, ref, effects }));
  } finally {
    await release.close();
  }
  console.log('');
  for (const w of written) console.log(`  ${w.table.name.padEnd(18)} ${String(w.rows).padStart(8)} rows`);
  console.log(`peak memory         ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  return failures > 0 ? 1 : 0;
}

/** The sources of the plan tables: the plans, the division tables and the programme rules. */
function planSources(ref: Reference): Source[] {
  const d = ref.divisions;
  return [
    { title: 'County implementation plans (实施方案), as published; see documents.source_url' },
    {
      title: `County-level divisions: ${d.source.vintage}, via the npm package ${d.source.package}. ${d.source.licence}`,
      path: 'https://www.stats.gov.cn/sj/tjbz/qhdm/',
    },
    {
      title:
        'Programme rules: data/rules/rules.yaml, each with its quote, citation and source status (rules table)',
    },
  ];
}

/**
 * Prints what the plans gave: documents read, documents by kind, facts and facts to review, amounts unaccounted,
 * findings, errors and files skipped.
 */
function printPlanSummary(results: readonly DocResult[], skipped: readonly { name: string }[]): void {
  const failed = results.filter((r) => !r.ok);
  const amounts = results.reduce((a, r) => a + r.amounts, 0);
  const accounted = results.reduce((a, r) => a + r.accounted, 0);
  console.log('');
  console.log(`documents read      ${results.length - failed.length} of ${results.length}`);
  const kinds = new Map<string, number>();
  for (const r of results) {
    const kind = r.ok ? String(r.rows.get(DOCUMENTS)![0]!.doc_type) : 'failed';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  console.log(`by kind             ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ') || '—'}`);
  console.log(`facts extracted     ${results.reduce((a, r) => a + r.facts, 0)}`);
  console.log(`facts to review     ${results.reduce((a, r) => a + (r.rows.get(REVIEW)?.length ?? 0), 0)}`);
  console.log(`amounts unaccounted ${amounts - accounted} of ${amounts}`);
  console.log(`findings            ${results.reduce((a, r) => a + r.findings, 0)}`);
  console.log(
    `errors              ${failed.length}${failed.length ? `: ${failed.map((f) => f.docId).join(', ')}` : ''}`,
  );
  console.log(
    `skipped             ${skipped.length}${skipped.length ? `: ${skipped.map((f) => f.name).join(', ')}` : ''}`,
  );
}

/** Reads the plans of a folder into the plan tables and the reference tables; a failed document is a failure. */
async function planPart(
  stage: string,
  plansDir: string,
  o: Inputs,
): Promise<Part & { results: DocResult[] }> {
  console.log(`Plans: ${plansDir} → ${o.outDir}`);
  // the document readers (pdf.js, mammoth, OpenCC, linkedom) are loaded only by a run that reads plans
  const { readPlans } = await import('./plan/plans.ts');
  const plans = await readPlans(plansDir, o.metaDir, o.effects, o.ref);
  const { results } = plans;
  // what the counties' reports say was done, beside the targets of their plans
  matchAchievements(results);
  const reference = referenceRows(o.ref);
  const written = await writeTables(stage, [
    ...PLAN_TABLES.map((table) => ({
      table,
      rows: results.flatMap((r) => r.rows.get(table) ?? []) as Row[],
    })),
    { table: COUNTIES, rows: reference.counties },
    { table: RULES, rows: reference.rules },
  ]);
  printPlanSummary(results, plans.skipped);
  return { written, sources: planSources(o.ref), failures: results.filter((r) => !r.ok).length, results };
}

/** Imports the monthly metrics of a folder, printing each file's accounting; a file that fails or does not reconcile is a failure. */
async function metricsPart(stage: string, metricsDir: string, o: Inputs): Promise<Part> {
  console.log('');
  console.log(`Metrics: ${metricsDir} → ${o.outDir}`);
  const imported = await importMetrics(metricsDir, stage, o.ref, o.effects.problem, {
    notice: o.effects.progress,
  });
  let failures = 0;
  console.log(summaryHeader());
  for (const f of imported.files) {
    const ok = reconciles(f);
    console.log(summaryLine(f));
    for (const line of noteLines(f)) console.log(line);
    if (f.error) o.effects.problem(`${f.file}: ${f.error}`);
    for (const check of f.checks ?? []) o.effects.problem(`${f.file}: ${check}`);
    if (f.error || !ok) failures++;
  }
  for (const s of imported.skipped) console.log(skippedLine(s));
  if (imported.files.length === 0) console.log('(no .csv, .tsv, .txt, .xlsx or .xls files)');
  const sources = [
    {
      title:
        'Monthly metrics: the CSV files of data/metrics/ (file:line in metrics_monthly.source). Rows with synthetic = true are generated sample data (示例数据), not real reports.',
    },
  ];
  return { written: imported.written, sources, failures };
}

/** The progress table: the plans read in this run against the metrics staged in this run. */
async function progressPart(stage: string, results: readonly DocResult[]): Promise<Written[]> {
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
  return writeTables(stage, [{ table: PROGRESS, rows }]);
}

/**
 * Completes the staged set with the tables this run did not write (carried from the published set), writes its
 * datapackage.json and publishes it.
 */
async function publishSet(
  release: Release,
  written: Written[],
  sources: Source[],
  both: boolean,
): Promise<void> {
  const stage = release.dir;
  const old = release.current ? await readPackage(join(release.current, 'datapackage.json')) : null;
  // a published set that cannot be read (a link whose set is gone) cannot lend this run the tables it does not write
  if (release.current && !old && !both)
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
      `kept from the published set: ${[...new Set(carried.map((r) => r.path))].join(', ')}${both ? '' : ' (progress is recomputed only when plans and metrics are read together)'}`,
    );
  const pkg = mergedPackage(old && { ...old, resources: carried }, written, sources);
  await writeNamed(join(stage, 'datapackage.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  failpoint('package-staged');
  await release.commit();
}

/** Reads plans and metrics into the release's staging folder, writes its datapackage.json and publishes it. */
async function build(release: Release, o: Inputs): Promise<{ failures: number; written: Written[] }> {
  const parts: Part[] = [];
  let results: DocResult[] = [];
  if (o.plansDir) {
    const plans = await planPart(release.dir, o.plansDir, o);
    results = plans.results;
    parts.push(plans);
  }
  if (o.metricsDir) {
    parts.push(await metricsPart(release.dir, o.metricsDir, o));
    // progress: plans against their metrics, when both were read in this run
    if (o.plansDir)
      parts.push({ written: await progressPart(release.dir, results), sources: [], failures: 0 });
  }
  const written = parts.flatMap((p) => p.written);
  const sources = parts.flatMap((p) => p.sources);
  await publishSet(release, written, sources, Boolean(o.plansDir && o.metricsDir));
  return { failures: parts.reduce((a, p) => a + p.failures, 0), written };
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
