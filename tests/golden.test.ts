/**
 * Golden tests: the five shipped plans against values read from the texts by a person (tests/golden/*.json,
 * with the reading notes in tests/golden/NOTES.md), never copied from a run of the extractor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALLOCATIONS,
  AMOUNTS,
  DOCUMENTS,
  FINDINGS,
  PHASES,
  PRODUCTS,
  TARGETS,
} from '../pipelines/contract/schema.ts';
import { DOC_IDS, key, ROOT, readShipped, rowsOf } from './helpers.ts';

interface Expected {
  doc_id: string;
  document: Record<string, string | number | null>;
  allocations: {
    label: string;
    group: string | null;
    amount_yuan: number | null;
    central_yuan: number | null;
    provincial_yuan: number | null;
    local_yuan: number | null;
    other_yuan: number | null;
    category: string | null;
  }[];
  targets: { metric: string; value: number; comparator: string; quote: string }[];
  /** bounded figures the vocabulary lacks (metric other): a word of the label as written, value, unit */
  other_targets: { label: string; value: number; unit: string; comparator: string }[];
  conflicts: { metric: string; values: number[] }[];
  phases: { name: string; start: string | null; end: string | null }[];
  products: string[];
  not_amounts: string[];
}

/**
 * Where the extractor still reads a document differently from the person, with the reason. Listed so that they
 * stay visible: a deviation that is fixed must be removed from here (the test checks it still deviates).
 */
const KNOWN_DEVIATIONS: { doc: string; label: string; field: string; reason: string }[] = [
  {
    doc: 'wuzhishan-2019',
    label: '宣传五指山电商',
    field: 'category',
    reason:
      'A table row described at length (特色农产品…宣传五指山电商): the keyword rules see 特色/产品 (upstream) before 宣传 (operations).',
  },
];
const deviates = (doc: string, label: string, field: string) =>
  KNOWN_DEVIATIONS.some((d) => d.doc === doc && d.label === label && d.field === field);

const AMOUNT_FIELDS = ['amount_yuan', 'central_yuan', 'provincial_yuan', 'local_yuan', 'other_yuan'] as const;

