/**
 * The few sentences at the top of a county page, for a reader who does not know the programme: how much money the
 * plan sets out and how much of it is central funds, what it builds and how many people it trains, by when, and
 * what the plan does not state. Every figure is one the page shows below with its source; a figure the plan does
 * not state is said to be missing, never filled in.
 */
import { group, money, monthLabel } from '../../pipelines/contract/format.ts';
import { stationTargets } from '../../pipelines/contract/stations.ts';
import { type Lang, t } from '../i18n/index.ts';
import type { AllocationRow, DocumentFieldRow, FindingRow, PhaseRow, TargetRow } from './data.ts';
import { targetText } from './wording.ts';

/** What the summary reads: the plan's fields, items, targets, phases and the audit's findings on it. */
export interface SummaryRows {
  fields: DocumentFieldRow[];
  items: AllocationRow[];
  goals: TargetRow[];
  steps: PhaseRow[];
  checks: FindingRow[];
}

/** The money: the total and its central part, the gap between the items and the total, or that none is stated. */
function moneySentences(lang: Lang, r: SummaryRows): string[] {
  const field = (f: string) => r.fields.find((x) => x.field === f);
  const total = field('funds_total_yuan');
  const central = field('funds_central_yuan');
  const out: string[] = [];
  if (total && central)
    out.push(
      t(lang, 'summary_money', {
        total: money(lang, Number(total.value)),
        central: money(lang, Number(central.value)),
      }),
    );
  else if (total || central)
    out.push(
      t(lang, total ? 'summary_money_total' : 'summary_money_central', {
        total: money(lang, Number((total ?? central)!.value)),
      }),
    );
  else out.push(t(lang, 'summary_no_money'));
  if (!r.items.some((a) => a.amount_yuan !== null)) out.push(t(lang, 'summary_no_items'));
  // the audit's sum of all items against the stated total: a gap the items do not account for
  const gap = r.checks.find(
    (f) => f.check === 'items_sum' && f.subject === 'funds_amount' && f.status === 'fail',
  );
  if (gap && gap.numerator !== null && gap.denominator !== null && gap.numerator < gap.denominator)
    out.push(
      t(lang, 'summary_items_gap', {
        sum: money(lang, gap.numerator),
        gap: money(lang, gap.denominator - gap.numerator),
      }),
    );
  return out;
}

/** What it builds and trains: the service centre, township and village stations, training; or nothing. */
function buildSentence(lang: Lang, r: SummaryRows): string | null {
  const goal = (m: string) => r.goals.find((g) => g.metric === m);
  const count = (key: 'summary_centre' | 'summary_townships' | 'summary_villages', n: number | undefined) =>
    n === undefined ? [] : [t(lang, key, { n: group(String(n)) })];
  const parts = [
    ...count('summary_centre', goal('county_service_center_count')?.value),
    ...count('summary_townships', stationTargets(r.goals, 'township')?.value),
    ...count('summary_villages', stationTargets(r.goals, 'village')?.value),
  ];
  const training = goal('training_person_times');
  if (!parts.length && !training) return null;
  const sep = t(lang, 'list_sep');
  if (!training) return t(lang, 'summary_builds', { list: parts.join(sep) });
  const trains = targetText(lang, training);
  return parts.length
    ? t(lang, 'summary_builds_trains', { list: parts.join(sep), training: trains })
    : t(lang, 'summary_trains', { training: trains });
}

/** By when: the end of the plan's period, else the end of its last phase; null when neither is stated. */
function whenSentence(lang: Lang, r: SummaryRows): string | null {
  const end = r.fields.find((f) => f.field === 'period_end')?.value;
  if (end) return t(lang, 'summary_period', { end: monthLabel(lang, end) });
  const last = r.steps
    .map((p) => p.end_month)
    .filter((m): m is string => !!m)
    .sort()
    .at(-1);
  return last ? t(lang, 'summary_last_phase', { end: monthLabel(lang, last) }) : null;
}

/** The sentences of the summary, in order: money, what it builds, by when, what is not stated. */
export function countySummary(lang: Lang, r: SummaryRows): string[] {
  const build = buildSentence(lang, r);
  const when = whenSentence(lang, r);
  const missing = [
    ...(build ? [] : [t(lang, 'summary_missing_stations')]),
    ...(when ? [] : [t(lang, 'summary_missing_dates')]),
  ];
  return [
    ...moneySentences(lang, r),
    ...(build ? [build] : []),
    ...(when ? [when] : []),
    ...(missing.length ? [t(lang, 'summary_missing', { list: missing.join(t(lang, 'list_sep')) })] : []),
  ];
}
