/**
 * npm run data                                  builds every published table from data/ into public/data/
 * npm run data -- --plans DIR --out DIR         runs the plan pipeline on a folder of .txt documents
 *
 * Progress per document on stdout, problems on stderr, a summary at the end; the exit code is 1 when any
 * document failed (the others are still written).
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Effects, readPlans } from './plans.ts';
import { dataPackage, type Written, writeTables } from './publish.ts';
import { loadReference, referenceRows } from './reference/index.ts';
import { COUNTIES, PLAN_TABLES, type Row, RULES } from './schema.ts';

const ROOT = resolve(import.meta.dirname, '..');

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      plans: { type: 'string' },
      meta: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log('usage: npm run data [-- --plans DIR [--meta DIR] --out DIR]');
    return 0;
  }
  const custom = values.plans !== undefined;
  const plansDir = resolve(values.plans ?? join(ROOT, 'data/plans/raw'));
  const metaDir = values.meta ? resolve(values.meta) : custom ? null : join(ROOT, 'data/plans/meta');
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
  console.log(`Plans: ${plansDir} → ${outDir}`);
  const results = await readPlans(plansDir, metaDir, effects, ref);
  const reference = referenceRows(ref);
  const tables = [
    ...PLAN_TABLES.map((table) => ({
      table,
      rows: results.flatMap((r) => r.rows.get(table) ?? []) as Row[],
    })),
    { table: COUNTIES, rows: reference.counties },
    { table: RULES, rows: reference.rules },
  ];
  const written: Written[] = await writeTables(outDir, tables);
  const pkg = dataPackage(written, [
    { title: 'County implementation plans (实施方案), as published; see documents.source_url' },
    {
      title: `County-level divisions: ${d.source.vintage}, via the npm package ${d.source.package}. ${d.source.licence}`,
      path: 'https://www.stats.gov.cn/sj/tjbz/qhdm/',
    },
    {
      title:
        'Programme rules: data/rules/rules.yaml, each with its quote, citation and source status (rules table)',
    },
  ]);
  await writeFile(join(outDir, 'datapackage.json'), `${JSON.stringify(pkg, null, 2)}\n`);

  const failed = results.filter((r) => !r.ok);
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
  for (const w of written) console.log(`  ${w.table.name.padEnd(16)} ${String(w.rows).padStart(6)} rows`);
  return failed.length > 0 ? 1 : 0;
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
