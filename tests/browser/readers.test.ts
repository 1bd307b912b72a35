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
import { ARGS, CHROMIUM, DIST, localContext, serve } from './harness.ts';

let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
const errors: string[] = [];

beforeAll(async () => {
  ({ server, origin } = await serve(DIST));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  context = await localContext(browser, origin, {
    viewport: { width: 360, height: 740 },
    acceptDownloads: true,
  });
  context.on('weberror', (e) => errors.push(String(e.error())));
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
    'ledger/',
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
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${Math.round(el.getBoundingClientRect().right)}px`,
          )
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

describe('English pages', () => {
  it('mark every Chinese text lang="zh-CN", what the browser draws included', async () => {
    const unmarked: string[] = [];
    for (const path of EVERY_PAGE.filter((p) => p.startsWith('/en/'))) {
      const page = await open(path);
      await page.waitForFunction(() => !document.querySelector('[data-state="loading"]'));
      const found = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (
            !/\p{Script=Han}/u.test(n.textContent ?? '') ||
            el.closest('[lang^="zh"], script, style, textarea')
          )
            continue;
          out.push(`${el.localName}: ${n.textContent!.trim().slice(0, 30)}`);
        }
        return out.slice(0, 3);
      });
      unmarked.push(...found.map((f) => `${path} ${f}`));
      await page.close();
    }
    expect(unmarked).toEqual([]);
  });

  it('say units in English: ≥ 1,500 person-times, 9 stations, ≤ 48 hours, no 个/家/人次 after a number', async () => {
    const page = await compare(['440232', '469001'], 'en/');
    const cells = await page.locator('#compare-plans table td').allTextContents();
    expect(cells.join(' ')).not.toMatch(/\d\s*(个|家|人次|小时|人)/);
    expect(cells.join(' ')).toMatch(/\d person-times/);
    await page.close();
    const audit = await open('/en/audit/');
    const computations = await audit.locator('td.num').allTextContents();
    expect(computations.join(' ')).not.toMatch(/\p{Script=Han}/u);
    await audit.close();
  });

  it('name a document without a title by county, year and kind, marked as not from the document', async () => {
    for (const lang of ['', 'en/']) {
      const page = await open(`/${lang}counties/511113/`);
      const link = page.locator('ul.docs a').first();
      expect(await link.textContent()).not.toContain('jinkouhe-2018');
      expect(await link.textContent()).toContain('金口河区');
      expect(await page.locator('ul.docs .untitled').count()).toBe(1);
      await page.close();
    }
  });
});

describe('/benchmarks/ on a phone', () => {
  it('keeps the chosen county’s name inside the chart and names every other county (label or hover title)', async () => {
    // 乳源's 48-hour promise is the fastest: its dot is at the left edge of the strip
    const page = await open('/en/benchmarks/?m=delivery_hours_to_village&c=440232');
    await page.locator('#benchmarks[data-state="ready"]').waitFor();
    const svg = page.locator('figure.chart svg[role="img"]').first();
    const frame = (await svg.boundingBox())!;
    const label = page.locator('figure.chart svg[role="img"] text', { hasText: '乳源' }).first();
    const box = (await label.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(frame.x);
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
    const rows = await page.locator('figure.chart details table tbody tr').count();
    const titles = await svg.locator('title').allTextContents();
    expect(titles.length).toBe(rows);
    await page.close();
  });
});

describe('on paper', () => {
  it('a county page prints its content, the addresses of its links and its own, and none of its controls', async () => {
    const page = await open('/counties/440232/');
    await page.emulateMedia({ media: 'print' });
    for (const sel of [
      'main button',
      'main form',
      'figure details',
      'details.embed',
      '.tools',
      'header.site nav',
    ])
      for (const el of await page.locator(sel).all()) expect(await el.isVisible(), sel).toBe(false);
    // a source link prints where it leads
    const source = page.locator('main a[href*="/documents/"]').first();
    const href = (await source.getAttribute('href'))!;
    const after = await source.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain(href.split('#')[0]);
    // and the page says where it is
    const url = page.locator('.print-url');
    expect(await url.isVisible()).toBe(true);
    expect(await url.textContent()).toContain('/counties/440232/');
    await page.close();
  });
});

describe('controls a reader can name and reach', () => {
  it('each chart’s download buttons name their chart', async () => {
    const page = await compare(['440232', '469001']);
    const figures = await page.locator('figure.chart').all();
    expect(figures.length).toBeGreaterThan(2);
    for (const fig of figures) {
      const title = (await fig.locator('figcaption').textContent())!.trim();
      for (const b of await fig.locator('.tools button').all())
        expect(await b.getAttribute('aria-label')).toContain(title);
    }
    await page.close();
  });

  it('no table has an empty header cell (axe empty-table-header) on the county and compare pages', async () => {
    for (const path of ['/counties/440232/', '/compare/?c=440232,469001']) {
      const page = await open(path);
      await page.waitForFunction(() => !document.querySelector('[data-state="loading"]'));
      const empty = await page
        .locator('th')
        .evaluateAll(
          (ths) =>
            ths.filter((th) => !(th.textContent ?? '').trim() && !th.getAttribute('aria-label')).length,
        );
      expect(empty, path).toBe(0);
      await page.close();
    }
  });

  it('without JavaScript, /compare/ and /benchmarks/ show their message and no control that does nothing', async () => {
    const off = await browser.newContext({ javaScriptEnabled: false });
    for (const path of ['/compare/', '/benchmarks/', '/en/compare/', '/en/benchmarks/']) {
      const page = await open(path, off);
      expect(
        await page.locator('main button:visible, main select:visible, main input:visible').count(),
        path,
      ).toBe(0);
      expect(await page.locator('main a[href*="/counties/"]').count(), path).toBeGreaterThan(0);
    }
    await off.close();
  });
});

describe('cosmetics', () => {
  it('a strip chart’s unit label does not overlap its last tick (central funds: 2,000 and 万元)', async () => {
    const page = await open('/benchmarks/?m=central_funds&c=469001');
    await page.locator('#benchmarks[data-state="ready"]').waitFor();
    const boxes = await page
      .locator('figure.chart svg[role="img"]')
      .first()
      .evaluate((svg) =>
        [...svg.querySelectorAll('text')].map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent ?? '', x1: r.left, x2: r.right, y1: r.top, y2: r.bottom };
        }),
      );
    const unit = boxes.find((b) => b.text.includes('万元'))!;
    expect(unit).toBeDefined();
    for (const b of boxes.filter((x) => /^[\d,]+$/.test(x.text)))
      expect(b.x2 <= unit.x1 || b.x1 >= unit.x2 || b.y2 <= unit.y1 || b.y1 >= unit.y2, b.text).toBe(true);
    await page.close();
  });

  it('the 50% rule’s label is whole on a phone', async () => {
    const page = await compare(['440232', '469001']);
    const texts = await page
      .locator('figure.chart[data-chart="central"] svg[role="img"] text')
      .allTextContents();
    const rule = texts.find((t) => t.startsWith('50%'))!;
    expect(rule).toBeDefined();
    expect(rule).not.toContain('…');
    await page.close();
  });

  it('a phase that states only its end reads “到2022年6月”, not “— – 2022年6月”', async () => {
    const page = await open('/counties/440232/');
    const phases = (await page.locator('ol.phases').textContent())!;
    expect(phases).toContain('到2022年6月');
    expect(phases).not.toContain('—');
    await page.close();
  });

  it('an embedded chart’s iframe takes the height of its content on a phone (no blank space below it)', async () => {
    const page = await compare(['440232', '469001']);
    const code = (await page.locator('figure.chart[data-chart="central"] details.embed code').textContent())!;
    await page.close();
    const fixed = Number(/height="(\d+)"/.exec(code)![1]);
    const host = await context.newPage();
    await host.setContent(`<!doctype html><body style="margin:0">${code}</body>`);
    const frame = host.locator('iframe[data-sized="true"]');
    await frame.waitFor();
    const inner = host.frames()[1]!;
    await inner.waitForFunction(() => !document.querySelector('[data-state="loading"]'));
    const content = await inner.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const height = (await frame.boundingBox())!.height;
    expect(height).toBeGreaterThanOrEqual(content);
    expect(height - content).toBeLessThan(60);
    expect(height).not.toBe(fixed);
    await host.close();
  });

  it('the whole-comparison embed carries no picker and no remove buttons', async () => {
    const page = await open('/embed/compare/?c=440232,469001');
    await page.locator('#compare[data-state="ready"]').waitFor();
    expect(await page.locator('#add-county').isVisible()).toBe(false);
    expect(await page.locator('#chosen button').count()).toBe(0);
    await page.close();
  });

  it('the SQL console shows NULL for a missing value, not a blank cell', async () => {
    const page = await open(`/sql/?q=${encodeURIComponent('SELECT NULL AS x, 1 AS y')}`);
    await page.locator('#sql-console[data-state="ready"]').waitFor();
    expect(await page.locator('#sql-result tbody td').first().textContent()).toBe('NULL');
    await page.close();
  });

  it('the Chinese document page has no English notes', async () => {
    const page = await open('/documents/ruyuan-2021/');
    expect(await page.locator('dl.meta').textContent()).not.toMatch(/printed|Published/);
    await page.close();
  });
});

describe('what the browser did', () => {
  it('threw no errors and logged none', () => {
    expect(errors).toEqual([]);
  });
});
