/**
 * How far each fact read from a document can be trusted without a person checking it: how it was found
 * (found_by) and a confidence from 0 to 1, and the list of facts below the review threshold (the review table,
 * shown on /audit/), each with the reasons and the sidecar line that confirms it.
 *
 * The rules, in order (data/README.md lists them):
 * - how it was found: a curated correction (curated, 1); a phrase of a sentence (statement, 0.9); a heading
 *   (heading, 0.9: phases); a row of a table (table_row, 0.85: a cell can be misread as another column);
 * - a county named by its short form (峨边县) 0.8, by a former name 0.75: the division is right, the reading less sure;
 * - a figure among the evidence of a finding that fails (its items do not add up, a metric with two values, an
 *   amount beyond plausibility) at most 0.5: one of the figures is wrong, and the text does not say which;
 * - a fund item larger than the document's stated total, at most 0.3: it contradicts its own document;
 * - a target of 0, or an item whose label is a single character, at most 0.5; an either/or target at most 0.6;
 * - a fact a sidecar confirms (action: confirm) is 1 and leaves the list.
 */
import type { Row, Table } from '../contract/schema.ts';
import {
  ACHIEVEMENTS,
  ALLOCATIONS,
  COMMITMENTS,
  DOCUMENT_FIELDS,
  PHASES,
  PRODUCTS,
  TARGETS,
} from '../contract/schema.ts';
import type { Finding } from './finding.ts';

/** Facts below this confidence are listed for review. */
export const REVIEW_BELOW = 0.7;

/** The checks whose failing evidence makes a figure doubtful. */
const DOUBTING = new Set(['items_sum', 'conflicting_values', 'amount_implausible', 'number_unreadable']);

/** The fact tables, each with the column that names a row and the column that says what it is. */
const FACT_TABLES: { table: Table; id: string; what: string; value: string }[] = [
  { table: DOCUMENT_FIELDS, id: 'field', what: 'field', value: 'value' },
  { table: ALLOCATIONS, id: 'item_id', what: 'label', value: 'amount_yuan' },
  { table: TARGETS, id: 'target_id', what: 'metric', value: 'value' },
  { table: PHASES, id: 'phase_id', what: 'name', value: 'end_month' },
  { table: PRODUCTS, id: 'product_id', what: 'name', value: 'name' },
  { table: COMMITMENTS, id: 'commitment_id', what: 'kind', value: 'what' },
  { table: ACHIEVEMENTS, id: 'achievement_id', what: 'metric', value: 'value' },
];

/** Why a fact is doubted, in both languages. */
interface Reason {
  zh: string;
  en: string;
  at: number;
}

/** What a document's facts are assessed with besides their rows. */
export interface Assessing {
  text: string;
  findings: readonly Finding[];
  /** how the county was resolved (documents.county_resolved_by) */
  resolvedBy: string | null;
  /** the document's stated total, in yuan */
  total: number | null;
  /** facts a sidecar confirms, as "<table>.<id>" (targets.t003, document_fields.issued_on) */
  confirmed: ReadonlySet<string>;
}

const overlaps = (a: { start: number; end: number }, s: number, e: number) => a.start < e && s < a.end;

/** How a fact was found, from its row: a curated value, a table row (its line has cells), a heading, a statement. */
function foundBy(table: Table, row: Row, text: string): 'curated' | 'table_row' | 'heading' | 'statement' {
  if (row.corrected === true) return 'curated';
  const start = Number(row.span_start);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start);
  if (text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).includes('\t')) return 'table_row';
  return table === PHASES ? 'heading' : 'statement';
}

const BASE = { curated: 1, statement: 0.9, heading: 0.9, table_row: 0.85 } as const;

/** The reasons to doubt a fact beyond how it was found, each with the confidence it allows at most. */
function doubts(table: Table, row: Row, a: Assessing): Reason[] {
  const s = Number(row.span_start);
  const e = Number(row.span_end);
  const out: Reason[] = [];
  for (const f of a.findings) {
    if (!DOUBTING.has(f.check) || f.status !== 'fail' || !f.evidence.some((ev) => overlaps(ev, s, e)))
      continue;
    out.push({ zh: f.message_zh, en: f.message_en, at: 0.5 });
  }
  if (table === DOCUMENT_FIELDS && row.field === 'county_name') {
    if (a.resolvedBy === 'short_name')
      out.push({
        zh: '县名以简称写出，已按简称对应到区划。',
        en: 'The county is named by its short form.',
        at: 0.8,
      });
    if (a.resolvedBy === 'former_name')
      out.push({
        zh: '县名以曾用名写出，已按曾用名对应到区划。',
        en: 'The county is named by a former name.',
        at: 0.75,
      });
  }
  if (table === ALLOCATIONS && a.total !== null && Number(row.amount_yuan) > a.total)
    out.push({
      zh: '该分项金额大于文件所述总投资。',
      en: 'The item is larger than the total the document states.',
      at: 0.3,
    });
  if (table === ALLOCATIONS && String(row.label ?? '').trim().length < 2)
    out.push({
      zh: '分项名称不足以说明用途。',
      en: 'The item’s label is too short to say what it funds.',
      at: 0.5,
    });
  if (table === TARGETS && row.alternative)
    out.push({
      zh: `目标为二选一（或${row.alternative}），不只属于这一指标。`,
      en: `An either/or target (or ${row.alternative}): it is not this measure's alone.`,
      at: 0.6,
    });
  if ((table === TARGETS || table === ACHIEVEMENTS) && row.metric === 'other')
    out.push({
      zh: `不在指标词表内，按原文记为“${row.label}”。`,
      en: `Outside the vocabulary, kept as written (${row.label}).`,
      at: 0.7,
    });
  if (table === TARGETS && Number(row.value) === 0)
    out.push({ zh: '目标值为 0。', en: 'The target is 0.', at: 0.5 });
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The sidecar line that confirms a fact as read. */
const confirmLine = (key: string, quote: string) =>
  `{ fact: ${key}, action: confirm, quote: ${JSON.stringify(quote)}, reason: "…" }`;

/**
 * Sets found_by and confidence on every fact row (in place) and returns the review rows: the facts below
 * REVIEW_BELOW that no sidecar confirms, lowest confidence first.
 */
export function assess(docId: string, rows: Map<Table, Row[]>, a: Assessing): Row[] {
  const review: Row[] = [];
  for (const { table, id, what, value } of FACT_TABLES) {
    for (const row of rows.get(table) ?? []) {
      const how = foundBy(table, row, a.text);
      const key = `${table.name}.${row[id]}`;
      const reasons = doubts(table, row, a);
      const confirmed = a.confirmed.has(key);
      row.found_by = how;
      row.confidence = confirmed ? 1 : round2(Math.min(BASE[how], ...reasons.map((r) => r.at)));
      if (confirmed || row.confidence >= REVIEW_BELOW) continue;
      review.push({
        doc_id: docId,
        fact: key,
        what: String(row.metric === 'other' && row.label ? row.label : (row[what] ?? row.commitment_kind)),
        value: row[value] === null ? null : String(row[value]),
        found_by: how,
        confidence: row.confidence,
        reason_zh: reasons.map((r) => r.zh).join(' '),
        reason_en: reasons.map((r) => r.en).join(' '),
        span_start: row.span_start ?? null,
        span_end: row.span_end ?? null,
        quote: row.quote ?? null,
        confirm: confirmLine(key, String(row.quote)),
      });
    }
  }
  return review.sort(
    (x, y) => Number(x.confidence) - Number(y.confidence) || String(x.fact).localeCompare(String(y.fact)),
  );
}
