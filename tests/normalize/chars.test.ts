/** The character classes normalize reads, and the form a visible character is matched in. */
import { describe, expect, it } from 'vitest';
import {
  isHan,
  isInvisible,
  isSpace,
  isWide,
  matchingForm,
  simplify,
} from '../../pipelines/normalize/chars.ts';

const cp = (ch: string) => ch.codePointAt(0)!;

describe('character classes', () => {
  it('isSpace(cp) is true for ASCII whitespace and the typographic spaces (no-break, thin, narrow, ideographic)', () => {
    for (const ch of [
      ' ',
      '\t',
      '\n',
      '\r',
      '\f',
      '\v',
      '\u00a0',
      '\u2002',
      '\u2009',
      '\u200a',
      '\u202f',
      '\u205f',
      '\u3000',
    ])
      expect(isSpace(cp(ch)), JSON.stringify(ch)).toBe(true);
  });
  it('isSpace(cp) is false for zero-width characters and letters', () => {
    for (const ch of ['\u200b', '\u2060', '\ufeff', 'a', '中'])
      expect(isSpace(cp(ch)), JSON.stringify(ch)).toBe(false);
  });
  it('isInvisible(cp) is true for zero-width space and joiners, word joiner, BOM and soft hyphen', () => {
    for (const ch of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'])
      expect(isInvisible(cp(ch)), JSON.stringify(ch)).toBe(true);
  });
  it('isInvisible(cp) is false for bidirectional controls (U+202E) and spaces', () => {
    expect(isInvisible(0x202e)).toBe(false);
    expect(isInvisible(0x20)).toBe(false);
  });
  it('isHan(cp) is true for ideographs of the BMP, the compatibility block and the extensions (𠀀)', () => {
    expect([isHan(cp('中')), isHan(cp('㐀')), isHan(cp('豈')), isHan(cp('𠀀'))]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([isHan(cp('。')), isHan(cp('a')), isHan(cp('２'))]).toEqual([false, false, false]);
  });
  it('isWide(cp) is true for Han, CJK punctuation and full-width forms, false for ASCII', () => {
    expect([
      isWide(cp('中')),
      isWide(cp('。')),
      isWide(cp('，')),
      isWide(cp('２')),
      isWide(cp('　')),
    ]).toEqual([true, true, true, true, true]);
    expect([isWide(cp('a')), isWide(cp('2')), isWide(cp(','))]).toEqual([false, false, false]);
  });
});

describe('matchingForm(cp, ch)', () => {
  it('matchingForm(…) reads full-width ASCII as ASCII (２ → 2, （ → (, ： → :, Ａ → A)', () => {
    for (const [wide, narrow] of [
      ['２', '2'],
      ['（', '('],
      ['：', ':'],
      ['Ａ', 'A'],
      ['％', '%'],
    ])
      expect(matchingForm(cp(wide!), wide!)).toBe(narrow);
  });
  it('matchingForm(…) keeps the Chinese comma ，, which is not the ASCII comma of numbers', () => {
    expect(matchingForm(cp('，'), '，')).toBe('，');
  });
  it('matchingForm(…) reads Traditional characters as Simplified (樹 → 树, 總 → 总, 萬 → 万)', () => {
    expect(['樹', '總', '萬'].map((ch) => matchingForm(cp(ch), ch))).toEqual(['树', '总', '万']);
  });
  it('matchingForm(…) keeps other characters as written (中, a, 。, ideographic space)', () => {
    for (const ch of ['中', 'a', '。', '\u3000']) expect(matchingForm(cp(ch), ch)).toBe(ch);
  });
  it('simplify(ch) gives a Simplified character for a Traditional one, and the same for a Simplified one', () => {
    expect(simplify('資')).toBe('资');
    expect(simplify('资')).toBe('资');
  });
  it('matchingForm(…) reads a radical character as the ideograph a PDF drew (⼈ → 人, ⺠ → 民, ⻔ → 门, ⾨ → 门)', () => {
    // text copied from PDFs whose fonts map glyphs to the Kangxi Radicals and CJK Radicals Supplement blocks
    expect(['⼈', '⺠', '⻔', '⾨', '⽂'].map((ch) => matchingForm(cp(ch), ch))).toEqual([
      '人',
      '民',
      '门',
      '门',
      '文',
    ]);
    expect(isWide(cp('⼈'))).toBe(true);
  });
});
