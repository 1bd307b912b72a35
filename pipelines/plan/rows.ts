/**
 * One document's extraction as rows of the published tables, one function per table: ids numbered in text order,
 * every value with the span and quote it was read from.
 */
import type { Finding } from '../check/validate.ts';
import type { Row } from '../contract/schema.ts';
import type { Extraction } from '../extract/types.ts';
import type { Location } from './locate.ts';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** What every row builder needs: the document id and its text (for quotes). */
export interface Source {
  docId: string;
  text: string;
}

const quoteOf = (s: Source, start: number, end: number) => s.text.slice(start, end);

/**
 * The documents row: what the document is, where (the division's official name, never the text's spelling, which
 * document_fields keeps with its span), its funds as stated, and how it was read.
 */
export function documentRow(
  base: Row,
  x: Extraction,
  where: Location,
  read: { encoding: string; chars: number; pages: number | null; corrections: number },
): Row {
  const f = x.fields;
  const division = where.division;
  return {
    ...base,
    status: 'ok',
    error: null,
    doc_type: f.doc_type.value,
    title: f.title?.value ?? null,
    county_name: division?.name ?? null,
    county_code: division?.code ?? null,
    division_level: division?.level ?? null,
    county_resolved_by: where.resolution?.status === 'resolved' ? where.resolution.via : null,
    prefecture: division?.level === 'county' ? division.prefecture : null,
    province: division?.province ?? null,
    doc_number: f.doc_number?.value ?? null,
    issuer: f.issuer?.value ?? null,
    issued_on: f.issued_on?.value ?? null,
    published_on: f.published_on?.value ?? null,
    published_by: f.published_by?.value ?? null,
    program_year: f.program_year?.value ?? null,
    program_level: f.program_level?.value ?? null,
    period_start: f.period_start?.value ?? null,
    period_end: f.period_end?.value ?? null,
    funds_total_yuan: f.funds_total_yuan?.value ?? null,
    funds_central_yuan: f.funds_central_yuan?.value ?? null,
    funds_provincial_yuan: f.funds_provincial_yuan?.value ?? null,
    funds_local_yuan: f.funds_local_yuan?.value ?? null,
    funds_other_yuan: f.funds_other_yuan?.value ?? null,
    allocations: x.allocations.length,
    targets: x.targets.length,
    amounts: x.amounts.length,
    amounts_accounted: x.amounts.filter((a) => a.accountedBy !== null).length,
    corrections: read.corrections,
    encoding: read.encoding,
    chars: read.chars,
    pages: read.pages,
  };
}

/** document_fields: every document field read, as written, with its span; `corrected` when a sidecar set it. */
export const fieldRows = (s: Source, x: Extraction, corrected: ReadonlySet<string>): Row[] =>
  Object.entries(x.fields)
    .filter(([, cited]) => cited)
    .map(([field, cited]) => ({
      doc_id: s.docId,
      field,
      value: String(cited!.value),
      corrected: corrected.has(field),
      span_start: cited!.start,
      span_end: cited!.end,
      quote: quoteOf(s, cited!.start, cited!.end),
    }));

/** allocations: the fund tree, with each item's group named. */
export function allocationRows(s: Source, x: Extraction): Row[] {
  const labels = new Map(x.allocations.map((a) => [a.itemId, a.label]));
  return x.allocations.map((a) => ({
    doc_id: s.docId,
    item_id: a.itemId,
    parent_item_id: a.parentItemId,
    label: a.label,
    plan_group: a.parentItemId ? (labels.get(a.parentItemId) ?? null) : null,
    category: a.category,
    amount_yuan: a.amounts.amount,
    amount_basis: a.amountBasis,
    central_yuan: a.amounts.central,
    provincial_yuan: a.amounts.provincial,
    local_yuan: a.amounts.local,
    other_yuan: a.amounts.other,
    label_start: a.labelSpan.start,
    label_end: a.labelSpan.end,
    responsible: a.responsible?.value ?? null,
    responsible_start: a.responsible?.start ?? null,
    responsible_end: a.responsible?.end ?? null,
    span_start: a.start,
    span_end: a.end,
    quote: quoteOf(s, a.start, a.end),
  }));
}

/** targets, numbered in text order. */
export const targetRows = (s: Source, x: Extraction): Row[] =>
  [...x.targets]
    .sort((a, b) => a.start - b.start || a.metric.localeCompare(b.metric))
    .map((t, i) => ({
      doc_id: s.docId,
      target_id: `t${pad(i + 1, 3)}`,
      metric: t.metric,
      label: t.label ?? null,
      value: t.value,
      unit: t.unit,
      comparator: t.comparator,
      alternative: alternativeOf(quoteOf(s, t.start, t.end)),
      span_start: t.start,
      span_end: t.end,
      quote: quoteOf(s, t.start, t.end),
    }));

/** The other measure of an either/or target: 农产品网络零售额或县域快递业务量同比增速10%: 县域快递业务量. */
const alternativeOf = (quote: string): string | null =>
  /[\u4e00-\u9fa5]{2,14}?或([\u4e00-\u9fa5]{2,14}?)(?:同比|增速|增长|达到|达|覆盖率)/.exec(
    quote.replace(/\s+/g, ''),
  )?.[1] ?? null;

