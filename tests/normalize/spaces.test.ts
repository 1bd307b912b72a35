/** Runs of whitespace and markup between visible characters, and the separator each is written as. */
import { describe, expect, it } from 'vitest';
import type { LineSoFar } from '../../pipelines/normalize/breaks.ts';
import {
  type Around,
  addSpace,
  noSpace,
  type SpaceKind,
  separator,
  spaceKind,
} from '../../pipelines/normalize/spaces.ts';

const PROSE: LineSoFar = { length: 30, hasTab: false, isHeading: false };

/** A run holding the given kinds, in order, from offset `at`. */
function run(at: number, ...kinds: SpaceKind[]) {
  const r = noSpace();
  for (const [i, k] of kinds.entries()) addSpace(r, at + i, k);
  return r;
}

/** The text around a run of `original` that ends before offset `to`. */
const around = (original: string, to: number, over: Partial<Around> = {}): Around => ({
  original,
  to,
  prevChar: original[original.slice(0, to).trimEnd().length - 1]!,
  prevWide: true,
  nextWide: true,
  line: PROSE,
  ...over,
});

describe('spaceKind(cp) and addSpace(run, at, kind)', () => {
  it('spaceKind(cp) reads \\n and \\r as newlines, \\t as a tab and every other space as a space', () => {
    expect([0x0a, 0x0d, 0x09, 0x20, 0xa0, 0x3000].map(spaceKind)).toEqual([
      'newline',
      'newline',
      'tab',
      'space',
      'space',
      'space',
    ]);
  });
  it('noSpace() is a run holding nothing', () => {
    expect(noSpace()).toMatchObject({ any: false, newline: false, hard: false, tab: false });
  });
  it('addSpace(run, at, kind) starts the run at its first space and records what it holds', () => {
    expect(run(5, 'space', 'newline', 'space')).toEqual({
      any: true,
      newline: true,
      hard: false,
      tab: false,
      start: 5,
    });
  });
  it('addSpace(run, at, "hard") records a block tag as a line break that is always kept', () => {
    expect(run(2, 'hard')).toMatchObject({ newline: true, hard: true, tab: false });
  });
  it('addSpace(run, at, "tab") records a tab', () => {
    expect(run(2, 'space', 'tab')).toMatchObject({ newline: false, tab: true });
  });
});

describe('separator(run, around)', () => {
  it('separator(…) writes a space between Latin words or numbers as one space, and none next to a CJK character', () => {
    expect(
      separator(run(3, 'space', 'space'), around('600  540', 5, { prevWide: false, nextWide: false })),
    ).toBe(' ');
    expect(separator(run(1, 'space'), around('市 商', 2))).toBe('');
    expect(separator(run(3, 'space'), around('O2O 体验', 4, { prevWide: false }))).toBe('');
  });
  it('separator(…) writes a tab as \\t (a table cell), next to CJK characters too', () => {
    expect(separator(run(2, 'tab'), around('物流\t600', 3, { nextWide: false }))).toBe('\t');
  });
  it('separator(…) writes a kept line break as one \\n, however many newlines and spaces the run holds', () => {
    expect(separator(run(7, 'newline', 'space', 'newline'), around('项目建设完成。\n \n推进', 10))).toBe(
      '\n',
    );
  });
  it('separator(…) prefers the line break of a run that holds a tab too', () => {
    expect(separator(run(7, 'tab', 'newline'), around('项目建设完成。\t\n推进', 9))).toBe('\n');
  });
  it('separator(…) joins a line break inside a sentence without a space between CJK characters (电商服 / 务站)', () => {
    expect(separator(run(7, 'newline', 'newline'), around('新建村级电商服\n\n务站50个', 9))).toBe('');
  });
  it('separator(…) joins a number and an ASCII unit across a line break with one space (50 / %)', () => {
    const latin = { prevWide: false, nextWide: false };
    expect(separator(run(4, 'newline'), around('达到50\n%以上', 5, latin))).toBe(' ');
  });
});
