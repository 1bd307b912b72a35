/**
 * A figure reads the same on every page: the built HTML of the county pages, /audit/ and /compare/ against the
 * published CSV (run after `npm run data && npm run build`). Each test is one defect found when pages disagreed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
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
  const bounded = csv('findings').filter((f) => f.threshold !== '' && f.numerator !== '' && f.denominator !== '');
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
        for (const tr of rows) expect(tr.textContent, `${path}: ${f.doc_id} ${f.finding_id}`).toContain(wanted);
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
