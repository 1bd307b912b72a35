/**
 * Funds by category for /compare/ and /benchmarks/: the contract's categoryFunds over the published allocations,
 * and the share of central funds to 农产品上行 the audit computes. Expected values are the published CSV's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { centralBars, centralKnown, fundsBars } from '../../src/client/compare/funds.ts';
import { planMeasures, planSummaries, upstreamShare } from '../../src/lib/compare.ts';
import { ROOT } from '../helpers.ts';

const csv = (name: string) =>
  Papa.parse<Record<string, string>>(
    readFileSync(join(ROOT, 'public/data', `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true },
  ).data;
const upstreamFindings = () =>
  csv('findings').filter(
    (f) =>
      f.check === 'rule:share_of_central' &&
      f.rule_id === 'central_upstream_share_min_2019' &&
      f.numerator !== '' &&
      f.denominator !== '',
  );

describe('upstreamShare', () => {
  const cats = [
    { category: 'logistics', amount: 1_000_000, central: 1_000_000 },
    { category: 'upstream', amount: 2_200_000, central: 2_200_000 },
    { category: 'training', amount: 430_000, central: null },
  ];

  it('upstreamShare counts the upstream and logistics categories over the stated central funds', () => {
    expect(upstreamShare(cats, 5_000_000)).toEqual({ numerator: 3_200_000, denominator: 5_000_000 });
  });

  it('upstreamShare is null without stated central funds, without items, or with an unknown counted item', () => {
    expect(upstreamShare(cats, null)).toBeNull();
    expect(upstreamShare([], 5_000_000)).toBeNull();
    expect(upstreamShare([{ category: 'upstream', amount: 1, central: null }], 5_000_000)).toBeNull();
  });
});

describe('planSummaries', () => {
  it('planSummaries() gives 五台 (central funds alone) its items’ amounts as central funds, by category', async () => {
    const wutai = (await planSummaries()).find((p) => p.doc_id === 'wutai-2019')!;
    const items = csv('allocations').filter((a) => a.doc_id === 'wutai-2019');
    const leaves = items.filter((a) => !items.some((b) => b.parent_item_id === a.item_id));
    const total = leaves.reduce((s, a) => s + Number(a.amount_yuan), 0);
    expect(wutai.categories.every((c) => c.central === c.amount)).toBe(true);
    expect(wutai.categories.reduce((s, c) => s + c.central!, 0)).toBe(total);
    expect(centralKnown(wutai)).toBe(true);
  });

  it('planSummaries() gives every plan the audit computed a share for the same numerator and denominator', async () => {
    const plans = await planSummaries();
    const findings = upstreamFindings();
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings)
      expect(plans.find((p) => p.doc_id === f.doc_id)?.upstream, f.doc_id).toEqual({
        numerator: Number(f.numerator),
        denominator: Number(f.denominator),
      });
  });

  it('planMeasures() ranks 五台 by upstream_share at the audit’s 64%', async () => {
    const m = (await planMeasures()).upstream_share!;
    for (const f of upstreamFindings())
      expect(m.find((x) => x.doc_id === f.doc_id)?.value, f.doc_id).toBeCloseTo(
        Number(f.numerator) / Number(f.denominator),
        9,
      );
  });
});

describe('fundsBars and centralBars', () => {
  it('fundsBars gives each category with an amount in 万元; centralBars only plans known in every category', async () => {
    const plans = (await planSummaries()).filter((p) => ['wutai-2019', 'donggang-2019'].includes(p.doc_id));
    const name = (c: string) => c;
    const bars = fundsBars(plans, name, 1e4);
    expect(bars.find((b) => b.label === '五台县' && b.series === 'logistics')?.value).toBe(100);
    const central = centralBars(plans, name);
    expect(new Set(central.map((b) => b.label))).toEqual(new Set(['五台县']));
  });
});
