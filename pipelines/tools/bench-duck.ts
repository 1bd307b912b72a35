/**
 * npm run bench:duck [-- --data DIR]
 *
 * The in-browser queries, in headless Chromium on localhost with a cold cache, the site served as a static host
 * would (precompressed .br files, byte ranges): time to the first comparison chart and to DuckDB ready on
 * /compare/, bytes transferred (JS, wasm, Parquet), p50/p95 of the compare query and of a benchmark query, and the
 * Parquet bytes a one-county query reads. --data DIR serves DIR as /data/ (e.g. bench/out/scale from
 * `npm run data:scale`). Figures, not assertions.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ROOT } from '../reference/index.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';
import { serve } from './serve.ts';

const { values } = parseArgs({
  options: { data: { type: 'string' }, runs: { type: 'string', default: '30' } },
  strict: true,
});
const DIST = join(ROOT, 'dist');
const DATA = values.data ? resolve(values.data) : join(DIST, 'data');
if (!existsSync(join(DIST, 'compare/index.html')))
  throw new Error('dist/ is missing: run `npm run data && npm run build`');

// the project's static server, with the data set of --data under /data/ and the build's precompressed files
const { server, origin } = await serve({
  root: DIST,
  mounts: { '/data/': DATA },
  compression: 'precompressed',
});

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
const context = await browser.newContext();
const bytes = { js: 0, wasm: 0, parquet: 0, other: 0 };
const pending: Promise<void>[] = [];
context.on('requestfinished', (r) => {
  pending.push(
    (async () => {
      const s = await r.sizes();
      const n = s.responseBodySize + s.responseHeadersSize;
      const url = r.url();
      if (url.endsWith('.parquet')) {
        bytes.parquet += n;
      } else if (url.endsWith('.wasm')) bytes.wasm += n;
      else if (/\.m?js(\?|$)/.test(url)) bytes.js += n;
      else bytes.other += n;
    })(),
  );
});
const page = await context.newPage();
const t0 = Date.now();
await page.goto(`${origin}/compare/?c=469001,440232`);
await page.locator('#compare[data-state="ready"]').waitFor({ timeout: 120_000 });
await Promise.all(pending);
const marks = await page.evaluate(() =>
  Object.fromEntries(
    ['first-chart', 'duckdb-ready'].map((n) => [
      n,
      Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1),
    ]),
  ),
);
console.log(`data               ${DATA}`);
console.log(
  `compare page       first chart ${marks['first-chart']} ms, DuckDB ready ${marks['duckdb-ready']} ms, ready (monthly chart drawn) ${Date.now() - t0} ms`,
);
console.log(
  `transferred        JS ${(bytes.js / 1024).toFixed(0)} KB, wasm ${(bytes.wasm / 1024).toFixed(0)} KB, Parquet ${(bytes.parquet / 1024).toFixed(0)} KB, other ${(bytes.other / 1024).toFixed(0)} KB`,
);

/** Runs a query `runs` times on the page's DuckDB and returns p50 and p95 in ms. */
async function time(sql: string, params: (string | number)[]) {
  const runs = Number(values.runs);
  const ms = await page.evaluate(
    async ({ sql, params, runs }) => {
      const duck = (
        globalThis as unknown as { planAtlasDuck: { query(s: string, p: unknown[]): Promise<unknown[]> } }
      ).planAtlasDuck;
      const out: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await duck.query(sql, params);
        out.push(performance.now() - t);
      }
      return out;
    },
    { sql, params, runs },
  );
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
  return `p50 ${q(0.5)} ms, p95 ${q(0.95)} ms (${ms.length} runs)`;
}
console.log(
  `compare query      ${await time("SELECT county_code, month, value, synthetic FROM metrics_monthly WHERE county_code = '469001' AND metric = 'online_retail_sales_yuan' UNION ALL SELECT county_code, month, value, synthetic FROM metrics_monthly WHERE county_code = '440232' AND metric = 'online_retail_sales_yuan' ORDER BY county_code, month", [])}`,
);
console.log(
  `benchmark query    ${await time('SELECT county_code, sum(value) AS v, rank() OVER (ORDER BY sum(value) DESC) AS r FROM metrics_monthly WHERE metric = ? AND month BETWEEN ? AND ? GROUP BY county_code ORDER BY r', ['online_retail_sales_yuan', '2023-01', '2023-12'])}`,
);
// a one-county query on a fresh page, so that nothing is cached: what it reads of metrics_monthly.parquet
const fresh = await browser.newContext();
let one = 0;
const waits: Promise<void>[] = [];
fresh.on('requestfinished', (r) => {
  if (r.url().endsWith('.parquet'))
    waits.push(
      (async () => {
        const s = await r.sizes();
        one += s.responseBodySize + s.responseHeadersSize;
      })(),
    );
});
const p2 = await fresh.newPage();
await p2.goto(
  `${origin}/sql/?q=${encodeURIComponent("SELECT month, value FROM metrics_monthly WHERE county_code = '469001' AND metric = 'online_retail_sales_yuan'")}`,
);
await p2.locator('#sql-console[data-state="ready"]').waitFor({ timeout: 120_000 });
await Promise.all(waits);
const size = statSync(join(DATA, 'metrics_monthly.parquet')).size;
console.log(
  `one-county query   read ${(one / 1024).toFixed(0)} KB of metrics_monthly.parquet (${(size / 1e6).toFixed(1)} MB)`,
);
await browser.close();
server.close();
