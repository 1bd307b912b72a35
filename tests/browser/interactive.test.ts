/**
 * The pages that query in the browser (DuckDB-WASM in a worker): the SQL console and the compare page. Waits are
 * on data-state, never on timers. Checks: results equal the published CSV, the URL restores the state, input
 * from the URL cannot change a query, writes are refused, only the local server is asked for anything (worker
 * requests included), and axe-core finds no violations once the page is ready.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Papa from 'papaparse';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money, yuanZh } from '../../pipelines/contract/format.ts';
import { ARGS, CHROMIUM, DATA, DIST, localContext, serve } from './harness.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const csvRows = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(DATA, `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
const requested: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  ({ server, origin } = await serve(DIST));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  context = await localContext(browser, origin, { viewport: { width: 360, height: 740 } });
  // context-level routes and events see the worker's requests too
  context.on('request', (r) => requested.push(r.url()));
  context.on('weberror', (e) => errors.push(String(e.error())));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

const open = async (path: string, width?: number): Promise<Page> => {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // a short viewport, so that the page's scrollHeight is its content's height (see fitsIframe)
  if (width) await page.setViewportSize({ width, height: 200 });
  expect((await page.goto(`${origin}${path}`))?.status()).toBe(200);
  return page;
};
/** The src and height of the iframe snippet in a figure's embed disclosure. */
const snippetOf = async (figure: Locator) => {
  const code = (await figure.locator('details.embed code').textContent())!;
  return {
    src: new URL(/src="([^"]+)"/.exec(code)![1]!.replaceAll('&amp;', '&')),
    height: Number(/height="(\d+)"/.exec(code)![1]),
  };
};
/** The embed page's content fits the snippet's iframe (opened 720 px wide, the iframe's widest). */
const fitsIframe = async (page: Page, height: number) =>
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(height);
const sql = (q: string) => `/sql/?q=${encodeURIComponent(q)}`;