/** phases, in the plan's order. */
export const phaseRows = (s: Source, x: Extraction): Row[] =>
  x.phases.map((p, i) => ({
    doc_id: s.docId,
    phase_id: `p${pad(i + 1, 2)}`,
    name: p.name,
    start_month: p.startMonth,
    end_month: p.endMonth,
    span_start: p.start,
    span_end: p.end,
    quote: quoteOf(s, p.start, p.end),
  }));

/** products, in text order. */
export const productRows = (s: Source, x: Extraction): Row[] =>
  x.products.map((p, i) => ({
    doc_id: s.docId,
    product_id: `r${pad(i + 1, 3)}`,
    name: p.name,
    span_start: p.start,
    span_end: p.end,
    quote: quoteOf(s, p.start, p.end),
  }));

/** amounts: every money amount of the text, with what accounts for it and 30 characters of context each side. */
export const amountRows = (s: Source, x: Extraction): Row[] =>
  x.amounts.map((a, i) => ({
    doc_id: s.docId,
    amount_id: `m${pad(i + 1, 4)}`,
    amount_yuan: a.yuan,
    accounted_by: a.accountedBy,
    note: a.note,
    context: s.text.slice(Math.max(0, a.start - 30), a.end + 30).replace(/\s+/g, ' '),
    span_start: a.start,
    span_end: a.end,
    quote: quoteOf(s, a.start, a.end),
  }));

/** findings, with every evidence span and the main one quoted. */
export const findingRows = (s: Source, findings: readonly Finding[]): Row[] =>
  findings.map((g, i) => {
    const main = g.evidence[0] ?? null;
    return {
      doc_id: s.docId,
      finding_id: `f${pad(i + 1, 3)}`,
      check: g.check,
      severity: g.severity,
      status: g.status,
      subject: g.subject,
      message_zh: g.message_zh,
      message_en: g.message_en,
      numerator: g.numerator,
      denominator: g.denominator,
      threshold: g.threshold,
      comparator: g.comparator ?? null,
      rule_id: g.rule_id ?? null,
      evidence: JSON.stringify(g.evidence.map((e) => [e.start, e.end])),
      span_start: main?.start ?? null,
      span_end: main?.end ?? null,
      quote: main ? quoteOf(s, main.start, main.end) : null,
    };
  });

/** commitments, in text order. */
export const commitmentRows = (s: Source, x: Extraction): Row[] =>
  x.commitments.map((c, i) => ({
    doc_id: s.docId,
    commitment_id: `k${pad(i + 1, 3)}`,
    kind: c.kind,
    what: c.what,
    quantity: c.quantity,
    unit: c.unit,
    due_month: c.dueMonth,
    due_date: c.dueDate,
    recurrence: c.recurrence,
    recurrence_day: c.recurrenceDay,
    due_text: c.dueText,
    responsible: c.responsible.join('、') || null,
    cooperating: c.cooperating.join('、') || null,
    recipient: c.recipient,
    funds_yuan: c.fundsYuan,
    span_start: c.start,
    span_end: c.end,
    quote: quoteOf(s, c.start, c.end),
  }));

/** contacts, in text order. */
export const contactRows = (s: Source, x: Extraction): Row[] =>
  x.contacts.map((c, i) => ({
    doc_id: s.docId,
    contact_id: `h${pad(i + 1, 2)}`,
    channel: c.channel,
    value: c.value,
    purpose: c.purpose,
    span_start: c.start,
    span_end: c.end,
    quote: quoteOf(s, c.start, c.end),
  }));

/** achievements, in text order; their plan target is matched across documents (plan/achievements.ts). */
export const achievementRows = (s: Source, x: Extraction): Row[] =>
  [
    ...x.achievements.map((a) => ({ figure: a, done: null, start: a.start, end: a.end, asOf: a.asOf })),
    ...x.commitmentsDone.map((c) => ({ figure: null, done: c, start: c.start, end: c.end, asOf: c.asOf })),
  ]
    .sort((a, b) => a.start - b.start)
    .map(({ figure: a, done, start, end, asOf }, i) => ({
      doc_id: s.docId,
      achievement_id: `d${pad(i + 1, 3)}`,
      metric: a?.metric ?? null,
      label: a?.label ?? null,
      value: a?.value ?? null,
      unit: a?.unit ?? null,
      comparator: a?.comparator ?? null,
      commitment_kind: done?.kind ?? null,
      as_of: asOf,
      plan_doc_id: null,
      plan_target_id: null,
      target_value: null,
      plan_commitment_id: null,
      span_start: start,
      span_end: end,
      quote: quoteOf(s, start, end),
    }));

/** stated_shares, in text order. */
export const shareRows = (s: Source, x: Extraction): Row[] =>
  x.statedShares.map((h, i) => ({
    doc_id: s.docId,
    share_id: `s${pad(i + 1, 2)}`,
    label: h.label,
    share_pct: h.pct,
    computed_pct: h.computedPct,
    span_start: h.start,
    span_end: h.end,
    quote: quoteOf(s, h.start, h.end),
  }));
