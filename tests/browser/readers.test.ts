/**
 * The tasks of the portal's three readers, tried in headless Chromium as they would try them (issue 14): a member
 * of the public finds their county by any name they know it by, from the home page or the search page; a
 * journalist adds counties to /compare/ and downloads charts whose CSV says its units and keeps the sample-data
 * label; an official reads the county page on a phone and on paper. Expected names, units and links are read
 * from the five plans and the division table, not from the program's output. Waits are on data-state.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import Papa from 'papaparse';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARGS, CHROMIUM, DIST, serve } from './harness.ts';

let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
const errors: string[] = [];

beforeAll(async () => {
  ({ server, origin } = await serve(DIST));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
  context.on('weberror', (e) => errors.push(String(e.error())));
  await context.route('**/*', (route) =>
    route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
  );
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

const open = async (path: string, ctx = context): Promise<Page> => {
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  expect((await page.goto(`${origin}${path}`))?.status(), path).toBe(200);
  return page;
};

/** Each county with a plan, and the names a reader may type for it (read from the plans and the division table). */
const NAMES: Record<string, string[]> = {
  '440232': ['乳源', '乳源县', '乳源瑶族', '乳源瑶族自治县', '乳源三宝', 'ruyuan', 'Ruyuan', '440232'],
  '210681': ['东港', '东港市', 'donggang', '210681'],
  '469001': ['五指山', '五指山市', 'wuzhishan', '469001'],
  '140922': ['五台', '五台县', 'wutai', '140922'],
  '511113': ['金口河', '金口河区', 'jinkouhe', '511113'],
};

describe('a county is found by every name it is known by', () => {
  for (const lang of ['', 'en/'])
    it(`on /${lang}search/: full name, short name, name with 县/市/区, pinyin and code`, async () => {
      const page = await open(`/${lang}search/`);
      const box = page.locator('#search-results');
      for (const [code, forms] of Object.entries(NAMES))
        for (const q of forms) {
          await page.locator('#q').fill(q);
          await page.locator('#search-form button').click();
          await page.locator(`#search-results[data-state="ready"][data-q="${q}"]`).waitFor();
          const hrefs = await box.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
          expect(hrefs, `${lang} ${q}`).toContain(`/${lang}counties/${code}/`);
        }
      await page.close();
    });

  it('suggests the county a misspelt name is near (乳园 → 乳源瑶族自治县)', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('乳园')}`);
    await page.locator('#search-results[data-state="ready"]').waitFor();
    const suggested = await page
      .locator('#search-suggest a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(suggested).toEqual(['/counties/440232/']);
    await page.close();
  });

  it('says there is no result and offers the counties instead of an empty page', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('zzzqqq')}`);
    await page.locator('#search-results[data-state="ready"]').waitFor();
    expect(await page.locator('#search-results').textContent()).toContain('没有找到');
    const suggested = await page
      .locator('#search-suggest a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const code of Object.keys(NAMES)) expect(suggested).toContain(`/counties/${code}/`);
    await page.close();
  });

  it('without JavaScript, the search page lists the counties to browse', async () => {
    const off = await browser.newContext({ javaScriptEnabled: false });
    const page = await open('/search/', off);
    const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const code of Object.keys(NAMES)) expect(hrefs).toContain(`/counties/${code}/`);
    await off.close();
  });
});

