import { describe, expect, it } from 'vitest';
import { type MarkNode, type MarkTreeNode, markTree, type SpanRef } from '../../src/lib/marks.ts';

const textOf = (nodes: MarkTreeNode[]): string =>
  nodes.map((n) => (n.type === 'text' ? n.text : textOf(n.children))).join('');
const marks = (nodes: MarkTreeNode[]): MarkNode[] =>
  nodes.flatMap((n) => (n.type === 'text' ? [] : [n, ...marks(n.children)]));
/** The text of a span as a reader sees it: all its parts, in order. */
const spanText = (nodes: MarkTreeNode[], span: string) =>
  marks(nodes)
    .filter((m) => m.span === span)
    .map((m) => textOf(m.children))
    .join('');
const ref = (start: number, end: number, priority?: number): SpanRef => ({
  start,
  end,
  kind: 'target',
  label: `${start}-${end}`,
  ...(priority === undefined ? {} : { priority }),
});

describe('markTree(text, spans)', () => {
  const text = '项目总投资2200万元，其中中央财政资金2000万元。';

  it('markTree(text, []) is the text as one text node', () => {
    expect(markTree(text, [])).toEqual([{ type: 'text', text }]);
  });

  it('markTree(text, spans) gives the text back unchanged and marks each span with its id', () => {
    const tree = markTree(text, [ref(5, 11), ref(20, 26)]);
    expect(textOf(tree)).toBe(text);
    expect(marks(tree).map((m) => [m.id, textOf(m.children)])).toEqual([
      ['span-5-11', '2200万元'],
      ['span-20-26', '2000万元'],
    ]);
  });

  it('markTree(text, spans) nests a span inside the one that contains it', () => {
    const tree = markTree(text, [ref(5, 9), ref(0, 11)]);
    const [outer] = marks(tree);
    expect(outer!.id).toBe('span-0-11');
    expect(marks(outer!.children).map((m) => m.id)).toEqual(['span-5-9']);
    expect(textOf(tree)).toBe(text);
  });

  it('markTree(text, spans) merges spans with the same offsets into one mark', () => {
    const tree = markTree(text, [
      { start: 5, end: 11, kind: 'field', label: '总投资' },
      { start: 5, end: 11, kind: 'amount', label: '金额' },
    ]);
    expect(marks(tree)).toHaveLength(1);
    expect(marks(tree)[0]!.kinds).toEqual(['field', 'amount']);
    expect(marks(tree)[0]!.labels).toEqual(['总投资', '金额']);
  });

  it('markTree(text, spans) keeps the longer of two crossing spans whole and splits the other', () => {
    const tree = markTree(text, [ref(3, 9), ref(5, 12)]);
    expect(textOf(tree)).toBe(text);
    const whole = marks(tree).filter((m) => m.span === '5-12');
    expect(whole.map((m) => [m.id, m.part])).toEqual([['span-5-12', false]]);
    const parts = marks(tree).filter((m) => m.span === '3-9');
    expect(parts.map((m) => [m.id, m.part])).toEqual([
      ['span-3-9', true],
      [null, true],
    ]);
    expect(spanText(tree, '3-9')).toBe(text.slice(3, 9));
  });

  it('markTree(text, spans) keeps a span with a lower priority number whole when spans cross', () => {
    const tree = markTree(text, [ref(3, 11), ref(5, 14, 0)]);
    expect(marks(tree).filter((m) => m.span === '5-14')).toHaveLength(1);
    expect(marks(tree).filter((m) => m.span === '3-11')).toHaveLength(2);
    expect(spanText(tree, '3-11')).toBe(text.slice(3, 11));
    expect(spanText(tree, '5-14')).toBe(text.slice(5, 14));
  });

  it('markTree(text, spans) gives every span exactly one id, and its parts its text', () => {
    const spans = [ref(0, 8), ref(4, 12), ref(6, 20), ref(10, 14), ref(12, 26), ref(2, 24)];
    const tree = markTree(text, spans);
    expect(textOf(tree)).toBe(text);
    for (const s of spans) {
      expect(marks(tree).filter((m) => m.id === `span-${s.start}-${s.end}`)).toHaveLength(1);
      expect(spanText(tree, `${s.start}-${s.end}`)).toBe(text.slice(s.start, s.end));
    }
  });

  it('markTree(text, spans) throws on a span that is empty or ends after the text', () => {
    expect(() => markTree(text, [ref(3, 3)])).toThrow(/empty/);
    expect(() => markTree(text, [ref(3, 99)])).toThrow(/ends after the text/);
  });
});
