/**
 * The portal's pages in headless Chromium: every page type in Chinese and English (content pages with JavaScript
 * off), a figure's source link landing on its highlighted sentence, Chinese search, no request leaving localhost,
 * no console errors, and no axe-core violations (WCAG 2.2 A and AA rules). Pages are taken from the data, so a
 * new plan's pages are tested without a change here.
 */

import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARGS, CHROMIUM, DATA, DIST, localContext, serve } from './harness.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const csvRows = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(DATA, `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
const docs = csvRows('documents').filter((d) => d.status === 'ok');
const codes = [...new Set(docs.map((d) => d.county_code).filter((c): c is string => !!c))].sort();

/** One page of each type, in both languages. */
const PAGES = ['', 'en/'].flatMap((p) => [
  `/${p}`,
  `/${p}counties/${codes[0]}/`,
  `/${p}documents/${docs[0]!.doc_id}/`,
  `/${p}audit/`,
  `/${p}ledger/`,
  `/${p}data/`,
  `/${p}methodology/`,
  `/${p}search/`,
]);

let server: Server;
let origin: string;
let browser: Browser;
const requested: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  ({ server, origin } = await serve(DIST));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

async function contextOf(javaScriptEnabled: boolean): Promise<BrowserContext> {
  const context = await localContext(browser, origin, {
    javaScriptEnabled,
    viewport: { width: 360, height: 740 },
  });
  context.on('request', (r) => requested.push(r.url()));
  context.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.location().url}: ${m.text()}`);
  });
  context.on('weberror', (e) => consoleErrors.push(String(e.error())));
  return context;
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${origin}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('every page type, Chinese and English, without JavaScript', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await contextOf(false);
  });
  afterAll(async () => context?.close());

  it.each(PAGES.filter((p) => !p.includes('search')))(
    '%s has its language, a heading and its content',
    async (path) => {
      const page = await open(context, path);
      const lang = await page.locator('html').getAttribute('lang');
      expect(lang).toBe(path.startsWith('/en/') ? 'en' : 'zh-CN');
      expect((await page.locator('h1').first().textContent())?.trim()).not.toBe('');
      // every page links to itself in the other language
      const other = await page.locator('header nav a[hreflang]').getAttribute('href');
      expect(other).toBe(path.startsWith('/en/') ? path.replace(/^\/en/, '') : `/en${path}`);
      await page.close();
    },
  );

  it('a county page shows its charts as SVG, each with a text alternative and its data as a table', async () => {
    for (const code of codes) {
      const page = await open(context, `/counties/${code}/`);
      const charts = page.locator('figure.chart');
      for (const chart of await charts.all()) {
        expect(await chart.locator('svg[role="img"][aria-label]').count()).toBeGreaterThan(0);
        expect(await chart.locator('details table tbody tr').count()).toBeGreaterThan(0);
        if ((await chart.getAttribute('data-synthetic')) === 'true')
          expect(await chart.locator('.chart-synthetic').textContent()).toContain('示例数据');
      }
      await page.close();
    }
  });

  it('a chart fits the screen: a phone sees the 340 px drawing, a desktop the 640 px one, never both', async () => {
    const code = codes[0]!;
    for (const [width, drawn] of [
      [360, 340],
      [1000, 640],
    ] as const) {
      const page = await open(context, `/counties/${code}/`);
      await page.setViewportSize({ width, height: 800 });
      for (const chart of await page.locator('figure.chart').all()) {
        // the chart's own SVG (a legend's swatches are small SVGs beside it)
        const visible = chart.locator('svg[role="img"]:visible');
        expect(await visible.count()).toBe(1);
        expect(Number(await visible.getAttribute('width'))).toBe(drawn);
        const box = (await visible.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }
      await page.close();
    }
  });

  it('a county page marks sample data with a banner wherever monthly figures are shown', async () => {
    const progress = csvRows('progress');
    for (const code of codes) {
      const page = await open(context, `/en/counties/${code}/`);
      const synthetic = progress.some((p) => p.county_code === code && p.synthetic === 'true');
      expect(await page.locator('p.synthetic').count(), code).toBe(synthetic ? 1 : 0);
      await page.close();
    }
  });

  it('a figure on a county page links to its sentence, which the document page marks as :target', async () => {
    const fields = csvRows('document_fields');
    const doc = docs.find(
      (d) => d.doc_id && fields.some((f) => f.doc_id === d.doc_id && f.field === 'funds_central_yuan'),
    )!;
    const field = fields.find((f) => f.doc_id === doc.doc_id && f.field === 'funds_central_yuan')!;
    const page = await open(context, `/en/counties/${doc.county_code}/`);
    const link = page.locator(`#main a[href$="#span-${field.span_start}-${field.span_end}"]`).first();
    await link.click();
    await page.waitForURL(/#span-/);
    expect(page.url()).toContain(`/en/documents/${doc.doc_id}/`);
    const mark = page.locator('mark:target');
    expect(await mark.getAttribute('data-span')).toBe(`${field.span_start}-${field.span_end}`);
    expect(
      await page.locator(`mark[data-span="${field.span_start}-${field.span_end}"]`).allTextContents(),
    ).toEqual([field.quote]);
    await page.close();
  });
});

describe('search', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await contextOf(true);
  });
  afterAll(async () => context?.close());

  it('finds a Chinese term (冷链) and links to the marked sentence', async () => {
    const page = await open(context, `/search/?q=${encodeURIComponent('冷链')}`);
    const results = page.locator('#search-results[data-state="ready"]');
    await results.waitFor();
    const hrefs = await results.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    const toSentence = hrefs.find((h) => /\/documents\/[^/]+\/#span-\d+-\d+$/.test(h))!;
    expect(toSentence).toBeDefined();
    const doc = await open(context, toSentence);
    expect(await doc.locator(`mark[id="${toSentence.split('#')[1]}"]`).count()).toBe(1);
    await doc.close();
    await page.close();
  });

  it('finds a county by name in English pages too (东港)', async () => {
    const page = await open(context, `/en/search/?q=${encodeURIComponent('东港')}`);
    await page.locator('#search-results[data-state="ready"]').waitFor();
    expect(await page.locator('#search-results a').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await contextOf(true);
  });
  afterAll(async () => context?.close());

  it.each(PAGES)('%s has no violations', async (path) => {
    const page = await open(context, path);
    // evaluated through the browser's debugging protocol: the pages' own CSP allows no inline script
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: unknown,
              opts: unknown,
            ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const r = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return r.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('what the browser did', () => {
  it('requested nothing from any host but the local server', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
