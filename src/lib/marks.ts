/**
 * Lays cited spans over a document's text as a tree of marks that HTML can nest. Spans that cross each other
 * cannot both be one element: the one that comes first (by priority, then the longer) stays whole, the other is
 * split where it crosses, and its first part carries the anchor id.
 */

/** A span to mark: offsets into the text, what kind of fact cites it, and a label for that fact. */
export interface SpanRef {
  start: number;
  end: number;
  kind: string;
  label: string;
  /** lower comes first when spans cross (e.g. 0 for spans the index page links to) */
  priority?: number;
}

/** A run of plain text. */
export interface TextNode {
  type: 'text';
  text: string;
}

/** A mark: a whole span, or one part of a span split where another crosses it. */
export interface MarkNode {
  type: 'mark';
  /** `start-end` of the span this mark belongs to (shared by all its parts) */
  span: string;
  /** `span-start-end` on the whole mark or the first part, null on the other parts */
  id: string | null;
  /** true when the span was split and this is one of its parts */
  part: boolean;
  kinds: string[];
  labels: string[];
  children: MarkTreeNode[];
}

export type MarkTreeNode = TextNode | MarkNode;

/** The anchor id of a span: span-<start>-<end>. */
export const spanId = (start: number, end: number): string => `span-${start}-${end}`;

interface Merged {
  start: number;
  end: number;
  kinds: string[];
  labels: string[];
  priority: number;
}
interface Piece {
  start: number;
  end: number;
  of: Merged;
  first: boolean;
  part: boolean;
}

const crosses = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  (a.start < b.start && b.start < a.end && a.end < b.end) ||
  (b.start < a.start && a.start < b.end && b.end < a.end);

/**
 * The text with every span marked. Spans with the same offsets share one mark; nested spans nest; crossing spans
 * are split as described above. Concatenating the text nodes gives the text back unchanged. Throws on a span
 * outside the text or empty.
 */
export function markTree(text: string, spans: readonly SpanRef[]): MarkTreeNode[] {
  const merged = new Map<string, Merged>();
  for (const s of spans) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end))
      throw new Error(`span ${s.start}-${s.end} (${s.label}) is empty or not a pair of offsets`);
    if (s.end > text.length)
      throw new Error(`span ${s.start}-${s.end} (${s.label}) ends after the text (${text.length})`);
    const key = `${s.start}-${s.end}`;
    const m = merged.get(key);
    const priority = s.priority ?? 1;
    if (!m) merged.set(key, { start: s.start, end: s.end, kinds: [s.kind], labels: [s.label], priority });
    else {
      if (!m.kinds.includes(s.kind)) m.kinds.push(s.kind);
      if (!m.labels.includes(s.label)) m.labels.push(s.label);
      m.priority = Math.min(m.priority, priority);
    }
  }
  const order = [...merged.values()].sort(
    (a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const pieces: Piece[] = [];
  for (const m of order) {
    const cuts = new Set<number>();
    for (const p of pieces) {
      if (!crosses(p, m)) continue;
      cuts.add(m.start < p.start ? p.start : p.end);
    }
    const bounds = [m.start, ...[...cuts].sort((a, b) => a - b), m.end];
    for (let i = 0; i + 1 < bounds.length; i++)
      pieces.push({ start: bounds[i]!, end: bounds[i + 1]!, of: m, first: i === 0, part: cuts.size > 0 });
  }
  // outer before inner: by start, then longer first; equal ranges keep the order they were placed in
  const placed = pieces.map((p, i) => ({ p, i }));
  placed.sort((a, b) => a.p.start - b.p.start || b.p.end - a.p.end || a.i - b.i);

  const root: MarkTreeNode[] = [];
  const stack: { children: MarkTreeNode[]; end: number }[] = [{ children: root, end: text.length }];
  let pos = 0;
  const top = () => stack[stack.length - 1]!;
  const emit = (to: number) => {
    if (to > pos) top().children.push({ type: 'text', text: text.slice(pos, to) });
    pos = Math.max(pos, to);
  };
  for (const { p } of placed) {
    while (stack.length > 1 && top().end <= p.start) {
      emit(top().end);
      stack.pop();
    }
    emit(p.start);
    const node: MarkNode = {
      type: 'mark',
      span: `${p.of.start}-${p.of.end}`,
      id: p.first ? spanId(p.of.start, p.of.end) : null,
      part: p.part,
      kinds: p.of.kinds,
      labels: p.of.labels,
      children: [],
    };
    top().children.push(node);
    stack.push({ children: node.children, end: p.end });
  }
  while (stack.length > 1) {
    emit(top().end);
    stack.pop();
  }
  emit(text.length);
  return root;
}
