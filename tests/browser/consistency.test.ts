/**
 * A figure the browser draws reads as the published CSV says: /compare/ and /benchmarks/ against findings.csv,
 * targets.csv and phases.csv (run after `npm run build`). Each test is one defect found when pages disagreed.
 * Waits are on data-state, never on timers.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import Papa from 'papaparse';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money, monthLabel, percent } from '../../pipelines/contract/format.ts';
import { stationTargets } from '../../pipelines/contract/stations.ts';
import { TARGET_METRIC } from '../../pipelines/contract/vocab.ts';
import { ARGS, CHROMIUM, DATA, DIST, localContext, serve } from './harness.ts';

const csv = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(DATA, `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

/** The main plan of each county in documents.csv: the latest plan or revision by programme year, then issue. */
const mainDocs = () => {
  const plans = csv('documents')
    .filter((d) => d.status === 'ok' && d.county_code && (d.doc_type === 'plan' || d.doc_type === 'revision'))
    .sort(
      (a, b) =>
        Number(b.program_year || 0) - Number(a.program_year || 0) ||
        (b.issued_on ?? '').localeCompare(a.issued_on ?? ''),
    );
  const byCounty = new Map<string, Record<string, string>>();
  for (const d of plans) if (!byCounty.has(d.county_code!)) byCounty.set(d.county_code!, d);
  return [...byCounty.values()].sort((a, b) => a.county_code!.localeCompare(b.county_code!));
};
const docs = mainDocs();
const codes = docs.map((d) => d.county_code!);
const names = new Map(csv('counties').map((c) => [c.county_code, c.name]));
/** the findings that compute the share of central funds to 农产品上行 (numerator and denominator both given) */
const upstream = csv('findings').filter(
  (f) =>
    f.check === 'rule:share_of_central' &&
    f.rule_id === 'central_upstream_share_min_2019' &&
    f.numerator !== '' &&
    f.denominator !== '',
);
const shareOf = (f: Record<string, string>) => Number(f.numerator) / Number(f.denominator);

let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  ({ server, origin } = await serve(DIST));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  context = await localContext(browser, origin, {
    viewport: { width: 1000, height: 740 },
    acceptDownloads: true,
  });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

/** /compare/ with every county whose plan is published, once it is ready. */
const openCompare = async (): Promise<Page> => {
  const page = await context.newPage();
  expect((await page.goto(`${origin}/compare/?c=${codes.join(',')}`))?.status()).toBe(200);
  await page.locator('#compare[data-state="ready"]').waitFor();
  return page;
};
/** The cells of the aligned table's row headed `label`, one per county shown: text and link anchors. */
const alignedRow = (page: Page, label: string) =>
  page.locator('table.aligned tbody tr').evaluateAll(
    (trs, l) =>
      trs
        .filter((tr) => tr.querySelector('th')?.textContent === l)
        .map((tr) =>
          [...tr.querySelectorAll('td')].map((td) => ({
            text: td.textContent ?? '',
            anchors: [...td.querySelectorAll('a')].map((a) => new URL(a.href).hash).sort(),
          })),
        ),
    label,
  );

