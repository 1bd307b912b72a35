/**
 * Achievements (issue 16): what a county's own reports say was done, read apart from what its plan promises and
 * matched to the plan's targets. The fixtures are written here. The report stands for the kind "绩效自评报告" (a
 * county's performance self-evaluation): a title naming the kind, an opening that cites the request, 截至…已建成…
 * figures, a section of problems and a signature with the date. The plan states its targets and, in its baseline, a
 * figure already done (已建成), which is not a target.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACHIEVEMENTS, DOCUMENTS, TARGETS } from '../../pipelines/contract/schema.ts';
import { matchAchievements } from '../../pipelines/plan/achievements.ts';
import { type DocResult, readPlans } from '../../pipelines/plan/plans.ts';
import { rowsOf } from '../helpers.ts';

const PLAN = [
  '峨边彝族自治县电子商务进农村综合示范项目实施方案',
  '一、基本情况',
  '我县现有行政村127个，已建成村级电商服务站30个。',
  '二、建设目标',
  '建设村级电商服务站不少于60个，开展电商培训不少于2000人次。',
  '峨边彝族自治县人民政府',
  '2021年6月20日',
].join('\n');
const REPORT = [
  '峨边彝族自治县电子商务进农村综合示范项目绩效自评报告',
  '根据省商务厅要求，现将我县电子商务进农村综合示范项目绩效自评情况报告如下：',
  '一、项目实施情况',
  '截至2022年12月底，已建成村级电商服务站62个，累计开展电商培训3200人次。',
  '二、存在的问题',
  '部分村级站点运营能力不足。',
  '峨边彝族自治县商务局',
  '2023年1月10日',
].join('\n');

let tmp: string;
let results: DocResult[];
const of = (id: string) => results.find((r) => r.docId === id)!;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'plan-atlas-achieved-'));
  mkdirSync(join(tmp, 'plans'));
  writeFileSync(join(tmp, 'plans', 'ebian-plan.txt'), PLAN);
  writeFileSync(join(tmp, 'plans', 'ebian-report.txt'), REPORT);
  results = (await readPlans(join(tmp, 'plans'), null, { progress: () => {}, problem: () => {} })).results;
  matchAchievements(results);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a report is read for what was done', () => {
  it('is a report, with no targets: its figures are achievements as of 截至2022年12月', () => {
    const r = of('ebian-report');
    expect(rowsOf(r, DOCUMENTS)[0]).toMatchObject({ doc_type: 'report', county_code: '511132' });
    expect(rowsOf(r, TARGETS)).toEqual([]);
    expect(rowsOf(r, ACHIEVEMENTS).map((a) => [a.metric, a.value, a.as_of])).toEqual([
      ['village_station_count', 62, '2022-12'],
      ['training_person_times', 3200, '2022-12'],
    ]);
  });

  it('matches each achievement to its county plan’s target for the same metric (62 of 60 stations, 3200 of 2000)', () => {
    const rows = rowsOf(of('ebian-report'), ACHIEVEMENTS);
    const targets = rowsOf(of('ebian-plan'), TARGETS);
    for (const [metric, target] of [
      ['village_station_count', 60],
      ['training_person_times', 2000],
    ] as const) {
      const a = rows.find((x) => x.metric === metric)!;
      expect(a).toMatchObject({ plan_doc_id: 'ebian-plan', target_value: target });
      expect(targets.find((t) => t.target_id === a.plan_target_id)!.metric).toBe(metric);
    }
  });

  it('a plan’s target with 共 or 截至 in its clause stays a target; a report restating the plan’s target gives neither', async () => {
    const { readPlan } = await import('../../pipelines/plan/plan.ts');
    const plan = readPlan(
      'p',
      'p.txt',
      new TextEncoder().encode(`${PLAN.split('\n')[0]}\n到2025年，全县共建设村级电商服务站100个。\n`),
      null,
    );
    expect(rowsOf(plan, TARGETS).map((t) => t.value)).toEqual([100]);
    expect(rowsOf(plan, ACHIEVEMENTS)).toEqual([]);
    const report = readPlan(
      'r',
      'r.txt',
      new TextEncoder().encode(
        `${REPORT.split('\n')[0]}\n计划建设村级电商服务站60个，截至2022年底已建成村级电商服务站62个。\n`,
      ),
      null,
    );
    expect(rowsOf(report, ACHIEVEMENTS).map((a) => a.value)).toEqual([62]);
    expect(rowsOf(report, TARGETS)).toEqual([]);
  });

  it('a plan’s figure stated as done (已建成村级电商服务站30个) is an achievement, never a target', () => {
    const plan = of('ebian-plan');
    expect(rowsOf(plan, TARGETS).map((t) => [t.metric, t.value])).toEqual([
      ['village_station_count', 60],
      ['training_person_times', 2000],
    ]);
    expect(rowsOf(plan, ACHIEVEMENTS).map((a) => [a.metric, a.value, a.as_of])).toEqual([
      ['village_station_count', 30, '2021-06'],
    ]);
  });
});
