/**
 * The county page's view (lib/county.ts): what the page shows of a county's main plan, each figure with its link.
 * Expected values are the published CSV's (public/data) or the plan's text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { countyView, stationFigure } from '../../src/lib/county.ts';
import type { TargetRow } from '../../src/lib/data.ts';
import { ROOT } from '../helpers.ts';

const csv = (name: string) =>
  Papa.parse<Record<string, string>>(
    readFileSync(join(ROOT, 'public/data', `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true },
  ).data;
const anchor = (doc: string, metric: string, lang = '') => {
  const t = csv('targets').find((x) => x.doc_id === doc && x.metric === metric)!;
  return `${lang}/documents/${doc}/#span-${t.span_start}-${t.span_end}`;
};

describe('countyView', () => {
  it('countyView("469001", "zh") gives the stations with the targets they rest on (7 = 6 + 1, 37 = 22 + 15)', async () => {
    const { plan } = await countyView('469001', 'zh');
    const [town, village] = plan!.stations;
    expect(town!.label).toBe('乡镇服务站');
    expect(town!.new).toEqual({
      text: '1个',
      href: anchor('wuzhishan-2019', 'township_station_count_new'),
      page: null,
    });
    expect(town!.total).toEqual({
      text: '7个',
      parts: [
        {
          text: '6',
          href: anchor('wuzhishan-2019', 'township_station_count_upgraded'),
          page: null,
          title: '改造提升乡镇服务站',
        },
        {
          text: '1',
          href: anchor('wuzhishan-2019', 'township_station_count_new'),
          page: null,
          title: '新建乡镇服务站',
        },
      ],
    });
    expect(village!.total && 'parts' in village!.total ? village!.total.text : null).toBe('37个');
  });

  it('countyView("210681", "en") gives a stated total as one link, under /en/', async () => {
    const { plan } = await countyView('210681', 'en');
    // a count is the number alone in English (个 is the Chinese unit; the row names what is counted)
    expect(plan!.stations[1]!.total).toEqual({
      text: '124',
      href: anchor('donggang-2019', 'village_station_count', '/en'),
      page: null,
    });
    expect(plan!.stations[1]!.new).toBeNull();
  });

  it('countyView("210681", "zh") gives each phase its months as published (终期验收 2021年11月 – 2021年12月)', async () => {
    const { plan } = await countyView('210681', 'zh');
    const last = plan!.phases.at(-1)!;
    expect([last.name, last.when]).toEqual(['终期验收阶段', '2021年11月 – 2021年12月']);
    expect(plan!.phasesChart!.rows.at(-1)).toEqual(['终期验收阶段', '2021年11月', '2021年12月']);
  });

  it('countyView("440232", "zh") gives a phase that states only its end as 到2022年6月, its start not invented', async () => {
    const { plan } = await countyView('440232', 'zh');
    expect(plan!.phases[0]!.when).toBe('到2022年6月');
    expect(plan!.phasesChart!.rows[0]).toEqual(['项目筹备阶段', '—', '2022年6月']);
  });

  it('countyView("140922", "zh") gives the funds as stated: central funds only, the rest not stated', async () => {
    const v = await countyView('140922', 'zh');
    const doc = csv('documents').find((d) => d.doc_id === 'wutai-2019')!;
    expect(v.name).toBe('五台县');
    expect(v.plan!.funds.map((f) => f.value?.text ?? null)).toEqual([
      null,
      `${Number(doc.funds_central_yuan) / 1e4}万元`,
      null,
      null,
      null,
    ]);
  });

  it('countyView("140922", "en") lists every document of the county, linked under /en/', async () => {
    const v = await countyView('140922', 'en');
    const docs = csv('documents').filter((d) => d.county_code === '140922' && d.status === 'ok');
    expect(v.documents.map((d) => d.href)).toEqual(docs.map((d) => `/en/documents/${d.doc_id}/`));
    expect(v.alternate).toBe('/counties/140922/');
  });

  it('countyView("469001", "zh") keeps the findings that apply, with their computation', async () => {
    const { plan } = await countyView('469001', 'zh');
    const applying = csv('findings').filter(
      (f) =>
        f.doc_id === 'wuzhishan-2019' && f.check !== 'unaccounted_amount' && f.status !== 'not_applicable',
    );
    expect(plan!.findings.map((f) => f.message)).toEqual(applying.map((f) => f.message_zh));
    expect(plan!.findings.some((f) => f.computation.includes('54.5%'))).toBe(true);
  });

  it('countyView("000000", "zh") refuses a county without a published document', async () => {
    await expect(countyView('000000', 'zh')).rejects.toThrow('000000');
  });
});

describe('stationFigure', () => {
  const row = (metric: string, value: number, start: number) =>
    ({ metric, value, span_start: start, span_end: start + 5, unit: '个' }) as TargetRow;

  it('stationFigure prefers the stated total over new + upgraded', () => {
    const rows = [row('village_station_count_new', 2, 10), row('village_station_count', 9, 50)];
    expect(stationFigure(rows, 'village')).toEqual({ value: 9, parts: [rows[1]] });
  });

  it('stationFigure sums new and upgraded, parts in the order the plan states them', () => {
    const rows = [row('township_station_count_new', 1, 30), row('township_station_count_upgraded', 6, 10)];
    expect(stationFigure(rows, 'township')).toEqual({ value: 7, parts: [rows[1], rows[0]] });
  });

  it('stationFigure is null when the plan sets no station of the tier', () => {
    expect(stationFigure([row('township_station_count', 3, 0)], 'village')).toBeNull();
  });
});
