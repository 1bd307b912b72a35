/**
 * npm run bench:site
 *
 * Serves the built site (dist/, run `npm run data && npm run build` first) on localhost with gzip, loads each page
 * type in headless Chromium with a cold cache, and prints per page: requests, bytes transferred by type (HTML,
 * CSS, JS, images, data, other) as sent over the wire, and the time until the first chart (an SVG in a figure)
 * is visible. Figures, not assertions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { chromium } from 'playwright-core';
import { ROOT } from '../reference/index.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';
import { serve } from './serve.ts';

const DIST = join(ROOT, 'dist');
if (!existsSync(join(DIST, 'index.html')))
  throw new Error('dist/ is missing: run `npm run data && npm run build`');

// the project's static server, compressing what compresses on the fly (gzip), as a plain static host would
const { server, origin } = await serve({ root: DIST, compression: 'gzip' });

const docs = Papa.parse<Record<string, string>>(
  readFileSync(join(ROOT, 'public/data/documents.csv'), 'utf8').replace(/^\uFEFF/, ''),
  { header: true, skipEmptyLines: true },
).data.filter((d) => d.status === 'ok');
const county = docs.find((d) => d.county_code)!;
const PAGES: [string, string][] = [
  ['overview', '/'],
  ['county', `/counties/${county.county_code}/`],
  ['county (en)', `/en/counties/${county.county_code}/`],
  ['document', `/documents/${county.doc_id}/`],
  ['audit', '/audit/'],
  ['data', '/data/'],
  ['methodology', '/methodology/'],
  ['search', '/search/?q=%E5%86%B7%E9%93%BE'],
];

const kind = (url: string, type: string) =>
  /text\/html/.test(type)
    ? 'html'
    : /css/.test(type)
      ? 'css'
      : /javascript/.test(type) || url.endsWith('.js')
        ? 'js'
        : /image\//.test(type)
          ? 'img'
          : /\.(parquet|csv|json)$|pagefind/.test(url)
            ? 'data'
            : 'other';

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
console.log(
  `${'page'.padEnd(13)} ${'req'.padStart(4)} ${'html'.padStart(8)} ${'css'.padStart(7)} ${'js'.padStart(7)} ${'img'.padStart(7)} ${'data'.padStart(8)} ${'total'.padStart(8)}  first chart`,
);
for (const [name, path] of PAGES) {
  // a new context per page: cold cache
  const context = await browser.newContext();
  const page = await context.newPage();
  const bytes: Record<string, number> = { html: 0, css: 0, js: 0, img: 0, data: 0, other: 0 };
  let requests = 0;
  // context events include the requests of workers (Pagefind's, for instance)
  const pending: Promise<void>[] = [];
  context.on('requestfinished', (r) => {
    requests++;
    pending.push(
      (async () => {
        const response = await r.response();
        const sizes = await r.sizes();
        bytes[kind(r.url(), response?.headers()['content-type'] ?? '')]! +=
          sizes.responseBodySize + sizes.responseHeadersSize;
      })(),
    );
  });
  const t0 = performance.now();
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  let chart = '—';
  if ((await page.locator('figure.chart svg').count()) > 0) {
    await page.locator('figure.chart svg').first().waitFor({ state: 'visible' });
    chart = `${Math.round(performance.now() - t0)} ms`;
  }
  if (path.startsWith('/search/')) await page.locator('#search-results[data-state="ready"]').waitFor();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const kb = (n: number) => `${(n / 1024).toFixed(1)}K`;
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  console.log(
    `${name.padEnd(13)} ${String(requests).padStart(4)} ${kb(bytes.html!).padStart(8)} ${kb(bytes.css!).padStart(7)} ${kb(bytes.js!).padStart(7)} ${kb(bytes.img!).padStart(7)} ${kb(bytes.data! + bytes.other!).padStart(8)} ${kb(total).padStart(8)}  ${chart}`,
  );
  await context.close();
}
await browser.close();
server.close();
console.log(
  '\nbytes as transferred (gzip where it applies), cold cache, localhost; “first chart”: navigation start to the first chart SVG visible',
);
