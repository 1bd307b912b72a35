/**
 * Each chart function drawn from small fixed data on a linkedom document (as at build time) against its golden
 * snapshot in tests/charts/snapshots/. A difference is written beside the snapshot as <name>-changed.svg (or
 * .html) for a person to look at; a missing snapshot is written and the test fails until it is committed.
 */
import { describe, expect, it } from 'vitest';
import { line, lines, normalizedBars, shares, stackedBars, strip, timeline } from '../../src/lib/charts.ts';
import { ssrDocument } from '../../src/lib/charts-ssr.ts';
import { expectSnapshot, indent, normalise } from './snapshot.ts';

const month = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1));
const SOURCES = ['中央财政', '市县财政'];
const CATEGORIES = ['农产品上行', '物流配送', '公共服务'];

describe('chart snapshots', () => {
  it('stackedBars: funds per category by source, with a legend', () => {
    const data = [
      { label: '农村物流配送体系', series: SOURCES[0]!, value: 520 },
      { label: '农村物流配送体系', series: SOURCES[1]!, value: 130.25 },
      { label: '电商公共服务中心', series: SOURCES[0]!, value: 300 },
      { label: 'Training 培训', series: SOURCES[1]!, value: 85.5 },
    ];
    const svg = stackedBars(data, {
      alt: '资金按类别',
      unit: '万元',
      series: SOURCES,
      document: ssrDocument(),
    });
    expectSnapshot('stackedBars', svg);
  });

  it('normalizedBars: shares of central funds per category at phone width, with the 50% rule', () => {
    const data = ['五台县', '凤城市'].flatMap((label, i) =>
      CATEGORIES.map((series, j) => ({ label, series, value: 100 * (i + 1) + 50 * j })),
    );
    const svg = normalizedBars(data, {
      alt: '中央资金按类别的占比',
      series: CATEGORIES,
      rule: 0.5,
      ruleLabel: '50%（农产品上行含物流，2019年规则）',
      width: 340,
      document: ssrDocument(),
    });
    expectSnapshot('normalizedBars', svg);
  });

  it('timeline: phases from their first to the end of their last month, long labels shortened', () => {
    const data = [
      { label: '乐山市金口河区 · 项目筹备阶段', start: month(2018, 9), end: month(2019, 1) },
      { label: '乐山市金口河区 · 项目实施阶段', start: month(2019, 1), end: month(2020, 7) },
      { label: '验收', start: month(2020, 7), end: month(2020, 10) },
    ];
    expectSnapshot(
      'timeline',
      timeline(data, { alt: '各实施阶段起止月份', width: 340, document: ssrDocument() }),
    );
  });

  it('shares: each target’s share reached, the linear expectation as a tick and 100% as a rule', () => {
    const data = [
      { label: '网络零售额', share: 0.62, expected: 0.5 },
      { label: '乡镇服务站', share: 1.35, expected: 0.75 },
      { label: '村级服务站', share: 0.2, expected: null },
    ];
    expectSnapshot('shares', shares(data, { alt: '目标完成度', document: ssrDocument() }));
  });

  it('line: a monthly series from 0', () => {
    const data = Array.from({ length: 12 }, (_, i) => ({
      date: month(2020, i + 1),
      value: 100 + 10 * i + (i % 3),
    }));
    expectSnapshot('line', line(data, { alt: '月度网络零售额', unit: '万元', document: ssrDocument() }));
  });

  it('lines: two monthly series with a legend', () => {
    const series = ['增长率', '目标'];
    const data = Array.from({ length: 12 }, (_, i) => [
      { series: series[0]!, date: month(2021, i + 1), value: 5 + i * 1.5 },
      { series: series[1]!, date: month(2021, i + 1), value: 15 },
    ]).flat();
    expectSnapshot('lines', lines(data, { alt: '同比增长', unit: '%', series, document: ssrDocument() }));
  });

  it('strip: one dot per county, the chosen one larger and named', () => {
    const values = [120, 340, 515.5, 800, 1020, 660];
    const data = values.map((value, i) => ({ label: `县${i + 1}`, value, highlight: i === 2 }));
    expectSnapshot(
      'strip',
      strip(data, { alt: '中央财政资金的分布', unit: '万元', document: ssrDocument() }),
    );
  });
});

describe('snapshot normalisation', () => {
  it('rounds numbers to 2 decimals and renumbers ids and class hashes in order of appearance', () => {
    const markup =
      '<svg class="plot-d6a7b5"><clipPath id="plot-clip-7"/><g clip-path="url(#plot-clip-7)" ' +
      'transform="translate(0.123456,-0.001)"/><use href="#plot-clip-9"/><g id="plot-clip-9" class="plot-abc123"/></svg>';
    expect(normalise(markup)).toBe(
      '<svg class="plot-1"><clipPath id="id-1"/><g clip-path="url(#id-1)" ' +
        'transform="translate(0.12,0)"/><use href="#id-2"/><g id="id-2" class="plot-2"/></svg>',
    );
  });

  it('indents between tags only, never inside text', () => {
    expect(indent('<svg><g><text>a<tspan>b</tspan><tspan>c</tspan></text></g><style>x</style></svg>')).toBe(
      '<svg>\n  <g>\n    <text>a<tspan>b</tspan><tspan>c</tspan></text>\n  </g>\n  <style>x</style>\n</svg>\n',
    );
  });
});
