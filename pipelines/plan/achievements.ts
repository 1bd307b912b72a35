/**
 * Achievements matched to the plans they answer, across the documents of a run: an achievement of a county's
 * report is matched to the target of the same metric in that county's main plan (the latest plan or revision by
 * programme year, then date of issue), so that planned and achieved can be read side by side. An achievement of a
 * document with no county, or a metric the plan sets no target for, stays unmatched. A figure outside the
 * vocabulary (other) is matched only to a target of the same unit whose label ends as its own does. A statement
 * that a commitment is done is matched to the plan's commitment of its kind that shares the most words with it.
 */
import { ACHIEVEMENTS, COMMITMENTS, DOCUMENTS, TARGETS } from '../contract/schema.ts';
import type { DocResult } from './result.ts';

/** What an other target counts, compared without the place's 市/县/区 and by its last characters (…用工对接会). */
const labelKey = (label: unknown) =>
  String(label ?? '')
    .replace(/[市县区\s]/g, '')
    .slice(-6);

/** Whether a target and an achievement count the same thing: any two of a closed metric; other by label and unit. */
const sameLabel = (t: Record<string, unknown>, a: Record<string, unknown>) =>
  a.metric !== 'other' ||
  (t.unit === a.unit &&
    labelKey(t.label) !== '' &&
    labelKey(a.label) !== '' &&
    (labelKey(t.label).endsWith(labelKey(a.label)) || labelKey(a.label).endsWith(labelKey(t.label))));

/** The characters two texts share as runs of two or more Chinese characters, counted once each (招投标: 3). */
function shared(a: string, b: string): number {
  const han = (s: string) => s.replace(/[^\u4e00-\u9fa5]/g, '');
  const [x, y] = [han(a), han(b)];
  let n = 0;
  for (let i = 0; i < x.length - 1; i++) if (y.includes(x.slice(i, i + 2))) n++;
  return n;
}

/**
 * The plan's commitment a report's statement of one done answers: of the same kind, the one sharing the most
 * words with it (招投标, 第三方验收); the only one of its kind when none shares any; none when two share as many.
 */
function commitmentAnswered(a: Record<string, unknown>, commitments: Record<string, unknown>[]) {
  const kin = commitments.filter((c) => c.kind === a.commitment_kind);
  const scored = kin
    .map((c) => ({ c, n: shared(String(a.quote), String(c.quote)) }))
    .sort((x, y) => y.n - x.n);
  if (!scored.length) return null;
  if (scored[0]!.n === 0) return kin.length === 1 ? kin[0]! : null;
  return scored[1] && scored[1].n === scored[0]!.n ? null : scored[0]!.c;
}

/** Fills plan_doc_id, plan_target_id and target_value (or plan_commitment_id) of every achievement row (in place). */
export function matchAchievements(results: readonly DocResult[]): void {
  const ok = results.filter((r) => r.ok);
  const plans = ok
    .map((r) => ({ r, d: r.rows.get(DOCUMENTS)![0]! }))
    .filter(({ d }) => (d.doc_type === 'plan' || d.doc_type === 'revision') && d.county_code)
    .sort(
      (a, b) =>
        Number(b.d.program_year ?? 0) - Number(a.d.program_year ?? 0) ||
        String(b.d.issued_on ?? '').localeCompare(String(a.d.issued_on ?? '')),
    );
  for (const r of ok) {
    const code = r.rows.get(DOCUMENTS)![0]!.county_code;
    const plan = code ? plans.find(({ d }) => d.county_code === code) : undefined;
    if (!plan) continue;
    for (const a of r.rows.get(ACHIEVEMENTS) ?? []) {
      if (a.commitment_kind) {
        const answered = commitmentAnswered(a, plan.r.rows.get(COMMITMENTS) ?? []);
        if (answered) {
          a.plan_doc_id = plan.d.doc_id as string;
          a.plan_commitment_id = answered.commitment_id as string;
        }
        continue;
      }
      const target = plan.r.rows.get(TARGETS)!.find((t) => t.metric === a.metric && sameLabel(t, a));
      if (!target) continue;
      a.plan_doc_id = plan.d.doc_id as string;
      a.plan_target_id = target.target_id as string;
      a.target_value = target.value as number;
    }
  }
}
