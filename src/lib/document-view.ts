/**
 * What a document's page shows, prepared at build time from the published tables (components/DocumentPage.astro
 * is its markup): the facts read from the document in groups (its fields, targets, funds, phases, products, the
 * findings worth a look, the amounts no fund fact accounts for), and its text with every cited span marked.
 */
import { money } from '../../pipelines/contract/format.ts';
import { DOCUMENT_FIELDS } from '../../pipelines/contract/vocab.ts';
import { amountNoteName, fieldName, href, type Lang, t } from '../i18n/index.ts';
import {
  allocations,
  amounts,
  type DocumentRow,
  documentFields,
  documentText,
  type FindingRow,
  findings,
  phases,
  products,
  type RuleRow,
  rules,
  type Span,
  targets,
} from './data.ts';
import { evidenceOf } from './findings.ts';
import { markTree, type SpanRef, spanId } from './marks.ts';
import { fieldText, inLanguage, targetName, targetText } from './wording.ts';

/** A fact as listed beside the text: what it is, its value, the span it was read from. */
export interface Fact {
  label: string;
  value: string;
  span: Span;
  /** nesting depth in the fund tree */
  depth?: number;
}

/** A group of facts of one kind (field, target, allocation…), the kind naming its marks. */
export interface FactGroup {
  kind: string;
  title: string;
  facts: Fact[];
}

// Spans the index page links to (document fields, targets) come first, so they stay whole when spans cross.
const LINKED = new Set(['field', 'target']);
const FIELD_ORDER: readonly string[] = DOCUMENT_FIELDS;

/** The document's fields and targets, in the order the vocabulary lists fields and the plan states targets. */
async function fieldsAndTargets(lang: Lang, id: string) {
  const fields = (await documentFields())
    .filter((f) => f.doc_id === id)
    .sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field))
    .map((f) => ({ label: fieldName(lang, f.field), value: fieldText(lang, f.field, f.value), span: f }));
  const goals = (await targets())
    .filter((g) => g.doc_id === id)
    .map((g) => ({ label: targetName(lang, g), value: targetText(lang, g), span: g }));
  return { fields, goals };
}

/** The fund items as the plan groups them, each with its depth in the tree. */
async function fundFacts(lang: Lang, id: string): Promise<Fact[]> {
  const items = (await allocations()).filter((a) => a.doc_id === id);
  const depthOf = (itemId: string | null): number => {
    const parent = items.find((a) => a.item_id === itemId);
    return parent ? 1 + depthOf(parent.parent_item_id) : 0;
  };
  return items.flatMap((a) => [
    {
      label: a.label,
      value: a.amount_yuan === null ? '' : money(lang, a.amount_yuan),
      span: a,
      depth: depthOf(a.parent_item_id),
    },
    // who is responsible, as the funds table's column names them: its own mark, which the county page links to
    ...(a.responsible && a.responsible_start !== null && a.responsible_end !== null
      ? [
          {
            label: t(lang, 'item_responsible'),
            value: a.responsible,
            span: {
              span_start: a.responsible_start,
              span_end: a.responsible_end,
              quote: a.responsible,
              page: null,
            },
            depth: depthOf(a.parent_item_id) + 1,
          },
        ]
      : []),
  ]);
}

/** The findings worth a look that point at a sentence. */
const reviewFacts = (lang: Lang, checks: FindingRow[]): Fact[] =>
  checks.flatMap((f) =>
    f.severity !== 'info' && f.span_start !== null && f.span_end !== null && f.quote !== null
      ? [
          {
            label: inLanguage(lang, f, 'message'),
            value: '',
            span: { span_start: f.span_start, span_end: f.span_end, quote: f.quote },
          },
        ]
      : [],
  );

/** Money amounts of the text that no fund fact accounts for, with what they seem to be. */
async function unaccountedFacts(lang: Lang, id: string): Promise<Fact[]> {
  return (await amounts())
    .filter((a) => a.doc_id === id && a.accounted_by === null)
    .map((a) => ({
      // an amount the text does not settle (unreadable, or beyond any plan's size) is shown as written, not as money
      label:
        a.amount_yuan === null || a.note === 'unreadable' || a.note === 'implausible'
          ? a.quote
          : money(lang, a.amount_yuan),
      value: amountNoteName(lang, a.note ?? 'unnamed'),
      span: a,
    }));
}

