/**
 * The ledger (台账) as the county page and /ledger/ show it, prepared at build time from the commitments and
 * contacts tables: each commitment with its kind, owner, deadline or rhythm and link to its sentence, and where it
 * stands against a date (the build's month) and against the plan's period. A deadline passed says only that: the
 * plans say what was promised, not what was done, so no commitment is shown as late or as done.
 */
import { dateLabel, money, monthLabel } from '../../pipelines/contract/format.ts';
import { COMMITMENT_KIND, CONTACT_CHANNEL, RECURRENCE, termOf } from '../../pipelines/contract/vocab.ts';
import { href, type Lang, t } from '../i18n/index.ts';
import { achievements, commitments, contacts, type DocumentRow, documents, targets } from './data.ts';
import { spanId } from './marks.ts';
import { targetName, targetText } from './wording.ts';

type CommitmentRow = Awaited<ReturnType<typeof commitments>>[number];
type ContactRow = Awaited<ReturnType<typeof contacts>>[number];

/** The kinds in the order the ledger lists them. */
export const KIND_ORDER = Object.keys(COMMITMENT_KIND) as (keyof typeof COMMITMENT_KIND)[];

/** Where a commitment's deadline stands: due in a month still to come, this month, passed, or with no deadline. */
export type Standing = 'upcoming' | 'this_month' | 'passed' | 'recurring' | 'none';

/** The month (YYYY-MM) a commitment is due by, when it has a deadline. */
const dueMonthOf = (c: CommitmentRow) => c.due_month ?? c.due_date?.slice(0, 7) ?? null;

/** Where a commitment stands on `today` (YYYY-MM): its deadline passed, due this month, to come, or recurring. */
export function standing(c: CommitmentRow, today: string): Standing {
  const due = dueMonthOf(c);
  if (due) return due < today ? 'passed' : due === today ? 'this_month' : 'upcoming';
  return c.recurrence ? 'recurring' : 'none';
}

/** A commitment's deadline or rhythm in words: 2022年4月前 / by April 2022, 每月25日前 / monthly, by day 25. */
export function dueLabel(lang: Lang, c: CommitmentRow): string | null {
  if (c.due_date) return t(lang, 'ledger_due_by', { when: dateLabel(lang, c.due_date) });
  if (c.due_month) return t(lang, 'ledger_due_by', { when: monthLabel(lang, c.due_month) });
  if (c.recurrence === 'monthly' && c.recurrence_day)
    return t(lang, 'ledger_monthly_by', { day: c.recurrence_day });
  if (c.recurrence) return termOf(RECURRENCE, c.recurrence, lang);
  return null;
}

/** The current month of the build, YYYY-MM: what "today" is for a static page. */
export const buildMonth = (now = new Date()) => now.toISOString().slice(0, 7);

/** A commitment as a row of the ledger. */
function item(lang: Lang, c: CommitmentRow, doc: DocumentRow | undefined, today: string) {
  const due = dueMonthOf(c);
  return {
    id: `${c.doc_id}-${c.commitment_id}`,
    kind: c.kind,
    kindLabel: termOf(COMMITMENT_KIND, c.kind, lang),
    what: c.what,
    due: dueLabel(lang, c),
    standing: standing(c, today),
    /** due after the end of the plan's own period */
    afterPeriod: due !== null && doc?.period_end != null && due > doc.period_end,
    responsible: c.responsible,
    cooperating: c.cooperating,
    recipient: c.recipient,
    held: c.funds_yuan === null ? null : money(lang, c.funds_yuan),
    href: `${href(lang, `/documents/${c.doc_id}/`)}#${spanId(c.span_start, c.span_end)}`,
    page: c.page,
    quote: c.quote,
  };
}
export type LedgerItem = ReturnType<typeof item>;

/** A public channel as listed. */
const channel = (lang: Lang, h: ContactRow) => ({
  channel: termOf(CONTACT_CHANNEL, h.channel, lang),
  value: h.value,
  purpose: h.purpose,
  href: `${href(lang, `/documents/${h.doc_id}/`)}#${spanId(h.span_start, h.span_end)}`,
});

/** The ledger of one document: its commitments by kind, its public channels, and counts. */
export async function documentLedger(lang: Lang, docId: string, today = buildMonth()) {
  const doc = (await documents()).find((d) => d.doc_id === docId);
  const rows = (await commitments()).filter((c) => c.doc_id === docId).map((c) => item(lang, c, doc, today));
  const groups = KIND_ORDER.map((kind) => ({
    kind,
    label: termOf(COMMITMENT_KIND, kind, lang),
    items: rows.filter((r) => r.kind === kind),
  })).filter((g) => g.items.length > 0);
  return {
    today,
    total: rows.length,
    passed: rows.filter((r) => r.standing === 'passed').length,
    owned: rows.filter((r) => r.responsible).length,
    groups,
    channels: (await contacts()).filter((h) => h.doc_id === docId).map((h) => channel(lang, h)),
  };
}

