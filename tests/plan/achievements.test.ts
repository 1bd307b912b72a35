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
import { ACHIEVEMENTS, COMMITMENTS, DOCUMENTS, TARGETS } from '../../pipelines/contract/schema.ts';
import { matchAchievements } from '../../pipelines/plan/achievements.ts';
import { type DocResult, readPlans } from '../../pipelines/plan/plans.ts';
import { rowsOf } from '../helpers.ts';

const PLAN = [
  '峨边彝族自治县电子商务进农村综合示范项目实施方案',
  '一、基本情况',
  '我县现有行政村127个，已建成村级电商服务站30个。',
  '二、建设目标',
  '建设村级电商服务站不少于60个，开展电商培训不少于2000人次，举办电商用工对接会不少于5场。',
  '三、保障措施',
  '县商务局负责于2021年9月底前完成项目招投标，确定项目承办企业。',
  '项目建成后，由县商务局组织第三方验收。',
  '峨边彝族自治县人民政府',
  '2021年6月20日',
].join('\n');
const REPORT = [
  '峨边彝族自治县电子商务进农村综合示范项目绩效自评报告',
  '根据省商务厅要求，现将我县电子商务进农村综合示范项目绩效自评情况报告如下：',
  '一、项目实施情况',
  '截至2022年12月底，已建成村级电商服务站62个，累计开展电商培训3200人次。',
  '2021年8月已完成项目招投标工作，确定了项目承办企业。',
  '二、存在的问题',
  '部分村级站点运营能力不足。',
  '峨边彝族自治县商务局',
  '2023年1月10日',
].join('\n');

/**
 * A 验收自评报告 whose figures are a table of its performance targets (绩效目标完成情况表): the indicator, the
 * year's target as the plan set it, the value achieved and the rate; the target column restates the plan and is
 * never read as a target.
 */
const TABLE_REPORT = [
  '峨边彝族自治县电子商务进农村综合示范项目验收自评报告',
  '截至2023年11月底，项目建设情况见下表。',
  '附表：绩效目标完成情况表',
  '序号\t指标名称\t年度目标值\t实际完成值\t完成率',
  '1\t村级电商服务站\t60个\t65个\t108%',
  '2\t电商培训\t2000人次\t3500人次\t175%',
  '3\t电商用工对接会\t5场\t6场\t120%',
  '4\t快递到村时限\t48小时\t36小时\t—',
  '峨边彝族自治县商务局',
  '2023年12月5日',
].join('\n');

let tmp: string;
let results: DocResult[];
const of = (id: string) => results.find((r) => r.docId === id)!;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'plan-atlas-achieved-'));
  mkdirSync(join(tmp, 'plans'));
  writeFileSync(join(tmp, 'plans', 'ebian-plan.txt'), PLAN);
  writeFileSync(join(tmp, 'plans', 'ebian-report.txt'), REPORT);
  writeFileSync(join(tmp, 'plans', 'ebian-acceptance.txt'), TABLE_REPORT);
  results = (await readPlans(join(tmp, 'plans'), null, { progress: () => {}, problem: () => {} })).results;
  matchAchievements(results);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a report is read for what was done', () => {
  it('is a report, with no targets: its figures are achievements as of 截至2022年12月', () => {
    const r = of('ebian-report');
    expect(rowsOf(r, DOCUMENTS)[0]).toMatchObject({ doc_type: 'report', county_code: '511132' });
    expect(rowsOf(r, TARGETS)).toEqual([]);
    const figures = rowsOf(r, ACHIEVEMENTS).filter((a) => a.commitment_kind === null);
    expect(figures.map((a) => [a.metric, a.value, a.as_of])).toEqual([
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

  it('a report’s table of targets and values achieved gives the achieved column, cited to its row, never the target column', () => {
    const r = of('ebian-acceptance');
    expect(rowsOf(r, TARGETS)).toEqual([]);
    const rows = rowsOf(r, ACHIEVEMENTS);
    expect(rows.map((a) => [a.metric, a.label ?? null, a.value, a.unit, a.as_of])).toEqual([
      ['village_station_count', null, 65, '个', '2023-11'],
      ['training_person_times', null, 3500, '人次', '2023-11'],
      ['other', '电商用工对接会', 6, '场', '2023-11'],
      ['delivery_hours_to_village', null, 36, '小时', '2023-11'],
    ]);
    for (const a of rows) expect(String(a.quote)).toContain(String(a.value));
  });

  it('an achievement outside the vocabulary is matched to the plan’s target of the same label (6 of 5 对接会)', () => {
    const a = rowsOf(of('ebian-acceptance'), ACHIEVEMENTS).find((x) => x.metric === 'other')!;
    const t = rowsOf(of('ebian-plan'), TARGETS).find((x) => x.target_id === a.plan_target_id);
    expect(a).toMatchObject({ plan_doc_id: 'ebian-plan', target_value: 5 });
    expect(t).toMatchObject({ metric: 'other', label: '电商用工对接会' });
  });

  it('a report’s statement that a commitment is done answers the plan’s commitment of that kind (招投标), with no figure', () => {
    const done = rowsOf(of('ebian-report'), ACHIEVEMENTS).filter((a) => a.commitment_kind !== null);
    const plan = rowsOf(of('ebian-plan'), COMMITMENTS);
    expect(done.map((a) => [a.commitment_kind, a.metric, a.value, a.as_of])).toEqual([
      ['procurement', null, null, '2022-12'],
    ]);
    expect(String(done[0]!.quote)).toContain('已完成项目招投标');
    const answered = plan.find((c) => c.commitment_id === done[0]!.plan_commitment_id);
    expect(answered).toMatchObject({ kind: 'procurement', due_month: '2021-09' });
    // the figures of the report are still achievements of their metric, and nothing else is a commitment done
    expect(rowsOf(of('ebian-report'), ACHIEVEMENTS).filter((a) => a.commitment_kind === null)).toHaveLength(
      2,
    );
  });

  it('a plan’s figure stated as done (已建成村级电商服务站30个) is an achievement, never a target', () => {
    const plan = of('ebian-plan');
    expect(rowsOf(plan, TARGETS).map((t) => [t.metric, t.value])).toEqual([
      ['village_station_count', 60],
      ['training_person_times', 2000],
      ['other', 5],
    ]);
    expect(rowsOf(plan, ACHIEVEMENTS).map((a) => [a.metric, a.value, a.as_of])).toEqual([
      ['village_station_count', 30, '2021-06'],
    ]);
  });
});
