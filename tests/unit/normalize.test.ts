import { describe, expect, it } from 'vitest';
import { decodeEntities, normalize, toOriginal } from '../../pipelines/normalize/normalize.ts';

/** The original text behind a normalized substring. */
function back(original: string, needle: string): string {
  const n = normalize(original);
  const at = n.text.indexOf(needle);
  expect(at, `“${needle}” in “${n.text}”`).toBeGreaterThanOrEqual(0);
  const { start, end } = toOriginal(n, at, at + needle.length);
  return original.slice(start, end);
}

describe('normalize', () => {
  it('normalize(text) joins a sentence broken by a page break and keeps the span on the original', () => {
    const original = '配送到村级服务站在 72\n\n小时内完成。';
    expect(normalize(original).text).toBe('配送到村级服务站在72小时内完成。');
    expect(back(original, '72小时内')).toBe('72\n\n小时内');
  });
  it('normalize(text) removes spaces inside spaced-out table cells (市 商 务 局)', () => {
    expect(normalize('责任部门：市 商 务 局').text).toBe('责任部门:市商务局');
  });
  it('normalize(text) converts full-width digits and ASCII forms but keeps the Chinese comma', () => {
    expect(normalize('总投资２２００万元，其中（中央）').text).toBe('总投资2200万元，其中(中央)');
    expect(back('总投资２２００万元', '2200万元')).toBe('２２００万元');
  });
  it('normalize(text) converts Traditional to Simplified character by character', () => {
    expect(normalize('樟樹市總投資1500萬元').text).toBe('樟树市总投资1500万元');
    expect(back('樟樹市總投資1500萬元', '1500万元')).toBe('1500萬元');
  });
  it('normalize(text) drops HTML tags, entities and Markdown emphasis, keeping offsets', () => {
    const original = '<ol style="x"><li>1. **升级**&nbsp;完善</li></ol>';
    const n = normalize(original);
    expect(n.text).toBe('1.升级完善');
    expect(back(original, '完善')).toBe('完善');
  });
  it('normalize(text) keeps the line break before a heading and after a short line or a table row', () => {
    expect(normalize('一、项目概况\n\n（一）项目名称').text).toBe('一、项目概况\n(一)项目名称');
    expect(normalize('物流\t600\t540\n合计\t2200').text).toBe('物流\t600\t540\n合计\t2200');
  });
  it('normalize(text) keeps one space between two Latin words or numbers, none next to a CJK character', () => {
    expect(normalize('O2O  体验 and  more 600 540').text).toBe('O2O体验and more 600 540');
  });
  it('normalize(text) reads thin, narrow no-break and figure spaces as spaces, keeping the character in the original', () => {
    expect(normalize('责任部门：市\u2009商务局').text).toBe('责任部门:市商务局');
    expect(normalize('总投资1500\u202F万元').text).toBe('总投资1500万元');
    expect(normalize('2\u2009000').text).toBe('2 000');
    expect(back('2\u2009000', '2 000')).toBe('2\u2009000');
    expect(back('2&thinsp;000', '2 000')).toBe('2&thinsp;000');
  });
  it('normalize(text) removes a word joiner and invisible characters written as entities (5\u206000, 1&#8203;500)', () => {
    expect(normalize('总投资5\u206000万元').text).toBe('总投资500万元');
    expect(normalize('总投资1&#8203;500万元').text).toBe('总投资1500万元');
    expect(back('总投资1&#8203;500万元', '1500万元')).toBe('1&#8203;500万元');
  });
  it('normalize(text) keeps bidirectional controls, which change the order characters display in', () => {
    expect(normalize('1\u202E500万元').text).toBe('1\u202E500万元');
  });
  it('normalize(text) reads an entity beyond Unicode (&#xFFFFFF;) as the replacement character, without throwing', () => {
    expect(normalize('a&#xFFFFFF;b').text).toBe('a\uFFFDb');
  });
  it('decodeEntities(s) gives the characters entities stand for, the no-break space as U+00A0', () => {
    expect(decodeEntities('2&nbsp;000&thinsp;1&#8239;2&amp;')).toBe('2\u00a0000\u20091\u202f2&');
  });
  it('toOriginal(norm, from, to) maps every character back inside the original, surrogate pairs included', () => {
    const original = '𠀀村 72 小时';
    const n = normalize(original);
    for (let i = 0; i < n.text.length; i++) {
      const { start, end } = toOriginal(n, i, i + 1);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(original.length);
      expect(end).toBeGreaterThan(start);
    }
  });
});
