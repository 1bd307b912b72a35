/** The keep-or-join decision for a line break, and the heading and number-unit rules it rests on. */
import { describe, expect, it } from 'vitest';
import {
  type BreakAt,
  brokenNumber,
  keepBreak,
  type LineSoFar,
  startsHeading,
} from '../../pipelines/normalize/breaks.ts';

/** A line of prose, long enough (30 characters) that its length alone does not keep its break. */
const PROSE: LineSoFar = { length: 30, hasTab: false, isHeading: false };

/**
 * The break at the first \n of `original`, between the characters around it (wide when CJK), on a line of prose
 * unless `line` says otherwise.
 */
function breakIn(original: string, over: Partial<BreakAt> = {}): BreakAt {
  const from = original.indexOf('\n');
  let to = from;
  while (original[to] === '\n') to++;
  return {
    original,
    from,
    to,
    hard: false,
    prevChar: original[from - 1]!,
    prevWide: true,
    nextWide: true,
    line: PROSE,
    ...over,
  };
}

describe('keepBreak(at)', () => {
  it('keepBreak(…) keeps the break after a sentence-final 。', () => {
    expect(keepBreak(breakIn('加快建设县级电子商务公共服务中心。\n\n推进农村电商发展'))).toBe(true);
  });
  it('keepBreak(…) keeps the break after a full-width or ASCII ； ： ！ ？ (as normalized: ; : ! ?)', () => {
    for (const end of ['；', ';', '：', ':', '！', '!', '？', '?'])
      expect(keepBreak(breakIn(`建设内容${end}\n\n推进农村电商发展`)), end).toBe(true);
  });
  it('keepBreak(…) joins a word broken across a page break in the middle of a sentence (电商服 / 务站)', () => {
    expect(keepBreak(breakIn('新建村级电商服\n\n务站50个'))).toBe(false);
  });
  it('keepBreak(…) keeps the break before a heading (（二）项目名称), even in the middle of prose', () => {
    expect(keepBreak(breakIn('项目的基本情况如下\n\n（二）项目名称'))).toBe(true);
    expect(keepBreak(breakIn('项目的基本情况如下\n\n3.项目名称'))).toBe(true);
  });
  it('keepBreak(…) keeps the break after a line shorter than 24 characters, and joins one of 24', () => {
    expect(keepBreak(breakIn('项目概况\n\n建设内容', { line: { ...PROSE, length: 23 } }))).toBe(true);
    expect(keepBreak(breakIn('项目概况\n\n建设内容', { line: { ...PROSE, length: 24 } }))).toBe(false);
  });
  it('keepBreak(…) keeps the break after a heading line shorter than 50 characters, and joins one of 50', () => {
    const heading = (length: number) => ({ line: { length, hasTab: false, isHeading: true } });
    expect(keepBreak(breakIn('一、加快建设县级公共服务中心\n\n推进', heading(49)))).toBe(true);
    expect(keepBreak(breakIn('一、加快建设县级公共服务中心\n\n推进', heading(50)))).toBe(false);
  });
  it('keepBreak(…) keeps the break that ends a table row (a line with a tab)', () => {
    expect(keepBreak(breakIn('物流配送\t600\t540\n\n合计', { line: { ...PROSE, hasTab: true } }))).toBe(true);
  });
  it('keepBreak(…) keeps the break after a title ending (…实施方案, …的通知)', () => {
    expect(keepBreak(breakIn('电子商务进农村综合示范项目实施方案\n\n为加快发展'))).toBe(true);
    expect(keepBreak(breakIn('关于印发示范项目管理办法的通知\n\n各乡镇'))).toBe(true);
  });
  it('keepBreak(…) keeps a break that came with a block tag (<br>, <p>), whatever the text around it', () => {
    expect(keepBreak(breakIn('新建村级电商服\n\n务站50个', { hard: true }))).toBe(true);
  });
  it('keepBreak(…) keeps the break between two Latin words or numbers', () => {
    expect(keepBreak(breakIn('the O2O\nmodel', { prevWide: false, nextWide: false }))).toBe(true);
  });
  it('keepBreak(…) joins a number and its unit across a page break (72 / 小时内), even after a short line', () => {
    expect(keepBreak(breakIn('配送到村级服务站在72\n\n小时内完成', { prevWide: false }))).toBe(false);
    const short = { prevWide: false, line: { ...PROSE, length: 5 } };
    expect(keepBreak(breakIn('总投资350\n\n万元', short))).toBe(false);
  });
});

describe('brokenNumber(at)', () => {
  it('brokenNumber(…) is true for a digit, ASCII or full-width, before a line starting with a unit', () => {
    expect(brokenNumber(breakIn('在72\n\n小时内', { prevWide: false }))).toBe(true);
    expect(brokenNumber(breakIn('达到９０\n％以上'))).toBe(true);
    expect(brokenNumber(breakIn('培训1500\n人次', { prevWide: false }))).toBe(true);
  });
  it('brokenNumber(…) is false in a table, where the next row may start with a unit-like word (400 / 人才培训)', () => {
    const row = { prevWide: false, line: { ...PROSE, hasTab: true } };
    expect(brokenNumber(breakIn('培训\t400\n人才培训\t200', row))).toBe(false);
  });
  it('brokenNumber(…) is false when the line does not end with a digit, or the next does not start with a unit', () => {
    expect(brokenNumber(breakIn('服务站\n\n小时内'))).toBe(false);
    expect(brokenNumber(breakIn('共72\n\n建设', { prevWide: false }))).toBe(false);
  });
});

describe('startsHeading(original, at)', () => {
  it('startsHeading(…) is true at an outline marker (一、 （一） (二) 1. １． （3） ① 附件 附表 第三条 第一章)', () => {
    for (const marker of [
      '一、',
      '（一）',
      '(二)',
      '1.',
      '１．',
      '12、',
      '（3）',
      '①',
      '附件',
      '附表',
      '第三条',
      '第一章',
    ])
      expect(startsHeading(`x${marker}项目`, 1), marker).toBe(true);
  });
  it('startsHeading(…) is false for a decimal number (1.5万元), an enumerator word (一是) and prose', () => {
    expect(startsHeading('1.5万元', 0)).toBe(false);
    expect(startsHeading('一是加快建设', 0)).toBe(false);
    expect(startsHeading('项目概况', 0)).toBe(false);
  });
  it('startsHeading(…) looks at `at` only, not further on', () => {
    expect(startsHeading('项目一、概况', 0)).toBe(false);
    expect(startsHeading('项目一、概况', 2)).toBe(true);
  });
});
