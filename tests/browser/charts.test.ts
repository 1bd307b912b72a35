/**
 * A chart's downloads on /compare/ (run after `npm run build`): the SVG and the PNG are the chart itself, not the
 * first SVG in its figure (for a chart with a legend, a 15×15 swatch). Waits are on data-state and on the
 * download event, never on timers.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import Papa from 'papaparse';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARGS, CHROMIUM, DATA, DIST, localContext, serve } from './harness.ts';

const plans = Papa.parse<Record<string, string>>(
  readFileSync(join(DATA, 'documents.csv'), 'utf8').replace(/^\uFEFF/, ''),
  { header: true, skipEmptyLines: true },
).data.filter((d) => d.status === 'ok' && d.doc_type === 'plan' && d.county_code);
const [a, b] = plans.map((d) => d.county_code!).sort();

let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ server, origin } = await serve(DIST));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  context = await localContext(browser, origin, {
    viewport: { width: 1000, height: 740 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  expect((await page.goto(`${origin}/compare/?c=${a},${b}`))?.status()).toBe(200);
  await page.locator('#compare[data-state="ready"]').waitFor();
  await page.locator('#compare-monthly[data-state="ready"]').waitFor();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

/** What an SVG is: its size, its text alternative and how many of each mark's elements it has. */
interface SvgFacts {
  width: string | null;
  height: string | null;
  label: string | null;
  marks: Record<string, number>;
}

/**
 * The facts of a figure's chart as shown and, given a downloaded SVG's text, of that SVG parsed as
 * image/svg+xml (its root element's name and the parser's error, if any).
 */
const factsOf = (figure: Locator, text: string | null = null) =>
  figure.evaluate((fig, text) => {
    const facts = (svg: Element): SvgFacts => ({
      width: svg.getAttribute('width'),
      height: svg.getAttribute('height'),
      label: svg.getAttribute('aria-label'),
      marks: Object.fromEntries(
        ['rect', 'path', 'line', 'text'].map((t) => [t, svg.querySelectorAll(t).length]),
      ),
    });
    const shown = facts(fig.querySelector('svg[role="img"]')!);
    if (text === null) return { shown, saved: null };
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    return { shown, saved: { root: doc.documentElement.localName, error, ...facts(doc.documentElement) } };
  }, text);

/** Clicks a figure's download button and returns the file, or fails with the page's error if it throws. */
async function download(figure: Locator, label: 'SVG' | 'PNG'): Promise<Buffer> {
  let fail = (_: Error) => {};
  const thrown = new Promise<never>((_, reject) => {
    fail = reject;
  });
  page.once('pageerror', fail);
  try {
    const [file] = await Promise.race([
      Promise.all([
        page.waitForEvent('download'),
        figure.locator('p.tools button', { hasText: label }).click(),
      ]),
      thrown,
    ]);
    return readFileSync((await file.path())!);
  } finally {
    page.off('pageerror', fail);
  }
}

/** The width and height a PNG's header (its IHDR chunk) gives. */
function pngSize(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('a chart with a legend on /compare/', () => {
  // the charts whose Plot figure holds the legend's swatches beside the chart's own SVG
  const withLegend = () =>
    page.locator('figure.chart').filter({ has: page.locator('.svg > figure svg[role="img"]') });

  it('has some to download', async () => {
    expect(await withLegend().count()).toBeGreaterThan(0);
  });

  it('downloads as SVG the chart itself: it parses, has the chart’s size and contains its marks', async () => {
    for (const figure of await withLegend().all()) {
      const { shown, saved } = await factsOf(figure, (await download(figure, 'SVG')).toString('utf8'));
      expect(saved).toEqual({ root: 'svg', error: null, ...shown });
      expect(Number(shown.width)).toBeGreaterThan(100);
      expect(shown.marks.rect! + shown.marks.path!).toBeGreaterThan(1);
    }
  });

  it('downloads as PNG an image of the chart’s size (drawn at twice its pixels)', async () => {
    for (const figure of await withLegend().all()) {
      const { shown } = await factsOf(figure);
      const size = pngSize(await download(figure, 'PNG'));
      expect(size).toEqual({ width: 2 * Number(shown.width), height: 2 * Number(shown.height) });
    }
  });
});
