/**
 * A figure reads the same on every page: the built HTML of the county pages, /audit/ and /compare/ against the
 * published CSV (run after `npm run data && npm run build`). Each test is one defect found when pages disagreed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { stationTargets } from '../pipelines/contract/stations.ts';
import { FUND_SOURCE, FUND_SOURCES } from '../pipelines/contract/vocab.ts';
import { ROOT } from './helpers.ts';

const DIST = join(ROOT, 'dist');
const csv = (name: string) =>
  Papa.parse<Record<string, string>>(
    readFileSync(join(ROOT, 'public/data', `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true },
  ).data;
const page = (path: string) => parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8')).document;
const SYMBOL: Record<string, string> = { '>=': '≥', '<=': '≤' };

describe('a finding’s bound', () => {
  const bounded = csv('findings').filter(
    (f) => f.threshold !== '' && f.numerator !== '' && f.denominator !== '',
  );
  const docs = new Map(csv('documents').map((d) => [d.doc_id, d]));

  it('is published with its comparator wherever it has a threshold', () => {
    expect(bounded.length).toBeGreaterThan(0);
    for (const f of bounded) expect(['>=', '<='], `${f.doc_id} ${f.finding_id}`).toContain(f.comparator);
  });

  it('reads on the county page as on /audit/: the ≤ 15% service-centre rule is ≤, not ≥', () => {
    const atMost = bounded.filter((f) => f.comparator === '<=');
    expect(atMost.length).toBeGreaterThan(0);
    for (const f of bounded) {
      const code = docs.get(f.doc_id!)?.county_code;
      if (!code) continue;
      const percent = `${Math.round(Number(f.threshold) * 100)}%`;
      const wanted = `${SYMBOL[f.comparator!]} ${percent}`;
      for (const path of [`counties/${code}`, 'audit']) {
        const rows = [...page(path).querySelectorAll('tr')].filter((tr) =>
          (tr.textContent ?? '').includes(f.message_zh!),
        );
        expect(rows.length, `${path}: ${f.doc_id} ${f.finding_id}`).toBeGreaterThan(0);
        for (const tr of rows)
          expect(tr.textContent, `${path}: ${f.doc_id} ${f.finding_id}`).toContain(wanted);
      }
    }
  });
});

describe('a source of funds', () => {
  it('has one name in the published messages and on the pages: the vocabulary’s (市县财政, not 地方财政)', () => {
    const names = FUND_SOURCES.map((s) => FUND_SOURCE[s].zh);
    expect(names).toContain('市县财政');
    for (const f of csv('findings')) expect(f.message_zh, f.finding_id).not.toContain('地方财政');
    for (const path of ['', 'compare', 'counties/440232', 'data'])
      expect(page(path).body.textContent, path).not.toContain('地方财政');
  });
});

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
  return [...byCounty.values()];
};
/** A published target as stationTargets reads it. */
const targetRows = () =>
  csv('targets').map((t) => ({
    doc_id: t.doc_id!,
    metric: t.metric!,
    value: Number(t.value),
    anchor: `#span-${t.span_start}-${t.span_end}`,
  }));
/** What a page should show for a tier: stationTargets over the plan's rows of targets.csv. */
const planned = (docId: string, tier: 'township' | 'village') =>
  stationTargets(
    targetRows().filter((t) => t.doc_id === docId),
    tier,
  );
/** A figure cell: the number it shows first, and the span anchors of its links. */
const figureOf = (cell: Element) => ({
  value: Number(/\d[\d,]*/.exec(cell.textContent ?? '')?.[0]?.replaceAll(',', '') ?? Number.NaN),
  anchors: [...cell.querySelectorAll('a')]
    .map((a) => (a.getAttribute('href') ?? '').replace(/^[^#]*/, ''))
    .sort(),
});
const expectStations = (
  cell: Element | undefined,
  docId: string,
  tier: 'township' | 'village',
  where: string,
) => {
  const want = planned(docId, tier);
  expect(cell, where).toBeDefined();
  if (!want) return expect(cell!.querySelectorAll('a').length, where).toBe(0);
  const got = figureOf(cell!);
  expect(got.value, where).toBe(want.value);
  expect(got.anchors, where).toEqual(want.from.map((t) => t.anchor).sort());
};

describe('a station figure', () => {
  const docs = csv('documents').filter(
    (d) => d.status === 'ok' && (d.doc_type === 'plan' || d.doc_type === 'revision'),
  );

  it('on the overview is stationTargets of targets.csv, linked to every target it sums (7 = 6 + 1)', () => {
    expect(planned('wuzhishan-2019', 'township')?.from.length).toBe(2);
    for (const path of ['', 'en']) {
      const doc = page(path);
      for (const d of docs) {
        const cells = doc.querySelectorAll(`#compare-table tr[data-doc-id="${d.doc_id}"] td`);
        expectStations(cells[2], d.doc_id!, 'township', `${path}/ ${d.doc_id} township`);
        expectStations(cells[3], d.doc_id!, 'village', `${path}/ ${d.doc_id} village`);
      }
    }
  });

  it('on the county page is the same figure in the total column, linked to every target it sums', () => {
    for (const d of mainDocs())
      for (const path of [`counties/${d.county_code}`, `en/counties/${d.county_code}`]) {
        const table = page(path).querySelector('#stations-caption')!.closest('table')!;
        const rows = [...table.querySelectorAll('tbody tr')];
        (['township', 'village'] as const).forEach((tier, i) => {
          expectStations(rows[i]?.querySelectorAll('td')[2], d.doc_id!, tier, `${path} ${tier}`);
        });
      }
  });
});

describe('the share of central funds to 农产品上行', () => {
  const shares = csv('findings').filter(
    (f) =>
      f.check === 'rule:share_of_central' &&
      f.rule_id === 'central_upstream_share_min_2019' &&
      f.numerator !== '' &&
      f.denominator !== '',
  );

  it('in /benchmarks/measures.json is the audit’s numerator ÷ denominator (五台 64%, 五指山 54.5%)', () => {
    expect(shares.map((f) => f.doc_id).sort()).toEqual(['wutai-2019', 'wuzhishan-2019']);
    const measures = JSON.parse(readFileSync(join(DIST, 'benchmarks/measures.json'), 'utf8')) as {
      measures: Record<string, { doc_id: string; value: number }[]>;
    };
    for (const f of shares) {
      const m = measures.measures.upstream_share!.find((x) => x.doc_id === f.doc_id);
      expect(m?.value, f.doc_id).toBeCloseTo(Number(f.numerator) / Number(f.denominator), 9);
    }
  });
});