describe('the share of central funds to 农产品上行', () => {
  it('on /compare/ is the audit’s numerator ÷ denominator for every plan that has both (五台 64%)', async () => {
    expect(upstream.map((f) => f.doc_id)).toContain('wutai-2019');
    const page = await openCompare();
    const cells = await page
      .locator('table.aligned tbody tr[data-measure="upstream_share"] td')
      .allTextContents();
    expect(cells).toHaveLength(docs.length);
    for (const f of upstream) {
      const i = docs.findIndex((d) => d.doc_id === f.doc_id);
      expect(Number.parseFloat(cells[i]!), f.doc_id).toBeCloseTo(100 * shareOf(f), 1);
    }
    // and the same plans have their central funds drawn by category
    const table = await page
      .locator('figure[data-chart="central"] details table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent));
    for (const f of upstream)
      expect(table, f.doc_id).toContain(names.get(docs.find((d) => d.doc_id === f.doc_id)!.county_code));
    await page.close();
  });

  it('on /benchmarks/ (upstream_share, from measures.json) is the same share', async () => {
    for (const f of upstream) {
      const code = docs.find((d) => d.doc_id === f.doc_id)!.county_code!;
      const page = await context.newPage();
      await page.goto(`${origin}/benchmarks/?m=upstream_share&c=${code}`);
      await page.locator('#benchmarks[data-state="ready"]').waitFor();
      const rows = await page
        .locator('#benchmark-out details table tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        );
      const row = rows.find((r) => r[2] === code);
      expect(row, f.doc_id).toBeDefined();
      expect(Number(row![3]), f.doc_id).toBeCloseTo(100 * shareOf(f), 2);
      await page.close();
    }
  });
});

describe('a station figure on /compare/', () => {
  it('is stationTargets of targets.csv (五指山 7 township, 乳源 52 village), linked to every target it sums', async () => {
    const targets = csv('targets').map((t) => ({
      doc_id: t.doc_id!,
      metric: t.metric!,
      value: Number(t.value),
      span_start: t.span_start!,
      span_end: t.span_end!,
    }));
    const page = await openCompare();
    for (const tier of ['township', 'village'] as const) {
      const rows = await alignedRow(page, TARGET_METRIC[`${tier}_station_count`].zh);
      expect(rows, tier).toHaveLength(1);
      for (const [i, d] of docs.entries()) {
        const want = stationTargets(
          targets.filter((t) => t.doc_id === d.doc_id),
          tier,
        );
        const cell = rows[0]![i]!;
        if (!want) {
          expect(cell.anchors, `${d.doc_id} ${tier}`).toEqual([]);
          continue;
        }
        expect(Number(/\d[\d,]*/.exec(cell.text)?.[0]?.replaceAll(',', '')), `${d.doc_id} ${tier}`).toBe(
          want.value,
        );
        expect(cell.anchors, `${d.doc_id} ${tier}`).toEqual(
          want.from.map((t) => `#span-${t.span_start}-${t.span_end}`).sort(),
        );
      }
      // the parts are not shown again as rows of their own
      for (const part of ['new', 'upgraded'] as const)
        expect(await alignedRow(page, TARGET_METRIC[`${tier}_station_count_${part}`].zh)).toEqual([]);
    }
    await page.close();
  });
});

describe('a phase on /compare/', () => {
  /** phases.csv as the phases table lists it: county · phase, first month (empty if not stated), last month. */
  const wanted = () =>
    docs.flatMap((d) =>
      csv('phases')
        .filter((p) => p.doc_id === d.doc_id && p.end_month)
        .map((p) => [`${names.get(d.county_code)} · ${p.name}`, p.start_month, p.end_month]),
    );

  it('ends in the month phases.csv gives, in its table and its CSV (东港 终期验收 2021-11 to 2021-12)', async () => {
    expect(wanted()).toContainEqual(['东港市 · 终期验收阶段', '2021-11', '2021-12']);
    const page = await openCompare();
    const figure = page.locator('figure[data-chart="phases"]');
    const rows = await figure
      .locator('details table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual(wanted());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.locator('.tools button', { hasText: 'CSV' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed.slice(1)).toEqual(wanted());
    await page.close();
  });
});

describe('computed village coverage and central funds', () => {
  const coverage = csv('findings').filter(
    (f) => f.check === 'village_coverage' && f.numerator !== '' && f.denominator !== '',
  );
  const text = async (path: string) => {
    const page = await context.newPage();
    expect((await page.goto(`${origin}${path}`))?.status()).toBe(200);
    const body = (await page.locator('main').textContent()) ?? '';
    await page.close();
    return body;
  };

  it('read the same on the county page, /compare/, /audit/ and in measures.json (percent of the audit’s stations ÷ villages)', async () => {
    expect(coverage.length).toBeGreaterThan(0);
    const page = await openCompare();
    const cells = await page
      .locator('table.aligned tbody tr[data-measure="coverage_computed"] td')
      .allTextContents();
    await page.close();
    const audit = await text('/audit/');
    const measures = JSON.parse(readFileSync(join(DIST, 'benchmarks/measures.json'), 'utf8')) as {
      measures: Record<string, { code: string; value: number }[]>;
    };
    for (const f of coverage) {
      const doc = docs.find((d) => d.doc_id === f.doc_id);
      if (!doc) continue;
      const shown = percent(Number(f.numerator) / Number(f.denominator));
      const i = docs.indexOf(doc);
      expect(cells[i], `${f.doc_id} on /compare/`).toMatch(new RegExp(`^${shown.replace('.', '\\.')} `));
      expect(await text(`/counties/${doc.county_code}/`), `${f.doc_id} on its county page`).toContain(shown);
      expect(audit, `${f.doc_id} on /audit/`).toContain(shown);
      const m = measures.measures.coverage_computed!.find((x) => x.code === doc.county_code);
      expect(m?.value, `${f.doc_id} in measures.json`).toBeCloseTo(
        Number(f.numerator) / Number(f.denominator),
        9,
      );
    }
  });

  it('central funds read the same on the overview, the county page and /compare/ (the documents row)', async () => {
    const page = await openCompare();
    const cells = await page
      .locator('table.aligned tbody tr[data-measure="funds_central_yuan"] td')
      .allTextContents();
    await page.close();
    const overview = await text('/');
    for (const [i, d] of docs.entries()) {
      if (d.funds_central_yuan === '') continue;
      const shown = money('zh', Number(d.funds_central_yuan));
      expect(cells[i], `${d.doc_id} on /compare/`).toBe(shown);
      expect(await text(`/counties/${d.county_code}/`), `${d.doc_id} on its county page`).toContain(shown);
      expect(overview, `${d.doc_id} on the overview`).toContain(shown);
    }
  });

  it('a plan’s period reads the same on the overview and the document page (months of the documents row)', async () => {
    const overview = await text('/');
    for (const d of docs) {
      for (const ym of [d.period_start, d.period_end]) {
        if (!ym) continue;
        const shown = monthLabel('zh', ym);
        expect(overview, `${d.doc_id} ${ym} on the overview`).toContain(shown);
        expect(await text(`/documents/${d.doc_id}/`), `${d.doc_id} ${ym} on its document page`).toContain(
          shown,
        );
      }
    }
  });
});
