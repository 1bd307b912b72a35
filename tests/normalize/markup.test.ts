/** Markup that carries no text, and entities, at an offset of a document's original text. */
import { describe, expect, it } from 'vitest';
import { decodeEntities, entityAt, markupAt } from '../../pipelines/normalize/markup.ts';

describe('markupAt(original, at)', () => {
  it('markupAt(…) reads a block tag (<p>, </div>, <BR/>, <tr>, <h2>) as one that ends a line', () => {
    expect(markupAt('<p>项目', 0)).toMatchObject({ length: 3, block: true });
    expect(markupAt('</div>', 0)).toMatchObject({ length: 6, block: true });
    expect(markupAt('<BR/>', 0)).toMatchObject({ length: 5, block: true });
    expect(markupAt('<tr class="a">', 0)).toMatchObject({ length: 14, block: true });
    expect(markupAt('<h2>', 0)).toMatchObject({ length: 4, block: true });
  });
  it('markupAt(…) reads inline tags (<span class="x">) as not ending a line, and list tags (<li>, </ol>) as list tags', () => {
    expect(markupAt('<span class="x">1500</span>', 0)).toMatchObject({
      length: 16,
      block: false,
      list: false,
    });
    // a list tag ends a line only outside a table cell: normalize decides, knowing the cells open
    expect(markupAt('<li>', 0)).toMatchObject({ length: 4, block: false, list: true });
    expect(markupAt('</ol>', 0)).toMatchObject({ length: 5, block: false, list: true });
  });
  it('markupAt(…) counts table cells opened and closed (<td>, </th>)', () => {
    expect(markupAt('<td class="c">', 0)).toMatchObject({ cell: 1 });
    expect(markupAt('</th>', 0)).toMatchObject({ cell: -1 });
    expect(markupAt('<tr>', 0)).toMatchObject({ cell: 0 });
  });
  it('markupAt(…) takes a <script> or <style> element and a comment whole, their content included', () => {
    expect(markupAt('<script>var a = 1;</script>总投资', 0)).toMatchObject({ length: 27, block: false });
    expect(markupAt('<style>p{}</style>', 0)).toMatchObject({ length: 18, block: false });
    expect(markupAt('<!-- 500万元 -->', 0)).toMatchObject({ length: 14, block: false });
  });
  it('markupAt(…) reads Markdown emphasis (** and __) but not a single * or _', () => {
    expect(markupAt('**升级**', 0)).toMatchObject({ length: 2, block: false });
    expect(markupAt('__升级__', 0)).toMatchObject({ length: 2, block: false });
    expect(markupAt('2 * 3', 2)).toBeNull();
    expect(markupAt('a_b', 1)).toBeNull();
  });
  it('markupAt(…) is null for a < that opens no tag (< 5, <3个)', () => {
    expect(markupAt('x < 5', 2)).toBeNull();
    expect(markupAt('<3个', 0)).toBeNull();
  });
  it('markupAt(…) reads at `at`, not before or after', () => {
    expect(markupAt('项目<br>概况', 2)).toMatchObject({ length: 4, block: true });
    expect(markupAt('项目<br>概况', 0)).toBeNull();
  });
});

describe('entityAt(original, at)', () => {
  it('entityAt(…) gives the length of a named entity and the character it stands for', () => {
    expect(entityAt('2&nbsp;000', 1)).toEqual({ length: 6, value: '\u00a0' });
    expect(entityAt('&amp;', 0)).toEqual({ length: 5, value: '&' });
    expect(entityAt('&thinsp;', 0)).toEqual({ length: 8, value: '\u2009' });
  });
  it('entityAt(…) reads decimal and hexadecimal references (&#8203;, &#x4E2D;)', () => {
    expect(entityAt('&#8203;', 0)).toEqual({ length: 7, value: '\u200b' });
    expect(entityAt('&#x4E2D;', 0)).toEqual({ length: 8, value: '中' });
    expect(entityAt('&#x20000;', 0)).toEqual({ length: 9, value: '𠀀' });
  });
  it('entityAt(…) reads a code point beyond Unicode (&#xFFFFFF;) as the replacement character', () => {
    expect(entityAt('&#xFFFFFF;', 0)).toEqual({ length: 10, value: '\ufffd' });
  });
  it('entityAt(…) is null for an unknown name, a missing semicolon or more than six digits', () => {
    expect(entityAt('&bogus;', 0)).toBeNull();
    expect(entityAt('&nbsp 000', 0)).toBeNull();
    expect(entityAt('&#1234567;', 0)).toBeNull();
  });
});

describe('decodeEntities(s)', () => {
  it('decodeEntities(s) replaces every entity and leaves other ampersands as written', () => {
    expect(decodeEntities('&lt;p&gt; A&amp;B &bogus; &#20013;')).toBe('<p> A&B &bogus; 中');
  });
});
