/** Shared types of the plan pipeline: what the extractor finds in one document. */

// the closed vocabularies are the contract's: one record per code with its names (pipelines/contract/vocab.ts)
import type {
  AmountNote,
  Category,
  Comparator,
  DocType,
  FundSource,
  TargetMetric,
} from '../contract/vocab.ts';

export {
  type AmountNote,
  CATEGORIES,
  type Category,
  COMPARATORS,
  type Comparator,
  type DocType,
  type FundSource,
  type TargetMetric,
} from '../contract/vocab.ts';

/** A value together with the exact span of the original text it was read from. */
export interface Cited<T> {
  value: T;
  start: number;
  end: number;
}

/** One money amount written in the text (万元, 亿元, 元), converted to yuan. */
export interface MoneyMention {
  yuan: number;
  /** span in the normalized text */
  nstart: number;
  nend: number;
  /** what consumed it: a fact id such as "funds:central" or "allocation:a03"; null while unaccounted */
  accountedBy: string | null;
  /** why an unaccounted amount was not read as a fund fact */
  note?: AmountNote;
}

/**
 * What makes the money matcher refuse an amount: a character inside the number, its form (a number in parts that
 * do not settle one value: compound; a line break between digits: line_break), its size, or, for a table cell, an
 * unreadable cell in its row (row_unreadable).
 */
export type RefusalProblem =
  | 'bidi_control'
  | 'format_character'
  | 'ambiguous_space'
  | 'irregular_grouping'
  | 'exponent'
  | 'leading_zero'
  | 'malformed'
  | 'compound'
  | 'line_break'
  | 'row_unreadable'
  | 'above_bound'
  | 'not_exact';

/** Why an amount was refused, with what a finding needs to say so without the text at hand. */
export interface Refusal {
  problem: RefusalProblem;
  /** the characters at fault as code points (“U+202E”), in order of appearance; empty for a problem of size */
  chars: string[];
  /** the amount as written in the original text: text.slice(start, end) */
  written: string;
}

/** A money amount the matcher would not read as money: kept for the amounts table, never used as a fund figure. */
export interface RefusedAmount {
  /** the amount in yuan when it is an exact integer (an amount above the bound); else null */
  yuan: number | null;
  /** span in the normalized text */
  nstart: number;
  nend: number;
  note: 'unreadable' | 'implausible';
  refusal: Refusal;
}

export type Amounts = Record<'amount' | FundSource, number | null>;

/** One node of a plan's fund tree (a group or an item), amounts in yuan. */
export interface Allocation {
  itemId: string;
  parentItemId: string | null;
  label: string;
  labelSpan: { start: number; end: number };
  category: Category | null;
  amounts: Amounts;
  /** 'stated' when the plan states the item's total; 'sum_of_sources' when only per-source amounts are given */
  amountBasis: 'stated' | 'sum_of_sources' | 'none';
  /** the span of the statement that gives the amounts (or the heading of a group without amounts) */
  start: number;
  end: number;
  /** who is responsible, as a funds table's column names them (推荐责任部门: 中标企业、市商务局), with its cell */
  responsible: Cited<string> | null;
}

export interface Target {
  metric: TargetMetric;
  value: number;
  unit: string;
  comparator: Comparator;
  /** for metric other: what is counted, as written (培训转化率, 电子商务用工对接会) */
  label?: string;
  start: number;
  end: number;
}

/** A report's statement that something of a commitment's kind is done (已完成项目招投标, 已通过验收). */
export interface CommitmentDone {
  kind: CommitmentKind;
  asOf: string | null;
  start: number;
  end: number;
}

/** A figure a document reports as done (建成村级服务站62个 in a report), as of a month. */
export interface Achievement extends Target {
  /** the month it is reported as of (截至2022年12月), else the document's month of issue */
  asOf: string | null;
}

export interface Phase {
  name: string;
  /** YYYY-MM or null when the plan gives only a deadline */
  startMonth: string | null;
  endMonth: string | null;
  start: number;
  end: number;
}

