/**
 * The ledger as the pages show it (lib/ledger.ts, CountyLedger.astro, /ledger/): where a deadline stands against a
 * month, deadlines and rhythms in words, and the ledger on the county page and on /ledger/ in both languages,
 * readable without JavaScript (built HTML). Expected values are read from the plans' texts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { achievementShown, documentLedger, dueLabel, standing } from '../../src/lib/ledger.ts';
import { publishedCsv, ROOT } from '../helpers.ts';

const csv = publishedCsv;
const html = (path: string) => readFileSync(join(ROOT, 'dist', path, 'index.html'), 'utf8');
const row = (over: Record<string, unknown>) =>
  ({ due_month: null, due_date: null, recurrence: null, recurrence_day: null, ...over }) as never;

describe('standing and dueLabel', () => {
  it('a deadline before the month has passed; in the month is due; after it is to come; a rhythm recurs', () => {
    expect(standing(row({ due_month: '2022-04' }), '2026-12')).toBe('passed');
    expect(standing(row({ due_month: '2026-12' }), '2026-12')).toBe('this_month');
    expect(standing(row({ due_date: '2027-01-15' }), '2026-12')).toBe('upcoming');
    expect(standing(row({ recurrence: 'monthly', recurrence_day: 25 }), '2026-12')).toBe('recurring');
    expect(standing(row({}), '2026-12')).toBe('none');
  });

  it('says a deadline and a rhythm in each language (2022年4月前, 每月25日前 / by Apr 2022, monthly, by day 25)', () => {
    expect(dueLabel('zh', row({ due_month: '2022-04' }))).toBe('2022年4月前');
    expect(dueLabel('en', row({ due_month: '2022-04' }))).toBe('by Apr 2022');
    expect(dueLabel('zh', row({ recurrence: 'monthly', recurrence_day: 25 }))).toBe('每月25日前');
    expect(dueLabel('en', row({ recurrence: 'monthly', recurrence_day: 25 }))).toBe('monthly, by day 25');
    expect(dueLabel('zh', row({ recurrence: 'quarterly' }))).toBe('每季度');
  });
});

describe('planned against achieved', () => {
  // a report's 培训 figure against its plan's 培训人次不少于4000人次 (the bound of the target kept)
  const achieved = {
    metric: 'training_person_times',
    label: null,
    value: 4210,
    unit: '人次',
    comparator: null,
    commitment_kind: null,
    plan_target_id: 't3',
    target_value: 4000,
  } as never;
  const target = { metric: 'training_person_times', value: 4000, unit: '人次', comparator: '>=' } as never;

  it('shows the plan’s target with its bound (≥ 4,000人次), and the figure reported as it is', () => {
    expect(achievementShown('zh', achieved, target, undefined)).toMatchObject({
      target: '≥ 4,000人次',
      achieved: '4,210人次',
    });
    expect(achievementShown('en', achieved, target, undefined).target).toBe('≥ 4,000 person-times');
  });

  it('an achievement answering no target shows none', () => {
    const alone = { ...(achieved as object), plan_target_id: null, target_value: null } as never;
    expect(achievementShown('zh', alone, undefined, undefined).target).toBeNull();
  });
});

describe('the ledger of a plan', () => {
  it('东港: the monthly report by day 25 to 市商务局, owned by the 承办主体, and the site column', async () => {
    const l = await documentLedger('zh', 'donggang-2019', '2026-12');
    const reporting = l.groups.find((g) => g.kind === 'reporting')!.items;
    // 东港 §六(八): 综合示范承办主体每月 25 日前将工作情况报市商务局
    expect(reporting).toContainEqual(
      expect.objectContaining({
        due: '每月25日前',
        responsible: '承办主体',
        recipient: '市商务局',
        standing: 'recurring',
      }),
    );
    // 东港 §六(七): 在市政府网站设置“全国电子商务进农村综合示范”专栏，公开工作实施方案…
    expect(l.groups.find((g) => g.kind === 'disclosure')!.items.some((c) => /专栏/.test(c.what))).toBe(true);
  });

  it('乳源: the schedule’s 项目招投标 and 确定项目服务商 are procurement due 2022年4月 and 5月, passed by 2026-12; its phone is listed', async () => {
    const l = await documentLedger('zh', 'ruyuan-2021', '2026-12');
    const procurement = l.groups.find((g) => g.kind === 'procurement')!.items;
    expect(procurement).toContainEqual(
      expect.objectContaining({ what: '项目招投标', due: '2022年4月前', standing: 'passed' }),
    );
    expect(procurement).toContainEqual(
      expect.objectContaining({ what: '确定项目服务商', due: '2022年5月前' }),
    );
    expect(l.channels).toContainEqual(expect.objectContaining({ value: '0751-5383488' }));
  });

  it('五指山: the central funds held back until the national evaluation, 500万元', async () => {
    const l = await documentLedger('zh', 'wuzhishan-2019', '2026-12');
    // 先期拨付1500万资金，后期待项目通过国家绩效评价合格后，中央财政再拨付剩余500万资金
    const held = l.groups.find((g) => g.kind === 'funding_condition')!.items.filter((c) => c.held);
    expect(held.map((c) => c.held)).toEqual(['500万元']);
  });
});

describe('the built pages', () => {
  it('every county page carries its main plan’s ledger, in Chinese and English, as static HTML', () => {
    const ruyuan = csv('commitments').filter((c) => c.doc_id === 'ruyuan-2021');
    for (const path of ['counties/440232', 'en/counties/440232']) {
      const page = html(path);
      expect(page).toContain('id="ledger"');
      for (const c of ruyuan)
        expect(page, `${path}: ${c.commitment_id}`).toContain(`id="k-ruyuan-2021-${c.commitment_id}"`);
    }
    expect(html('counties/440232')).toContain('0751-5383488');
  });

  it('/ledger/ lists every published commitment once, in each language', () => {
    const all = csv('commitments');
    for (const path of ['ledger', 'en/ledger']) {
      const page = html(path);
      // each anchor once: a commitment listed again (under 期限已过) carries no second id
      for (const c of all) {
        const id = `id="k-${c.doc_id}-${c.commitment_id}"`;
        expect(page.split(id).length - 1, `${path}: ${id}`).toBe(1);
      }
    }
  });
});

describe('months from issue to the tender deadline', () => {
  it('counts the months from the plan’s issue to the deadline, and gives none for a deadline before the issue', async () => {
    const { monthsToTender } = await import('../../src/lib/compare.ts');
    expect(monthsToTender('2021-11-25', { due_month: '2022-04', due_date: null })).toBe(5);
    expect(monthsToTender('2021-11-25', { due_month: '2021-11', due_date: null })).toBe(0);
    // due before the plan was issued (due_before_issue on /audit/): no number of months, never a negative one
    expect(monthsToTender('2021-11-25', { due_month: '2021-06', due_date: null })).toBeNull();
    expect(monthsToTender('2021-11-25', { due_month: null, due_date: '2021-11-10' })).toBeNull();
  });
});

describe('ledger measures on /benchmarks/', () => {
  it('give each plan the share of commitments naming an owner, its reporting duties and the months to its tender deadline', async () => {
    const { planMeasures } = await import('../../src/lib/compare.ts');
    const m = await planMeasures();
    const all = csv('commitments');
    for (const v of m.commitments_owned_share!) {
      const of = all.filter((c) => c.doc_id === v.doc_id);
      expect(v.value).toBeCloseTo(of.filter((c) => c.responsible).length / of.length, 10);
    }
    // 乳源: issued 2021-11-25, its schedule’s 项目招投标 due 2022年4月前: 5 months
    const ruyuan = m.months_to_tender!.find((v) => v.doc_id === 'ruyuan-2021');
    const issued = String(csv('documents').find((d) => d.doc_id === 'ruyuan-2021')!.issued_on);
    expect(ruyuan?.value).toBe((2022 - Number(issued.slice(0, 4))) * 12 + 4 - Number(issued.slice(5, 7)));
  });
});
