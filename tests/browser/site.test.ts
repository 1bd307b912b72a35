/**
 * The built site (dist/) in headless Chromium, with JavaScript on and off: the documents table, cited quotes,
 * figure links landing on the marked source text, document texts shown exactly, and no request leaving the
 * local server. `npm test` builds the data and the site first; run alone, build them yourself.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import Papa from 'papaparse';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDocument } from '../../pipelines/read/decode.ts';
import { RAW } from '../helpers.ts';
import { ARGS, CHROMIUM, DATA, DIST, localContext, serve } from './harness.ts';

const csvRows = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(DATA, `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

/** A document's text as the pipeline reads it; the HTML parser turns CR LF and CR into LF. */
const textOf = (docId: string) => {
  const r = decodeDocument(readFileSync(join(RAW, `${docId}.txt`)));
  if (!r.ok) throw new Error(`${docId}: ${r.reason}`);
  return r.text.replace(/\r\n?/g, '\n');
};

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/ is missing: run `npm run data && npm run build` (npm test does both)');
  // dist/ must come from the published data as it is now: compared by content hash, not by file times
  const version = createHash('sha256')
    .update(readFileSync(join(DATA, 'datapackage.json')))
    .digest('hex')
    .slice(0, 12);
  const built = /<meta name="plan-atlas-data" content="([0-9a-f]+)"/.exec(
    readFileSync(join(DIST, 'index.html'), 'utf8'),
  )?.[1];
  if (built !== version)
    throw new Error(`dist/ was built from other data (${built} ≠ ${version}): run \`npm run build\``);
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  ({ server, origin } = await serve(DIST));
  // launch() gives every run a fresh temporary profile (user-data-dir), removed when the browser closes
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

describe.each([
  ['enabled', true],
  ['disabled', false],
])('the built site with JavaScript %s', (_, javaScriptEnabled) => {
  let context: BrowserContext;
  const requested: string[] = [];

  beforeAll(async () => {
    context = await localContext(browser, origin, {
      javaScriptEnabled,
      viewport: { width: 360, height: 740 },
    });
    // anything not for the local server is recorded here and refused by localContext
    context.on('request', (r) => {
      requested.push(r.url());
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  const open = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    const response = await page.goto(`${origin}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  };

  it('/ has one row in the documents table per row of documents.csv', async () => {
    const page = await open('/');
    await page.locator('#documents-table tbody tr').first().waitFor();
    const ids = await page
      .locator('#documents-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-doc-id')));
    expect(ids).toEqual(csvRows('documents').map((d) => d.doc_id));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.title()).toContain('电商进农村示范县台账');
    await page.close();
  });

  it('/ shows cited quotes next to the figures', async () => {
    const page = await open('/');
    const quote = page.locator('ul.facts q').first();
    await quote.waitFor({ state: 'visible' });
    expect((await quote.textContent())?.trim()).not.toBe('');
    expect(await page.locator('ul.facts q').count()).toBeGreaterThan(csvRows('targets').length);
    await page.close();
  });

  it('a figure link on / opens the document with the quoted text marked as :target', async () => {
    const page = await open('/');
    const fact = page.locator('ul.facts li').filter({ hasText: '万元' }).first();
    await fact.waitFor();
    const link = fact.locator('a');
    const href = (await link.getAttribute('href'))!;
    const quote = await fact.locator('q').textContent();
    expect(href).toMatch(/^\/documents\/[^/]+\/#span-\d+-\d+$/);
    await link.click();
    await page.waitForURL(`${origin}${href}`);
    const id = href.split('#')[1]!;
    const mark = page.locator(`mark[id="${id}"]`);
    await mark.waitFor({ state: 'visible' });
    expect(await mark.textContent()).toBe(quote);
    expect(await page.locator('mark:target').getAttribute('id')).toBe(id);
    await page.close();
  });

  /** Every #span- link of a page lands on exactly one mark; a link next to a quote lands on that quote's text. */
  const checkSpanLinks = async (from: string, quotedSelector: string) => {
    const page = await open(from);
    await page.locator('main').waitFor();
    const links = await page
      .locator('main a[href*="#span-"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const quoted = await page.locator(quotedSelector).evaluateAll((els) =>
      // a link that is itself the quote, or an item with a link and a <q>
      els.map((el) =>
        el.matches('a')
          ? { href: el.getAttribute('href')!, quote: el.textContent }
          : { href: el.querySelector('a')!.getAttribute('href')!, quote: el.querySelector('q')!.textContent },
      ),
    );
    expect(links.length, from).toBeGreaterThan(0);
    await page.close();
    const byPage = new Map<string, string[]>();
    for (const href of links) {
      const path = href.split('#')[0]!;
      byPage.set(path, [...(byPage.get(path) ?? []), href]);
    }
    for (const [path, hrefs] of byPage) {
      const doc = await open(path);
      await doc.locator('pre.doc-text').waitFor();
      for (const href of hrefs) {
        const id = href.split('#')[1]!;
        expect(await doc.locator(`mark[id="${id}"]`).count(), `${from} → ${href}`).toBe(1);
      }
      for (const { href, quote } of quoted.filter((q) => q.href.startsWith(path))) {
        // a span split where another crosses it is marked in parts that share data-span
        const span = href.split('#span-')[1]!;
        const parts = await doc.locator(`mark[data-span="${span}"]`).allTextContents();
        expect(parts.join(''), href).toBe(quote);
      }
      await doc.close();
    }
  };

  it('every span linked from / has its anchor, and every quoted span its text', async () => {
    await checkSpanLinks('/', 'ul.facts li');
  });

  it('every evidence and rule-quote link on /audit/ lands on its mark', async () => {
    await checkSpanLinks('/audit/', 'section.rule blockquote a');
  });

  it('/audit/ shows every finding of findings.csv (unaccounted amounts summed up), outcome in words', async () => {
    const page = await open('/audit/');
    const rows = await page
      .locator('table.audit tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-check'), tr.querySelector('.status')!.textContent!.trim()]),
      );
    const expected = csvRows('findings').filter((f) => f.check !== 'unaccounted_amount');
    expect(rows.length).toBe(expected.length);
    for (const [, status] of rows) expect(status).toMatch(/^[✓✗–?] (符合|不符|不适用|数据不足)$/);
    expect(await page.locator('section.rule').count()).toBe(csvRows('rules').length);
    await page.close();
  });

  it('each document page shows the document text exactly, escaped, with a list of its facts', async () => {
    for (const { doc_id } of csvRows('documents').filter((d) => d.status === 'ok')) {
      const page = await open(`/documents/${doc_id}/`);
      const pre = page.locator('pre.doc-text');
      await pre.waitFor();
      expect(await pre.textContent(), doc_id).toBe(textOf(doc_id!));
      expect(await pre.locator(':not(mark)').count(), `${doc_id}: only <mark> inside the text`).toBe(0);
      expect(await page.locator('aside.facts a[href^="#span-"]').count()).toBeGreaterThan(0);
      await page.close();
    }
  });

  it('/ marks the monthly metrics as sample data while any published row is synthetic', async () => {
    const page = await open('/');
    const synthetic = csvRows('metrics_monthly').filter((r) => r.synthetic === 'true').length;
    const note = page.locator('p.synthetic');
    if (synthetic === 0) expect(await note.count()).toBe(0);
    else {
      await note.waitFor();
      expect(await note.textContent()).toContain('示例数据');
      expect(await note.textContent()).toContain(synthetic.toLocaleString('en-US'));
    }
    await page.close();
  });

  it('requests nothing from any host but the local server', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
  });
});