describe('SQL console', () => {
  it('runs a query from the URL over the published Parquet and shows what the CSV has', async () => {
    const page = await open(sql('SELECT doc_id, county_code FROM documents ORDER BY doc_id'));
    await page.locator('#sql-console[data-state="ready"]').waitFor();
    const cells = await page
      .locator('#sql-result tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(cells).toEqual(csvRows('documents').map((d) => [d.doc_id, d.county_code]));
    expect(await page.locator('#sql').inputValue()).toContain('FROM documents');
    expect(await page.locator('#sql-csv').isVisible()).toBe(true);
    await page.close();
  });

  it('sums metrics_monthly as the CSV does (the 3,192 sample rows, all synthetic)', async () => {
    const page = await open(
      sql('SELECT count(*) AS n, count(*) FILTER (WHERE synthetic) AS s FROM metrics_monthly'),
    );
    await page.locator('#sql-console[data-state="ready"]').waitFor();
    const rows = csvRows('metrics_monthly');
    const cells = await page.locator('#sql-result tbody td').allTextContents();
    expect(cells).toEqual([String(rows.length), String(rows.filter((r) => r.synthetic === 'true').length)]);
    await page.close();
  });

  it('refuses a write, a second statement and a read from another address, saying why', async () => {
    for (const q of [
      'DROP VIEW documents',
      'SELECT 1; DROP VIEW documents',
      "SELECT * FROM read_parquet('https://example.com/x.parquet')",
    ]) {
      const page = await open(sql(q));
      await page.locator('#sql-console[data-state="error"]').waitFor();
      expect((await page.locator('#sql-status').textContent())?.length).toBeGreaterThan(0);
      await page.close();
    }
  });

  it('downloads the result as CSV (UTF-8 with BOM) with the rows shown', async () => {
    const page = await open(sql('SELECT doc_id, county_name FROM documents ORDER BY doc_id'));
    await page.locator('#sql-console[data-state="ready"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#sql-csv').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toEqual(csvRows('documents').map((d) => ({ doc_id: d.doc_id, county_name: d.county_name })));
    await page.close();
  });

  it('has each example as a link that runs it', async () => {
    const page = await open('/en/sql/');
    const links = await page
      .locator('ul.examples a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThanOrEqual(4);
    await page.close();
    for (const href of links) {
      const p = await open(`/en/sql/${href}`);
      await p.locator('#sql-console[data-state="ready"]').waitFor();
      expect(await p.locator('#sql-result tbody tr').count(), href).toBeGreaterThan(0);
      await p.close();
    }
  });
});

describe('compare', () => {
  const plans = csvRows('documents').filter(
    (d) => d.status === 'ok' && d.doc_type === 'plan' && d.county_code,
  );
  const [a, b, c] = plans.map((d) => d.county_code!).sort();

  it('shows three counties from the URL with the figures of the published CSV', async () => {
    const page = await open(`/compare/?c=${a},${b},${c}`);
    await page.locator('#compare[data-state="ready"]').waitFor();
    const header = await page.locator('table.aligned thead th').allTextContents();
    const names = new Map(csvRows('counties').map((r) => [r.county_code, r.name]));
    expect(header.slice(1)).toEqual([a, b, c].map((x) => names.get(x)));
    const central = await page
      .locator('table.aligned tbody tr')
      .filter({ has: page.locator('th', { hasText: '中央财政资金' }) })
      .first()
      .locator('td')
      .allTextContents();
    const docs = new Map(plans.map((d) => [d.county_code, d]));
    expect(central).toEqual(
      [a, b, c].map((x) => {
        const v = docs.get(x)!.funds_central_yuan;
        return v === '' ? '— 未注明' : yuanZh(Number(v));
      }),
    );
    await page.close();
  });

  it('back and forward restore the counties chosen with the picker', async () => {
    const page = await open(`/compare/?c=${a},${b}`);
    await page.locator('#compare[data-state="ready"]').waitFor();
    await page.locator('#county-picker').fill(c!);
    await page.locator('#add-county button[type="submit"]').click();
    await page.waitForURL((u) => (u.searchParams.get('c') ?? '').split(',').length === 3);
    await page.locator('#compare[data-state="ready"]').waitFor();
    await page.goBack();
    await page.waitForURL((u) => (u.searchParams.get('c') ?? '').split(',').length === 2);
    await page.locator('#compare[data-state="ready"]').waitFor();
    expect(await page.locator('#chosen li').count()).toBe(2);
    await page.goForward();
    await page.waitForURL((u) => (u.searchParams.get('c') ?? '').split(',').length === 3);
    await page.locator('#compare[data-state="ready"]').waitFor();
    expect(await page.locator('#chosen li').count()).toBe(3);
    await page.close();
  });

  it('answers hostile parameters (quotes, SQL, markup, 200 codes) with a message, not a query error', async () => {
    const many = Array.from({ length: 200 }, (_, i) => String(100000 + i)).join(',');
    for (const q of [
      `c=${encodeURIComponent(`'";--,${a}`)}&m=${encodeURIComponent("'; DROP VIEW x; --")}`,
      `c=${encodeURIComponent(`<img src=x onerror=alert(1)>,${a},${b}`)}`,
      `c=${many},${a}`,
      `c=${[a, b, c, a, b, c, a].join(',')}`,
    ]) {
      const page = await open(`/compare/?${q}`);
      await page.locator('#compare[data-state="ready"]').waitFor();
      expect(await page.locator('#compare-monthly').getAttribute('data-state'), q).toBe('ready');
      expect(await page.locator('#chosen li').count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('#chosen li').count()).toBeLessThanOrEqual(6);
      expect(await page.locator('img').count()).toBe(0);
      await page.close();
    }
  });

  it('offers an embed snippet for the current comparison; the embed page shows it without the site header', async () => {
    const page = await open(`/compare/?c=${a},${b}`);
    await page.locator('#compare[data-state="ready"]').waitFor();
    const snippet = await page.locator('#embed-snippet').textContent();
    expect(snippet).toContain(`/embed/compare/?c=${a},${b}`);
    await page.close();
    const embed = await open(`/embed/compare/?c=${a},${b}`);
    await embed.locator('#compare[data-state="ready"]').waitFor();
    expect(await embed.locator('header.site').count()).toBe(0);
    expect(await embed.locator('#compare-plans figure.chart svg[role="img"]').count()).toBeGreaterThan(0);
    expect(await embed.locator('figure.chart .tools button').count()).toBeGreaterThan(0);
    await embed.close();
  });

  it('offers each chart alone: its snippet opens an embed page with that one figure, and no engine for plan charts', async () => {
    const page = await open(`/compare/?c=${a},${b},${c}`);
    await page.locator('#compare[data-state="ready"]').waitFor();
    const figures = page.locator('#compare figure.chart');
    const n = await figures.count();
    expect(n).toBeGreaterThanOrEqual(3);
    const charts: { id: string; title: string; url: URL; height: number }[] = [];
    for (let i = 0; i < n; i++) {
      const f = figures.nth(i);
      const { src, height } = await snippetOf(f);
      charts.push({
        id: (await f.getAttribute('data-chart'))!,
        title: (await f.locator('figcaption').textContent())!,
        url: src,
        height,
      });
    }
    expect(new Set(charts.map((x) => x.id)).size).toBe(n);
    await page.close();
    for (const chart of charts) {
      const url = chart.url;
      expect(url.origin).toBe(origin);
      expect(url.pathname).toBe('/embed/compare/');
      expect(url.searchParams.get('c')).toBe(`${a},${b},${c}`);
      expect(url.searchParams.get('chart')).toBe(chart.id);
      const before = requested.length;
      const embed = await open(`${url.pathname}${url.search}`, 720);
      await embed.locator('#compare[data-state="ready"]').waitFor();
      await fitsIframe(embed, chart.height);
      const visible = embed.locator('figure.chart:visible');
      expect(await visible.count(), chart.id).toBe(1);
      expect(await visible.locator('figcaption').textContent()).toBe(chart.title);
      // the figure keeps its downloads and citation, but offers no embed of the embed page
      expect(await visible.locator('.tools button').count()).toBe(3);
      expect(await visible.locator('details.embed').count()).toBe(0);
      // the citation names the full comparison, which a reader can open, not the iframe
      expect(await visible.locator('.chart-source').textContent()).toContain(
        `${origin}/compare/?c=${a},${b},${c}&m=`,
      );
      expect(await embed.locator('#county-picker').isVisible()).toBe(false);
      const wasm = requested.slice(before).some((u) => u.endsWith('.wasm'));
      expect(wasm, chart.id).toBe(chart.id === 'monthly');
      await embed.close();
    }
  });

  it('answers an unknown or hostile ?chart= with the whole comparison, not an error', async () => {
    for (const chart of ['nope', 'constructor', "funds' OR 1=1", '"><script>alert(1)</script>']) {
      const embed = await open(`/embed/compare/?c=${a},${b}&chart=${encodeURIComponent(chart)}`);
      await embed.locator('#compare[data-state="ready"]').waitFor();
      expect(await embed.locator('figure.chart:visible').count()).toBeGreaterThan(1);
      await embed.close();
    }
  });

  it('restores the counties and the metric from the URL, and keeps them on reload', async () => {
    const page = await open(`/compare/?c=${a},${b}&m=express_parcels`);
    await page.locator('#compare[data-state="ready"]').waitFor();
    expect(await page.locator('#chosen li').count()).toBe(2);
    expect(await page.locator('#metric').inputValue()).toBe('express_parcels');
    await page.reload();
    await page.locator('#compare[data-state="ready"]').waitFor();
    expect(new URL(page.url()).searchParams.get('c')).toBe(`${a},${b}`);
    expect(await page.locator('#chosen li').count()).toBe(2);
    await page.close();
  });

  it('draws the plan comparison and the monthly series, marking sample data', async () => {
    const page = await open(`/compare/?c=${a},${b}`);
    await page.locator('#compare[data-state="ready"]').waitFor();
    expect(await page.locator('#compare-plans figure.chart svg[role="img"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#compare-monthly figure.chart svg[role="img"]').count()).toBe(1);
    const synthetic = csvRows('metrics_monthly').some(
      (r) => [a, b].includes(r.county_code!) && r.synthetic === 'true',
    );
    expect(await page.locator('#compare-monthly p.synthetic').isVisible()).toBe(synthetic);
    // a target one plan lacks is shown as not stated, never as 0
    expect(await page.locator('table.aligned td .na').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('adds a county found by pinyin, and the URL follows', async () => {
    const name = csvRows('counties').find((r) => r.county_code === c)!.name!;
    const { pinyin } = await import('pinyin-pro');
    const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
    const page = await open(`/compare/?c=${a},${b}`);
    await page.locator('#compare[data-state="ready"]').waitFor();
    await page.locator('#county-picker').fill(initials);
    await page.locator('#add-county button[type="submit"]').click();
    await page.waitForURL((u) => (u.searchParams.get('c') ?? '').split(',').includes(c!));
    await page.locator('#compare[data-state="ready"]').waitFor();
    expect(await page.locator('#chosen li').count()).toBe(3);
    await page.close();
  });

  it('ignores a crafted URL: unknown codes and metrics are dropped, never put into SQL', async () => {
    const evil = encodeURIComponent(`${a},'); DROP VIEW metrics_monthly; --,${b}`);
    const page = await open(`/compare/?c=${evil}&m=${encodeURIComponent("x' OR 1=1 --")}`);
    await page.locator('#compare[data-state="ready"]').waitFor();
    expect(await page.locator('#chosen li').count()).toBe(2);
    expect(await page.locator('#metric').inputValue()).toBe('online_retail_sales_yuan');
    expect(await page.locator('#compare-message').textContent()).toContain('DROP VIEW');
    await page.close();
  });
});

describe('county page, interactive monthly series', () => {
  it('loads DuckDB only when asked, then draws the series with the sample-data note', async () => {
    const code = csvRows('metrics_monthly')[0]!.county_code!;
    const before = requested.length;
    const page = await open(`/counties/${code}/`);
    await page.locator('#monthly-interactive:not([hidden])').waitFor();
    expect(requested.slice(before).some((u) => u.endsWith('.wasm'))).toBe(false);
    await page.locator('#monthly-interactive button.open').click();
    await page.locator('#monthly-interactive[data-state="ready"]').waitFor();
    expect(await page.locator('#monthly-interactive svg[role="img"]').count()).toBeGreaterThan(0);
    const synthetic = csvRows('metrics_monthly').some(
      (r) => r.county_code === code && r.synthetic === 'true',
    );
    const notes = await page.locator('#monthly-interactive .chart-synthetic').count();
    expect(synthetic ? notes > 0 : notes === 0).toBe(true);
    expect(await page.locator('#monthly-interactive .tools button').first().textContent()).toBe('SVG');
    await page.locator('#monthly-metric').selectOption('express_parcels');
    await page.locator('#monthly-interactive[data-state="ready"]').waitFor();
    // the metric is kept in the address, so the page's citation reproduces the chart
    expect(new URL(page.url()).searchParams.get('m')).toBe('express_parcels');
    const { src, height } = await snippetOf(page.locator('#monthly-interactive figure.chart').first());
    expect(src.pathname).toBe(`/embed/counties/${code}/`);
    expect(src.searchParams.get('m')).toBe('express_parcels');
    expect(src.searchParams.get('chart')).toBe('series');
    await page.close();
    const embed = await open(`${src.pathname}${src.search}`, 720);
    await embed.locator('#monthly-interactive[data-state="ready"]').waitFor();
    await fitsIframe(embed, height);
    await embed.close();
  });

  it('a cited link with ?m= opens the series of that metric at once', async () => {
    const code = csvRows('metrics_monthly')[0]!.county_code!;
    const page = await open(`/en/counties/${code}/?m=express_parcels`);
    await page.locator('#monthly-interactive[data-state="ready"]').waitFor();
    expect(await page.locator('#monthly-metric').inputValue()).toBe('express_parcels');
    expect(await page.locator('#monthly-interactive .chart-source').first().textContent()).toContain(
      `/en/counties/${code}/?m=express_parcels`,
    );
    await page.close();
  });

  it('the embed page opens at once with the metric of the URL and shows one chart alone', async () => {
    const code = csvRows('metrics_monthly')[0]!.county_code!;
    const rows = csvRows('metrics_monthly').filter(
      (r) => r.county_code === code && r.metric === 'express_parcels',
    );
    const page = await open(`/embed/counties/${code}/?m=express_parcels&chart=series`);
    await page.locator('#monthly-interactive[data-state="ready"]').waitFor();
    expect(await page.locator('header.site').count()).toBe(0);
    const visible = page.locator('figure.chart:visible');
    expect(await visible.count()).toBe(1);
    expect(await visible.getAttribute('data-chart')).toBe('series');
    // its data table has every month of the published CSV for this county and metric
    expect(await visible.locator('details table tbody tr').count()).toBe(rows.length);
    await page.close();
    // without ?chart= the whole explorer, picker included; an unknown metric falls back to the first
    for (const m of ["x' OR 1=1", 'constructor', 'toString']) {
      const all = await open(`/en/embed/counties/${code}/?m=${encodeURIComponent(m)}`);
      await all.locator('#monthly-interactive[data-state="ready"]').waitFor();
      expect(await all.locator('#monthly-metric').isVisible()).toBe(true);
      expect(await all.locator('#monthly-metric').inputValue()).toBe('online_retail_sales_yuan');
      await all.close();
    }
  });
});

describe('benchmarks', () => {
  it('ranks a county by central funds as the documents table does, and keeps the choice in the URL', async () => {
    const docs = csvRows('documents').filter((d) => d.doc_type === 'plan' && d.funds_central_yuan !== '');
    const sorted = [...docs].sort((x, y) => Number(y.funds_central_yuan) - Number(x.funds_central_yuan));
    const last = sorted[sorted.length - 1]!;
    const page = await open(`/en/benchmarks/?m=central_funds&c=${last.county_code}`);
    await page.locator('#benchmarks[data-state="ready"]').waitFor();
    expect(await page.locator('#benchmark-rank').textContent()).toContain(
      `ranks ${sorted.length} of ${sorted.length}`,
    );
    expect(await page.locator('#benchmark-out svg[role="img"]').count()).toBe(1);
    expect(await page.locator('#benchmark-out .tools button').allTextContents()).toEqual([
      'SVG',
      'PNG',
      'CSV',
    ]);
    const snippet = await page.locator('#benchmark-out details.embed code').textContent();
    expect(snippet).toContain(`/en/embed/benchmarks/?m=central_funds&amp;c=${last.county_code}`);
    const { height } = await snippetOf(page.locator('#benchmark-out figure.chart'));
    await page.close();
    const embed = await open(`/en/embed/benchmarks/?m=central_funds&c=${last.county_code}`, 720);
    await embed.locator('#benchmarks[data-state="ready"]').waitFor();
    await fitsIframe(embed, height);
    expect(await embed.locator('#benchmark-rank').textContent()).toContain(`ranks ${sorted.length} of`);
    expect(await embed.locator('#measure').isVisible()).toBe(false);
    expect(await embed.locator('figure.chart:visible').count()).toBe(1);
    await embed.close();
  });

  it('says where the middle of the counties lies: the median central funds of the plans that state them', async () => {
    const funds = csvRows('documents')
      .filter((d) => d.doc_type === 'plan' && d.funds_central_yuan !== '')
      .map((d) => Number(d.funds_central_yuan))
      .sort((a, b) => a - b);
    // an odd number of plans: the median is the middle one, read off the sorted column
    expect(funds.length % 2).toBe(1);
    const median = funds[(funds.length - 1) / 2]!;
    for (const [path, lang] of [
      ['/benchmarks/', 'zh'],
      ['/en/benchmarks/', 'en'],
    ] as const) {
      const page = await open(`${path}?m=central_funds`);
      await page.locator('#benchmarks[data-state="ready"]').waitFor();
      const line = (await page.locator('#benchmark-spread').textContent())!;
      expect(line, path).toContain(money(lang, median));
      expect(line, path).toContain(String(funds.length));
      await page.close();
    }
  });

  it('says when a plan lacks the measure instead of ranking it as zero', async () => {
    const docs = csvRows('documents').filter((d) => d.doc_type === 'plan' && d.county_code);
    const without = docs.find((d) => d.funds_central_yuan === '')!;
    const page = await open(`/en/benchmarks/?m=central_funds&c=${without.county_code}`);
    await page.locator('#benchmarks[data-state="ready"]').waitFor();
    expect(await page.locator('#benchmark-rank').textContent()).toContain('does not state this');
    await page.close();
  });

  it('answers a measure that is not in its list (even an inherited name) with the default measure', async () => {
    for (const m of ['toString', 'constructor', "central_funds' --"]) {
      const page = await open(`/embed/benchmarks/?m=${encodeURIComponent(m)}`);
      await page.locator('#benchmarks[data-state="ready"]').waitFor();
      expect(await page.locator('#measure').inputValue()).toBe('central_funds');
      await page.close();
    }
  });

  it('says so when the address names a county it does not have (not six digits, or no such county)', async () => {
    const first = csvRows('documents').filter((d) => d.doc_type === 'plan' && d.county_code);
    for (const c of ['4402', '44023x', '４４０２３２', '999999', "440232' OR 1=1"]) {
      const page = await open(`/benchmarks/?m=central_funds&c=${encodeURIComponent(c)}`);
      await page.locator('#benchmarks[data-state="ready"]').waitFor();
      const note = await page.locator('#benchmark-param').textContent();
      expect(note, c).toContain(c);
      // the county shown instead is named in the note and in the rank line
      const shown = await page.locator('#county').inputValue();
      expect(first.map((d) => d.county_code)).toContain(shown);
      await page.close();
    }
  });

  it('ranks the way the measure is better (48 hours before 72) and gives equal values one rank (并列)', async () => {
    const measures = JSON.parse(readFileSync(join(DIST, 'benchmarks/measures.json'), 'utf8')) as {
      measures: Record<string, { code: string; value: number }[]>;
    };
    for (const [m, better] of [
      ['delivery_hours_to_village', 'lower'],
      ['coverage_stated', 'higher'],
    ] as const) {
      const values = measures.measures[m]!;
      for (const { code, value } of values) {
        // competition ranking, worked out here: 1 + the number of counties with a better value
        const k = 1 + values.filter((o) => (better === 'lower' ? o.value < value : o.value > value)).length;
        const tied = values.filter((o) => o.value === value).length;
        const page = await open(`/benchmarks/?m=${m}&c=${code}`);
        await page.locator('#benchmarks[data-state="ready"]').waitFor();
        const line = (await page.locator('#benchmark-rank').textContent())!;
        expect(line, `${m} ${code}`).toContain(tied > 1 ? `并列第 ${k}` : `排第 ${k}`);
        await page.close();
      }
    }
  });

  it('ranks monthly measures with DuckDB over every county in metrics_monthly', async () => {
    const codes = new Set(csvRows('metrics_monthly').map((r) => r.county_code));
    const page = await open('/benchmarks/?m=online_retail_sales_latest_year');
    await page.locator('#benchmarks[data-state="ready"]').waitFor();
    expect(await page.locator('#benchmark-rank').textContent()).toContain(`${codes.size} 个县`);
    await page.close();
  });
});

describe('without WebAssembly', () => {
  // a browser without WebAssembly (old, or locked down): the pages say so and the rest stays usable
  let bare: BrowserContext;
  beforeAll(async () => {
    bare = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await bare.addInitScript(() => {
      delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
    });
    await bare.route('**/*', (route) =>
      route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
    );
  });
  afterAll(() => bare?.close());

  it('compare draws the plan comparison and says why the monthly series is missing', async () => {
    const page = await bare.newPage();
    await page.goto(`${origin}/en/compare/`);
    await page.locator('#compare-monthly[data-state="error"]').waitFor();
    expect(await page.locator('#compare-plans figure.chart svg[role="img"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#compare-monthly').textContent()).toContain('cannot run WebAssembly');
    await page.close();
  });

  it('a county page keeps its static charts and offers no explorer that cannot work', async () => {
    const code = csvRows('metrics_monthly')[0]!.county_code!;
    const page = await bare.newPage();
    await page.goto(`${origin}/en/counties/${code}/`);
    await page.locator('#monthly-interactive[data-state="error"]').waitFor();
    expect(await page.locator('#monthly-interactive button.open').isVisible()).toBe(false);
    expect(await page.locator('#monthly-interactive').textContent()).toContain('cannot run WebAssembly');
    expect(await page.locator('figure.chart svg[role="img"]').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('accessibility and requests', () => {
  it.each([
    '/sql/?q=SELECT%201',
    `/en/compare/`,
    '/benchmarks/',
    '/embed/compare/?chart=funds',
    '/en/embed/benchmarks/',
    `/embed/counties/${csvRows('metrics_monthly')[0]!.county_code}/?m=express_parcels`,
  ])('%s has no axe-core violations when ready', async (path) => {
    const page = await open(path);
    await page
      .locator(
        ['#sql-console', '#compare', '#benchmarks', '#monthly-interactive']
          .map((id) => `[data-state="ready"]${id}`)
          .join(', '),
      )
      .waitFor();
    // evaluated through the browser's debugging protocol: the pages' own CSP allows no inline script
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> };
        }
      ).axe;
      const r = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return r.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('asked nothing of any host but the local server (the wasm and worker came from the site)', () => {
    expect(requested.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(
      requested.filter(
        (u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'),
      ),
    ).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