/** The ledger across counties: every commitment with its county, due this month, passed, by kind, by unit. */
export async function allLedger(lang: Lang, today = buildMonth()) {
  const docs = new Map((await documents()).filter((d) => d.status === 'ok').map((d) => [d.doc_id, d]));
  const rows = (await commitments())
    .filter((c) => docs.has(c.doc_id))
    .map((c) => ({
      ...item(lang, c, docs.get(c.doc_id), today),
      county: docs.get(c.doc_id)!.county_name ?? c.doc_id,
      code: docs.get(c.doc_id)!.county_code,
    }));
  const byUnit = new Map<string, number>();
  for (const r of rows)
    for (const u of (r.responsible ?? '').split('、').filter(Boolean))
      byUnit.set(u, (byUnit.get(u) ?? 0) + 1);
  const counties = [...new Set(rows.map((r) => r.county))];
  return {
    today,
    rows,
    thisMonth: rows.filter((r) => r.standing === 'this_month'),
    passed: rows.filter((r) => r.standing === 'passed'),
    byKind: counties.map((county) => ({
      county,
      code: rows.find((r) => r.county === county)!.code,
      counts: KIND_ORDER.map((k) => rows.filter((r) => r.county === county && r.kind === k).length),
      owned: rows.filter((r) => r.county === county && r.responsible).length,
      total: rows.filter((r) => r.county === county).length,
    })),
    kinds: KIND_ORDER.map((k) => termOf(COMMITMENT_KIND, k, lang)),
    byUnit: [...byUnit].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 20),
  };
}

type AchievementRow = Awaited<ReturnType<typeof achievements>>[number];
type TargetRow = Awaited<ReturnType<typeof targets>>[number];

/**
 * An achievement as the county page shows it: what it measures, what the report says was done, and what the plan
 * set for it: the target it answers, with its bound (≥ 4,000人次), or the commitment (and its due date) a
 * commitment done answers.
 */
export function achievementShown(
  lang: Lang,
  a: AchievementRow,
  target: Pick<TargetRow, 'value' | 'unit' | 'comparator'> | undefined,
  promised: CommitmentRow | undefined,
): { metric: string; achieved: string; target: string | null } {
  // a commitment done: its kind, "done" as the report says, against the plan's commitment and its due date
  if (a.metric === null || a.value === null || a.unit === null)
    return {
      metric: termOf(COMMITMENT_KIND, a.commitment_kind!, lang),
      achieved: t(lang, 'ledger_done'),
      target: promised ? (promised.due_text ?? termOf(COMMITMENT_KIND, promised.kind, lang)) : null,
    };
  const figure = { value: a.value, unit: a.unit, comparator: a.comparator ?? '=' };
  return {
    metric: targetName(lang, { metric: a.metric, label: a.label }),
    achieved: targetText(lang, figure),
    // the target as the plan sets it; its value alone only if the target row is not at hand
    target: target
      ? targetText(lang, target)
      : a.target_value === null
        ? null
        : targetText(lang, { ...figure, value: a.target_value, comparator: '=' }),
  };
}

/**
 * What a county's own documents report as done, beside its plan's targets: each achievement with the target it
 * answers (when the plan sets one), as of its month, linked to the report's sentence. Never the synthetic sample.
 */
export async function countyAchievements(lang: Lang, code: string) {
  const docs = new Map((await documents()).filter((d) => d.county_code === code).map((d) => [d.doc_id, d]));
  const promised = new Map((await commitments()).map((c) => [`${c.doc_id}|${c.commitment_id}`, c]));
  const goals = new Map((await targets()).map((g) => [`${g.doc_id}|${g.target_id}`, g]));
  return (await achievements())
    .filter((a) => docs.has(a.doc_id))
    .map((a) => ({
      a,
      ...achievementShown(
        lang,
        a,
        goals.get(`${a.plan_doc_id}|${a.plan_target_id}`),
        promised.get(`${a.plan_doc_id}|${a.plan_commitment_id}`),
      ),
    }))
    .map(({ a, ...shown }) => ({
      ...shown,
      asOf: a.as_of ? monthLabel(lang, a.as_of) : null,
      source: docs.get(a.doc_id)!.title ?? a.doc_id,
      href: `${href(lang, `/documents/${a.doc_id}/`)}#${spanId(a.span_start, a.span_end)}`,
      page: a.page,
    }));
}
