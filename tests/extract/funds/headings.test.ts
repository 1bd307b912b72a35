import { describe, expect, it } from 'vitest';
import { isSectionTitle, sectionSource } from '../../../pipelines/extract/funds/headings.ts';
import { HEAD, stateOf } from './read.ts';

/** The headings of a text, by label. */
function headingsOf(text: string) {
  const { headings } = stateOf(text);
  return (label: string) => headings.find((h) => h.label === label)!;
}

describe('isSectionTitle', () => {
  it('isSectionTitle(h) is true for a section of fund items (资金安排, 建设内容, 资金使用计划)', () => {
    const h = headingsOf(`${HEAD}一、资金安排\n二、建设内容\n三、资金使用计划\n`);
    expect([h('资金安排'), h('建设内容'), h('资金使用计划')].map(isSectionTitle)).toEqual([true, true, true]);
  });
  it('isSectionTitle(h) is false for a heading that names an item (（一）物流体系建设)', () => {
    expect(isSectionTitle(headingsOf(`${HEAD}（一）物流体系建设\n`)('物流体系建设'))).toBe(false);
  });
});

describe('sectionSource', () => {
  it('sectionSource(h) reads the source a heading names (二、中央财政资金使用方向 → central)', () => {
    const h = headingsOf(`${HEAD}二、中央财政资金使用方向\n`);
    expect(sectionSource(h('中央财政资金使用方向'))).toBe('central');
  });
  it('sectionSource(h) reads it from the nearest ancestor that names one (（一）物流体系 under 三、县级配套资金安排 → local)', () => {
    const h = headingsOf(`${HEAD}三、县级配套资金安排\n（一）物流体系\n`);
    expect(sectionSource(h('物流体系'))).toBe('local');
  });
  it('sectionSource(h) is null without a heading or when no heading above names a source', () => {
    expect(sectionSource(null)).toBeNull();
    expect(sectionSource(headingsOf(`${HEAD}一、资金安排\n（一）物流体系\n`)('物流体系'))).toBeNull();
  });
});