export interface Product {
  name: string;
  start: number;
  end: number;
}

/** The scalar facts about a document, each with its source span. */
export interface DocumentFields {
  doc_type: Cited<DocType>;
  county_name: Cited<string> | null;
  title: Cited<string> | null;
  doc_number: Cited<string> | null;
  issuer: Cited<string> | null;
  issued_on: Cited<string> | null;
  /** a web page's publication date (发布时间), apart from the date of issue */
  published_on: Cited<string> | null;
  /** a web page's source (来源) */
  published_by: Cited<string> | null;
  program_year: Cited<number> | null;
  program_level: Cited<'national' | 'provincial'> | null;
  period_start: Cited<string> | null;
  period_end: Cited<string> | null;
  funds_total_yuan: Cited<number> | null;
  funds_central_yuan: Cited<number> | null;
  funds_provincial_yuan: Cited<number> | null;
  funds_local_yuan: Cited<number> | null;
  funds_other_yuan: Cited<number> | null;
}

/** The kinds of commitment a plan makes (commitments.kind). */
export type CommitmentKind =
  | 'task'
  | 'procurement'
  | 'disclosure'
  | 'reporting'
  | 'funding_condition'
  | 'acceptance'
  | 'supervision';

/** A commitment: what must be done, by whom, by when or how often, with the span of its sentence. */
export interface Commitment {
  kind: CommitmentKind;
  what: string;
  quantity: number | null;
  unit: string | null;
  /** a deadline month (2022-04), a deadline date, or a rhythm (monthly, by day 25) */
  dueMonth: string | null;
  dueDate: string | null;
  recurrence: 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'periodic' | null;
  recurrenceDay: number | null;
  /** the deadline or rhythm as written */
  dueText: string | null;
  responsible: string[];
  cooperating: string[];
  /** where a report goes (reporting) */
  recipient: string | null;
  /** the amount a funding condition holds back */
  fundsYuan: number | null;
  start: number;
  end: number;
}

/** A share of its money a document states (占比75%), and the share its amounts give, where they do. */
export interface StatedShare {
  label: string;
  pct: number;
  /** the row's amount over its column's sum, in %, for a share of a table; null where the text gives no amounts */
  computedPct: number | null;
  start: number;
  end: number;
}

/** A public channel the document names. */
export interface Contact {
  channel: 'phone' | 'window' | 'site_column' | 'email';
  value: string;
  purpose: string | null;
  start: number;
  end: number;
}

/** Everything the extractor reads from one document's text. */
export interface Extraction {
  fields: DocumentFields;
  allocations: Allocation[];
  targets: Target[];
  phases: Phase[];
  products: Product[];
  /** figures the document reports as done: in a report, or stated as done (已建成) */
  achievements: Achievement[];
  /** the commitments around the figures: duties, deadlines, reporting, disclosure, conditions on money */
  commitments: Commitment[];
  /** a report's statements that a commitment is done (已完成项目招投标), as of the report's month */
  commitmentsDone: CommitmentDone[];
  /** the public channels it names */
  contacts: Contact[];
  /** the shares of its money it states */
  statedShares: StatedShare[];
  /** every money amount in the text, with what accounts for it */
  amounts: {
    /** null when the amount was refused and its value is unknown or not an exact integer */
    yuan: number | null;
    start: number;
    end: number;
    accountedBy: string | null;
    note: AmountNote | null;
    /** set when the money matcher refused the amount (note unreadable or implausible) */
    refusal?: Refusal;
  }[];
  /** later statements of the document totals that differ from the first */
  fundConflicts: { slot: 'amount' | FundSource; yuan: number; start: number; end: number }[];
  /** why no county was read, when none was: the places the document names (several), or only 我县 */
  countyNote: { kind: 'several'; names: Cited<string>[] } | { kind: 'own'; at: Cited<string> } | null;
}
