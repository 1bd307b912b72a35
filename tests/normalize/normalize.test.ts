/** normalize(text) as a whole: the maps from each normalized character back to the original it came from. */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../pipelines/normalize/normalize.ts';

/** Each normalized character with the original text it came from. */
const pieces = (original: string) => {
  const n = normalize(original);
  return [...n.text].map((_, i) => [n.text[i], original.slice(n.start[i], n.end[i])]);
};

describe('normalize(text) maps', () => {
  it('normalize(text) maps a kept break to the whole run of spaces and tags it replaces', () => {
    const n = normalize('项目 <br> 概况');
    expect(n.text).toBe('项目\n概况');
    expect([n.start[2], n.end[2]]).toEqual([2, 8]);
  });
  it('normalize(text) maps a character written as an entity to the whole entity', () => {
    expect(pieces('A&amp;B')).toEqual([
      ['A', 'A'],
      ['&', '&amp;'],
      ['B', 'B'],
    ]);
  });
  it('normalize(text) maps a converted character to the character as written (２ → 2, 萬 → 万)', () => {
    expect(pieces('２萬')).toEqual([
      ['2', '２'],
      ['万', '萬'],
    ]);
  });
  it('normalize(text) maps both UTF-16 units of a character outside the BMP to the whole character', () => {
    const n = normalize('𠀀村');
    expect(n.text).toBe('𠀀村');
    expect([...n.start]).toEqual([0, 0, 2]);
    expect([...n.end]).toEqual([2, 2, 3]);
  });
  it('normalize(text) writes nothing for leading and trailing whitespace and markup', () => {
    expect(normalize(' \n<p>项目概况</p>\n ').text).toBe('项目概况');
  });
  it('normalize(text) counts the lines of the original: after a joined break, a short line keeps its own break', () => {
    const long = '加快建设县级电子商务公共服务中心和物流配送中心，推进农村电商发展';
    expect(normalize(`${long}\n\n项目概况\n\n建设内容`).text).toBe(`${long}项目概况\n建设内容`);
  });
  it('normalize(text) removes invisible characters without breaking a number (1\u200b500)', () => {
    expect(pieces('1\u200b5')).toEqual([
      ['1', '1'],
      ['5', '5'],
    ]);
  });
});
