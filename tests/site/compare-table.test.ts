/** The aligned table of /compare/: one row per figure, stations by tier with a link to every target they sum. */
import { describe, expect, it } from 'vitest';
import { alignedRows, rowKey, stationCell, targetKeys } from '../../src/client/compare/table.ts';
import type { PlanSummary } from '../../src/lib/compare.ts';

const NAMES: Record<string, string> = {
  county_service_center_count: '县级电子商务公共服务中心',
  township_station_count: '乡镇服务站',
  township_station_count_new: '新建乡镇服务站',
  township_station_count_upgraded: '改造提升乡镇服务站',
  village_station_count: '村级服务站',
  training_person_times: '培训人次',
};
const target = (metric: string, value: number, span: [number, number], comparator = '=') => ({
  metric,
  value,
  unit: metric === 'training_person_times' ? '人次' : '个',
  comparator,
  span,
  quote: '',
});
/** A plan summary with only what the table reads. */
const plan = (name: string, targets: ReturnType<typeof target>[], extra: Partial<PlanSummary> = {}) =>
  ({ name, doc_id: name, funds: {}, targets, upstream: null, coverage: null, ...extra }) as PlanSummary;

// 五指山市: 改造6个乡（镇）级… (1896–1916), 新建1个乡（镇）级… (1917–1937); 东港市: 整合建设6个乡（镇）级… (1633–1656)
const wuzhishan = plan('五指山市', [
  target('township_station_count_new', 1, [1917, 1937]),
  target('township_station_count_upgraded', 6, [1896, 1916]),
  target('training_person_times', 3000, [2124, 2140], '>='),
]);
const donggang = plan('东港市', [target('township_station_count', 6, [1633, 1656])], {
  upstream: null,
});

describe('stationCell', () => {
  it('stationCell(五指山, "township") is 7个 with a link to 6 upgraded and 1 new, in the plan’s order', () => {
    expect(stationCell(wuzhishan, 'township', NAMES)).toEqual({
      kind: 'sum',
      text: '7个',
      parts: [
        { text: '6', span: [1896, 1916], title: '改造提升乡镇服务站' },
        { text: '1', span: [1917, 1937], title: '新建乡镇服务站' },
      ],
    });
  });

  it('stationCell(东港, "township") is the stated total with its one link', () => {
    expect(stationCell(donggang, 'township', NAMES)).toEqual({
      kind: 'link',
      text: '6个',
      span: [1633, 1656],
    });
  });

  it('stationCell(五指山, "village") is not stated when the plan sets no village target', () => {
    expect(stationCell(wuzhishan, 'village', NAMES)).toEqual({ kind: 'absent' });
  });
});

describe('rowKey and targetKeys', () => {
  it('rowKey puts new and upgraded stations in their tier’s row and leaves other metrics alone', () => {
    expect(rowKey('township_station_count_new')).toBe('township_station_count');
    expect(rowKey('village_station_count_upgraded')).toBe('village_station_count');
    expect(rowKey('village_station_count')).toBe('village_station_count');
    expect(rowKey('training_person_times')).toBe('training_person_times');
  });

  it('targetKeys gives one row per tier, in the vocabulary’s order', () => {
    expect(targetKeys([wuzhishan, donggang], NAMES)).toEqual([
      'township_station_count',
      'training_person_times',
    ]);
  });
});

describe('alignedRows', () => {
  const L = {
    funds_total_yuan: '资金总额',
    funds_central_yuan: '中央财政资金',
    funds_local_yuan: '市县财政',
    upstream_share: '上行比例',
    coverage_computed: '计算村级覆盖率',
    commitments_owned_share: '写明责任单位的承诺事项占比',
    reporting_duties: '报送责任（项）',
    months_to_tender: '从印发到招标期限（月）',
    unit_items: '项',
    unit_months: '个月',
  };
  const shared = plan('五台县', [], {
    funds: { funds_central_yuan: { value: 5_000_000, span: [2116, 2122] } },
    upstream: { numerator: 3_200_000, denominator: 5_000_000 },
  });

  it('alignedRows lists funds, the share to 农产品上行, the targets, then computed coverage', () => {
    expect(alignedRows([wuzhishan, shared], { L, lang: 'zh', targets: NAMES }).map((r) => r.key)).toEqual([
      'funds_total_yuan',
      'funds_central_yuan',
      'funds_local_yuan',
      'upstream_share',
      'township_station_count',
      'training_person_times',
      'coverage_computed',
      'commitments_owned_share',
      'reporting_duties',
      'months_to_tender',
    ]);
  });

  it('alignedRows shows the ledger’s measures: the share of commitments with an owner, reporting duties and months to the tender, each linked to its first sentence', () => {
    // 乳源 as read by hand: 附件1 项目招投标 2022年4月前, issued 2021-11; 2 of 3 commitments name an owner
    const ruyuan = plan('乳源瑶族自治县', [], {
      ledger: {
        commitments_owned_share: [2 / 3, null],
        reporting_duties: [2, [5001, 5030]],
        months_to_tender: [5, [7001, 7012]],
      },
    });
    const rows = alignedRows([ruyuan, donggang], { L, lang: 'zh', targets: NAMES });
    const cells = (key: string) => rows.find((r) => r.key === key)!.cells;
    expect(cells('commitments_owned_share')).toEqual([{ kind: 'text', text: '66.7%' }, { kind: 'absent' }]);
    expect(cells('reporting_duties')).toEqual([
      { kind: 'link', text: '2项', span: [5001, 5030] },
      { kind: 'absent' },
    ]);
    expect(cells('months_to_tender')).toEqual([
      { kind: 'link', text: '5个月', span: [7001, 7012] },
      { kind: 'absent' },
    ]);
  });

  it('alignedRows shows 五台’s share as 64% (320万元 ÷ 500万元), and — where it cannot be computed', () => {
    const row = alignedRows([shared, wuzhishan], { L, lang: 'zh', targets: NAMES }).find(
      (r) => r.key === 'upstream_share',
    )!;
    expect(row.cells).toEqual([
      { kind: 'text', text: '64% (320万元 ÷ 500万元)' },
      { kind: 'text', text: '—' },
    ]);
  });

  it('alignedRows shows a target with its comparator, and a missing one as not stated', () => {
    const row = alignedRows([wuzhishan, donggang], { L, lang: 'en', targets: NAMES }).find(
      (r) => r.key === 'training_person_times',
    )!;
    expect(row.cells).toEqual([
      { kind: 'link', text: '≥ 3,000 person-times', span: [2124, 2140] },
      { kind: 'absent' },
    ]);
  });

  it('alignedRows writes one of a unit in the singular in English (1 month, 1 duty)', () => {
    const one = plan('一县', [], {
      ledger: { reporting_duties: [1, [1, 2]], months_to_tender: [1, [3, 4]] },
    });
    const L2 = { ...L, unit_items: 'duties', unit_months: 'months' };
    const rows = alignedRows([one], { L: L2, lang: 'en', targets: NAMES });
    expect(rows.find((r) => r.key === 'reporting_duties')!.cells).toEqual([
      { kind: 'link', text: '1 duty', span: [1, 2] },
    ]);
    expect(rows.find((r) => r.key === 'months_to_tender')!.cells).toEqual([
      { kind: 'link', text: '1 month', span: [3, 4] },
    ]);
  });
});