describe.each(DOC_IDS)('golden %s', (docId) => {
  const expected = JSON.parse(
    readFileSync(join(ROOT, 'tests/golden', `${docId}.expected.json`), 'utf8'),
  ) as Expected;
  const result = readShipped(docId);
  const doc = rowsOf(result, DOCUMENTS)[0]!;
  const allocations = rowsOf(result, ALLOCATIONS);
  const targets = rowsOf(result, TARGETS);

  it('readPlan(text) reads the document fields a reader reads', () => {
    expect(result.ok).toBe(true);
    for (const [field, value] of Object.entries(expected.document)) {
      expect({ field, value: doc[field] ?? null }).toEqual({ field, value });
    }
  });

  it('readPlan(text) reads every fund item with its amounts per source and its group', () => {
    for (const e of expected.allocations) {
      const candidates = allocations.filter((a) => key(String(a.label)).includes(key(e.label)));
      const row = candidates.find((a) =>
        e.group === null
          ? a.parent_item_id === null
          : a.plan_group !== null && key(String(a.plan_group)).includes(key(e.group)),
      );
      expect(row, `allocation “${e.label}” under “${e.group}”`).toBeDefined();
      for (const f of AMOUNT_FIELDS) {
        expect({ label: e.label, field: f, value: row![f] ?? null }).toEqual({
          label: e.label,
          field: f,
          value: e[f],
        });
      }
      if (e.category !== null && !deviates(docId, e.label, 'category')) {
        expect({ label: e.label, category: row!.category }).toEqual({ label: e.label, category: e.category });
      }
    }
  });

  it('readPlan(text) finds no fund item the reader did not (every top-level item is expected)', () => {
    const tops = allocations.filter((a) => a.parent_item_id === null);
    for (const a of tops) {
      const known = expected.allocations.some(
        (e) => e.group === null && key(String(a.label)).includes(key(e.label)),
      );
      expect(known, `unexpected top-level item “${a.label}”`).toBe(true);
    }
  });

  it('readPlan(text) reads each target with its comparator, and no target the reader did not', () => {
    for (const e of expected.targets) {
      const row = targets.find((t) => t.metric === e.metric && t.value === e.value);
      expect(row, `${e.metric} = ${e.value}`).toBeDefined();
      expect({ metric: e.metric, comparator: row!.comparator }).toEqual({
        metric: e.metric,
        comparator: e.comparator,
      });
    }
    const allowed = new Set([
      ...expected.targets.map((t) => `${t.metric}|${t.value}`),
      ...expected.conflicts.flatMap((c) => c.values.map((v) => `${c.metric}|${v}`)),
    ]);
    for (const t of targets.filter((x) => x.metric !== 'other'))
      expect(
        allowed.has(`${t.metric}|${t.value}`),
        `unexpected ${t.metric} = ${t.value} (“${t.quote}”)`,
      ).toBe(true);
  });

  it('readPlan(text) keeps each bounded figure outside the vocabulary as other, with its label and unit, and no other', () => {
    const others = targets.filter((t) => t.metric === 'other');
    const found = (e: (typeof expected.other_targets)[number]) =>
      others.find((t) => t.value === e.value && t.unit === e.unit && String(t.label).includes(e.label));
    for (const e of expected.other_targets) {
      const row = found(e);
      expect(row, `other ${e.label} ${e.value}${e.unit}`).toBeDefined();
      expect(row!.comparator, e.label).toBe(e.comparator);
    }
    for (const t of others)
      expect(
        expected.other_targets.some((e) => found(e) === t),
        `unexpected other target ${t.label} = ${t.value}${t.unit} (“${t.quote}”)`,
      ).toBe(true);
  });

  it('validate(facts) reports a metric stated with two values, keeping both', () => {
    const conflicts = rowsOf(result, FINDINGS).filter(
      (f) => f.check === 'conflicting_values' && !String(f.subject).startsWith('funds_'),
    );
    expect(conflicts.map((f) => f.subject).sort()).toEqual(expected.conflicts.map((c) => c.metric).sort());
    for (const c of expected.conflicts) {
      const values = targets.filter((t) => t.metric === c.metric).map((t) => t.value);
      expect([...new Set(values)].sort()).toEqual([...c.values].sort());
    }
  });

  it('readPlan(text) reads the phases with their months', () => {
    const phases = rowsOf(result, PHASES);
    expect(phases).toHaveLength(expected.phases.length);
    for (const e of expected.phases) {
      const row = phases.find((p) => key(String(p.name)).includes(key(e.name)));
      expect(row, e.name).toBeDefined();
      expect({ name: e.name, start: row!.start_month ?? null, end: row!.end_month ?? null }).toEqual({
        name: e.name,
        start: e.start,
        end: e.end,
      });
    }
  });

  it('readPlan(text) names the featured products', () => {
    const names = rowsOf(result, PRODUCTS).map((p) => key(String(p.name)));
    for (const p of expected.products) expect(names, p).toContain(key(p));
  });

  it('readPlan(text) reads no money amount inside document numbers, areas, phone numbers or dates', () => {
    for (const s of expected.not_amounts) {
      let at = result.text.indexOf(s);
      expect(at, `“${s}” is in the text`).toBeGreaterThanOrEqual(0);
      while (at !== -1) {
        const end = at + s.length;
        const inside = rowsOf(result, AMOUNTS).filter(
          (r) => Number(r.span_start) >= at && Number(r.span_end) <= end,
        );
        expect(inside, `an amount read inside “${s}”`).toEqual([]);
        at = result.text.indexOf(s, end);
      }
    }
  });
});

describe('golden known deviations', () => {
  it.each(KNOWN_DEVIATIONS)('$doc “$label” $field still deviates ($reason)', (d) => {
    const expected = JSON.parse(
      readFileSync(join(ROOT, 'tests/golden', `${d.doc}.expected.json`), 'utf8'),
    ) as Expected;
    const e = expected.allocations.find((a) => a.label === d.label)!;
    const row = rowsOf(readShipped(d.doc), ALLOCATIONS).find((a) =>
      key(String(a.label)).includes(key(d.label)),
    )!;
    expect(row[d.field]).not.toEqual(e[d.field as keyof typeof e]);
  });
});
