/**
 * Achievements matched to the plans they answer, across the documents of a run: an achievement of a county's
 * report is matched to the target of the same metric in that county's main plan (the latest plan or revision by
 * programme year, then date of issue), so that planned and achieved can be read side by side. An achievement of a
 * document with no county, or a metric the plan sets no target for, stays unmatched. A figure outside the
 * vocabulary (other) is matched only to a target of the same unit whose label ends as its own does.
 */
import { ACHIEVEMENTS, DOCUMENTS, TARGETS } from '../contract/schema.ts';
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
    !!t.label &&
    !!a.label &&
    (labelKey(t.label).endsWith(labelKey(a.label)) || labelKey(a.label).endsWith(labelKey(t.label))));

/** Fills plan_doc_id, plan_target_id and target_value of every achievement row (in place). */
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
      const target = plan.r.rows.get(TARGETS)!.find((t) => t.metric === a.metric && sameLabel(t, a));
      if (!target) continue;
      a.plan_doc_id = plan.d.doc_id as string;
      a.plan_target_id = target.target_id as string;
      a.target_value = target.value as number;
    }
  }
}