/** Every group of facts read from the document, in the order the page lists them. */
async function factGroups(lang: Lang, id: string, checks: FindingRow[]): Promise<FactGroup[]> {
  const { fields, goals } = await fieldsAndTargets(lang, id);
  const range = (start: string | null, end: string | null) =>
    t(lang, 'doc_phase_range', { start: start ?? '…', end: end ?? '…' });
  const steps = (await phases())
    .filter((p) => p.doc_id === id)
    .map((p) => ({ label: p.name, value: range(p.start_month, p.end_month), span: p }));
  const goods = (await products())
    .filter((p) => p.doc_id === id)
    .map((p) => ({ label: p.name, value: '', span: p }));
  return [
    { kind: 'field', title: t(lang, 'doc_group_fields'), facts: fields },
    { kind: 'target', title: t(lang, 'doc_group_targets'), facts: goals },
    { kind: 'allocation', title: t(lang, 'doc_group_funds'), facts: await fundFacts(lang, id) },
    { kind: 'phase', title: t(lang, 'doc_group_phases'), facts: steps },
    { kind: 'product', title: t(lang, 'doc_group_products'), facts: goods },
    { kind: 'finding', title: t(lang, 'doc_group_review'), facts: reviewFacts(lang, checks) },
    { kind: 'amount', title: t(lang, 'doc_group_unaccounted'), facts: await unaccountedFacts(lang, id) },
  ];
}

/**
 * The spans to mark: every fact's, every span a finding cites as evidence, and the rules quoted from this
 * document, so that links from the audit page land on a mark.
 */
function markSpans(lang: Lang, groups: FactGroup[], checks: FindingRow[], quoted: RuleRow[]): SpanRef[] {
  const facts = groups.flatMap((g) =>
    g.facts.map((f) => ({
      start: f.span.span_start,
      end: f.span.span_end,
      kind: g.kind,
      label: [
        f.value ? t(lang, 'label_value', { label: f.label, value: f.value }) : f.label,
        ...(f.span.page ? [t(lang, 'page_n', { n: f.span.page })] : []),
      ].join(' · '),
      priority: LINKED.has(g.kind) ? 0 : 1,
    })),
  );
  const evidence = checks.flatMap((f) =>
    evidenceOf(f).map(([start, end]) => ({
      start,
      end,
      kind: 'finding',
      label: inLanguage(lang, f, 'message'),
      priority: 2,
    })),
  );
  const ruleQuotes = quoted.map((r) => ({
    start: r.quote_span_start!,
    end: r.quote_span_end!,
    kind: 'rule',
    label: t(lang, 'doc_rule_mark', { id: r.rule_id, rule: inLanguage(lang, r, 'rule') }),
    priority: 1,
  }));
  return [...facts, ...evidence, ...ruleQuotes];
}

/** What the page of a document shows in a language. */
export async function documentView(doc: DocumentRow, lang: Lang) {
  const id = doc.doc_id;
  const checks = (await findings()).filter((f) => f.doc_id === id);
  const quoted = (await rules()).filter((r) => r.read_in === id && r.quote_span_start !== null);
  const groups = await factGroups(lang, id, checks);
  const title = doc.title ?? `${doc.county_name ?? id} ${t(lang, 'document')}`;
  return {
    title,
    /** the heading: the document's own title (Chinese), else its county's name and the word for document */
    heading: doc.title
      ? { zh: doc.title, rest: '' }
      : { zh: doc.county_name ?? id, rest: ` ${t(lang, 'document')}` },
    description: t(lang, 'doc_description', { title }),
    countyHref: doc.county_code ? href(lang, `/counties/${doc.county_code}/`) : null,
    groups: groups.filter((g) => g.facts.length > 0),
    tree: markTree(await documentText(id), markSpans(lang, groups, checks, quoted)),
    anchor: (s: Span) => `#${spanId(s.span_start, s.span_end)}`,
  };
}