describe('the home page leads each reader to their page', () => {
  for (const lang of ['', 'en/'])
    it(`/${lang}: the three reader lines link to a county, /compare/ and /benchmarks/; a picker opens a county`, async () => {
      const page = await open(`/${lang}`);
      const links = page.locator('#readers a');
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(
        expect.arrayContaining([`/${lang}compare/`, `/${lang}benchmarks/`, `/${lang}data/`]),
      );
      expect(await page.locator('#home-search').getAttribute('action')).toBe(`/${lang}search/`);
      await page.locator('#home-search input[name="q"]').fill('乳源县');
      await page.locator('#home-search button').click();
      await page.locator('#search-results[data-state="ready"]').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/${lang}search/`);
      expect(
        await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ).toContain(`/${lang}counties/440232/`);
      await page.close();
    });
});

/** The compare page with the counties in the URL, once ready. */
async function compare(codes: string[], lang = '') {
  const page = await open(`/${lang}compare/?c=${codes.join(',')}`);
  await page.locator('#compare[data-state="ready"]').waitFor();
  return page;
}
/** Adds a county by what a reader types, and waits until the page has drawn it. */
async function add(page: Page, text: string) {
  await page.locator('#county-picker').fill(text);
  await page.locator('#add-county button').click();
  await page.locator('#compare[data-state="ready"]').waitFor();
}
const chosenCodes = (page: Page) =>
  page
    .locator('#chosen li')
    .evaluateAll((lis) => lis.map((li) => /\((\d{6})\)/.exec(li.textContent ?? '')?.[1]));

describe('the compare picker', () => {
  it('takes 乳源县, the short form with 县', async () => {
    const page = await compare(['469001']);
    await add(page, '乳源县');
    expect(await chosenCodes(page)).toEqual(['469001', '440232']);
    await page.close();
  });

  it('says a county is already chosen, clearing the previous message', async () => {
    const page = await compare(['469001', '440232']);
    await add(page, '不存在县');
    expect(await page.locator('#compare-message').textContent()).not.toBe('');
    await add(page, '乳源');
    const message = (await page.locator('#compare-message').textContent())!;
    expect(message).toContain('乳源瑶族自治县');
    expect(message).toContain('已');
    expect(message).not.toContain('找不到');
    expect(await chosenCodes(page)).toEqual(['469001', '440232']);
    await page.close();
  });

  it('announces an added and a removed county, and keeps focus on the list after 移除', async () => {
    const page = await compare(['469001', '440232']);
    await add(page, '东港');
    expect(await page.locator('#compare-message').textContent()).toContain('东港市');
    await page.locator('#chosen li').nth(0).locator('button').click();
    await page.locator('#compare[data-state="ready"]').waitFor();
    expect(await page.locator('#compare-message').textContent()).toContain('五指山市');
    const focused = await page.evaluate(
      () => document.activeElement?.closest('#chosen, #add-county')?.id ?? document.activeElement?.tagName,
    );
    expect(focused).toBe('chosen');
    await page.close();
  });

  it('opens by default on counties whose plans compare well (each states central funds by item)', async () => {
    const page = await open('/compare/');
    await page.locator('#compare[data-state="ready"]').waitFor();
    const codes = await chosenCodes(page);
    expect(codes.length).toBeGreaterThanOrEqual(2);
    // 东港 (210681) states no amounts by item (its five items read 未注明): its funds charts would be empty
    expect(codes).not.toContain('210681');
    await page.close();
  });
});

/** Clicks a figure's CSV button and returns the file's header and rows. */
async function csvOf(page: Page, figure: Locator) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.locator('.tools button', { hasText: 'CSV' }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
  return { header: parsed[0]!, rows: parsed.slice(1) };
}
/** A column header says its unit when it holds an amount: 元, 万元, %, 人次 … in brackets, or a _yuan/_pct name. */
const UNIT =
  /[（(][^）)]+[）)]|_(yuan|pct)$|^(month|county_code|synthetic|#)$|月份|县|county|类别|category|phase|阶段|start|end|开始|结束/i;

describe('every chart download says its units and keeps the sample-data label', () => {
  it('/compare/ monthly CSV (zh and en): values in the chart’s unit, said in the header, and a synthetic column', async () => {
    for (const lang of ['', 'en/']) {
      const page = await compare(['469001', '440232'], lang);
      const fig = page.locator('#compare-monthly figure.chart');
      const { header, rows } = await csvOf(page, fig);
      expect(header.at(-1)).toBe('synthetic');
      expect(
        header.find((h) => /万元|million/.test(h)),
        header.join(),
      ).toBeDefined();
      for (const h of header) expect(h, lang).toMatch(UNIT);
      expect(rows.every((r) => r.at(-1) === 'true')).toBe(true);
      await page.close();
    }
  });

  it('/benchmarks/ distribution CSV of a monthly measure has a synthetic column', async () => {
    const page = await open('/benchmarks/?m=online_retail_sales_latest_year&c=440232');
    await page.locator('#benchmarks[data-state="ready"]').waitFor();
    const { header, rows } = await csvOf(page, page.locator('figure.chart').first());
    expect(header.at(-1)).toBe('synthetic');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.at(-1) === 'true')).toBe(true);
    for (const h of header) expect(h).toMatch(UNIT);
    await page.close();
  });

  it('the county page’s growth CSV has a synthetic column, and its value CSV its unit', async () => {
    const page = await open('/counties/440232/');
    await page.locator('#monthly-interactive button').first().click();
    await page.locator('#monthly-interactive[data-state="ready"]').waitFor();
    for (const fig of await page.locator('#monthly-interactive figure.chart').all()) {
      const { header, rows } = await csvOf(page, fig);
      expect(header.at(-1)).toBe('synthetic');
      expect(rows.every((r) => r.at(-1) === 'true')).toBe(true);
      for (const h of header) expect(h).toMatch(UNIT);
    }
    await page.close();
  });
});

describe('no county is silently left out of a compare chart', () => {
  it('资金按类别 names 东港, whose plan lists no amounts by item, inside the figure (and in a chart-only embed)', async () => {
    for (const path of [
      '/compare/?c=210681,440232,469001',
      '/embed/compare/?c=210681,440232,469001&chart=funds',
    ]) {
      const page = await open(path);
      await page.locator('#compare[data-state="ready"]').waitFor();
      const note = page.locator('figure.chart[data-chart="funds"] .chart-absent');
      expect(await note.isVisible(), path).toBe(true);
      expect(await note.textContent()).toContain('东港市');
      await page.close();
    }
  });

  it('the phases timeline draws 乳源, whose phases state only their end (2022年6月 …), and says so', async () => {
    const page = await compare(['210681', '440232']);
    const fig = page.locator('figure.chart[data-chart="phases"]');
    // the label may be shortened with an ellipsis on a phone; the county's name starts it
    expect(await fig.locator('svg[role="img"]').textContent()).toContain('乳源');
    expect(await fig.locator('.chart-absent').textContent()).toContain('乳源瑶族自治县');
    const { rows } = await csvOf(page, fig);
    // the end as the plan states it, no start invented
    expect(rows).toContainEqual(['乳源瑶族自治县 · 项目筹备阶段', '', '2022-06']);
    await page.close();
  });
});

describe('the share of central funds by category can be read off /compare/', () => {
  it('labels each large enough share on the bars, gives shares in the CSV, and links the measure to /benchmarks/', async () => {
    const page = await compare(['440232', '469001']);
    const fig = page.locator('figure.chart[data-chart="central"]');
    const labels = await fig.locator('svg[role="img"] .share-label text').allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l).toMatch(/^\d+%$/);
    const { header, rows } = await csvOf(page, fig);
    const share = header.findIndex((h) => h.includes('%'));
    expect(share).toBeGreaterThan(0);
    // each county's shares add up to 100%
    for (const county of new Set(rows.map((r) => r[0])))
      expect(rows.filter((r) => r[0] === county).reduce((a, r) => a + Number(r[share]), 0)).toBeCloseTo(
        100,
        0,
      );
    const hrefs = await page.locator('#funds a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/benchmarks/?m=upstream_share');
    await page.close();
  });
});

/** Every page type, both languages (the county and embed pages of the plan with the most to show and the sparsest). */
const EVERY_PAGE = ['', 'en/'].flatMap((l) =>
  [
    '',
    'counties/440232/',
    'counties/210681/',
    'documents/ruyuan-2021/',
    'audit/',
    'data/',
    'methodology/',
    'search/?q=乳源',
    'compare/',
    'benchmarks/',
    'sql/',
    'embed/compare/',
    'embed/counties/440232/',
  ].map((x) => `/${l}${x}`),
);

describe('a 360 px phone', () => {
  it('shows every page without sideways scrolling: no element wider than the screen outside a scrolling region', async () => {
    const wide: string[] = [];
    for (const path of EVERY_PAGE) {
      const page = await open(path);
      // every part that loads has finished (ready, idle or error: none still loading)
      await page.waitForFunction(() => !document.querySelector('[data-state="loading"]'));
      // disclosures open, as a reader opens them
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      const found = await page.evaluate(() => {
        const scrolls = (el: Element | null): boolean =>
          !!el && (['auto', 'scroll'].includes(getComputedStyle(el).overflowX) || scrolls(el.parentElement));
        return [...document.querySelectorAll('body *')]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.right > innerWidth + 1 && !scrolls(el.parentElement);
          })
          .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${Math.round(el.getBoundingClientRect().right)}px`)
          .slice(0, 3);
      });
      wide.push(...found.map((f) => `${path}: ${f}`));
      await page.close();
    }
    expect(wide).toEqual([]);
  });

  it('shows the county page’s checks as cards, each cell with its column’s name, not a squeezed table', async () => {
    const page = await open('/counties/440232/');
    const first = page.locator('#findings ~ .scroll table tbody tr, table.findings tbody tr').first();
    const th = first.locator('th');
    // the check's name reads as words on a line, not one character per line
    expect((await th.boundingBox())!.width).toBeGreaterThan(200);
    expect(await first.locator('td').first().getAttribute('data-label')).toBeTruthy();
    await page.close();
  });
});

describe('what the browser did', () => {
  it('threw no errors and logged none', () => {
    expect(errors).toEqual([]);
  });
});
