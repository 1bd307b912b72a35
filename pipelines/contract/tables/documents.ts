/** The documents read: one row per document (what it is, whom it concerns, its funds as stated, how it was read), its text, where each document value was read, and the curated corrections. */

import type { Table } from '../table.ts';
import { DIVISION_LEVELS, DOC_TYPES, PROGRAM_LEVELS, RESOLVED_BYS } from '../vocab.ts';
import { docId, page, reading, span, yuan } from './fields.ts';

export const DOCUMENTS = {
  name: 'documents',
  title: '文件 Documents',
  description:
    'One row per document read: what it is, whom it concerns, its funds as stated, and how it was read.',
  primaryKey: ['doc_id'],
  fields: [
    docId,
    {
      name: 'status',
      type: 'string',
      enum: ['ok', 'error'],
      description: 'ok, or error when the file could not be read (see error).',
      required: true,
    },
    {
      name: 'error',
      type: 'string',
      description: 'Why the file could not be read, naming the file (and byte offset where it helps).',
    },
    {
      name: 'doc_type',
      type: 'string',
      enum: DOC_TYPES,
      description:
        'plan (实施方案/工作方案/建设方案), revision (调整方案), fund_rules (资金管理办法), report (自评/进展/绩效报告), news, other.',
    },
    { name: 'title', type: 'string', description: 'Title as printed.' },
    {
      name: 'county_name',
      type: 'string',
      description:
        'The official name (2023 division codes) of the division the document is about, when its cited name resolves; empty otherwise. The name as written, with its span, is in document_fields (field county_name).',
    },
    {
      name: 'county_code',
      type: 'string',
      description:
        'GB/T 2260 six-digit code of the division the document is about (a county, or a prefecture-level city: see division_level), when the name could be resolved; empty otherwise (see the county_unresolved finding).',
    },
    {
      name: 'division_level',
      type: 'string',
      enum: DIVISION_LEVELS,
      description:
        'county (county-level division, in the counties table) or prefecture (a prefecture-level city).',
    },
    {
      name: 'county_resolved_by',
      type: 'string',
      enum: RESOLVED_BYS,
      description:
        'How the name was resolved: full name, short name (乳源), or former name (横县, from data/reference/aliases.yaml).',
    },
    { name: 'prefecture', type: 'string', description: 'Prefecture of the resolved county.' },
    { name: 'province', type: 'string', description: 'Province of the resolved division.' },
    {
      name: 'doc_number',
      type: 'string',
      description: '文号, in canonical form (乳府办〔2021〕47号); the printed form is in document_fields.',
    },
    { name: 'issuer', type: 'string', description: 'Issuing body as printed.' },
    { name: 'issued_on', type: 'date', description: 'Date of issue.' },
    {
      name: 'published_on',
      type: 'date',
      description:
        'Date a web page was published (its 发布时间/发布日期 line): when the site put it up, not the date of issue.',
    },
    {
      name: 'published_by',
      type: 'string',
      description: 'The source a web page names (its 来源 line), as written.',
    },
    {
      name: 'program_year',
      type: 'integer',
      description: 'Programme year of the demonstration (示范) the document belongs to.',
    },
    {
      name: 'program_level',
      type: 'string',
      enum: PROGRAM_LEVELS,
      description: 'National (国家级/全国) or provincial (省级) programme.',
    },
    {
      name: 'period_start',
      type: 'yearmonth',
      description: 'Start of the implementation period (YYYY-MM), as stated or from the first phase.',
    },
    {
      name: 'period_end',
      type: 'yearmonth',
      description: 'End of the implementation period (YYYY-MM), as stated or from the last phase.',
    },
    yuan('funds_total_yuan', 'Total funds as stated (项目总投资); empty when the document states no total.'),
    yuan('funds_central_yuan', 'Central government funds (中央财政).'),
    yuan('funds_provincial_yuan', 'Provincial funds (省级财政).'),
    yuan('funds_local_yuan', 'Prefecture/county funds (市/县级配套).'),
    yuan('funds_other_yuan', 'Other funds (企业自筹, 社会资本).'),
    { name: 'allocations', type: 'integer', description: 'Number of fund items and groups read.' },
    { name: 'targets', type: 'integer', description: 'Number of targets read.' },
    { name: 'amounts', type: 'integer', description: 'Number of money amounts in the text.' },
    {
      name: 'amounts_accounted',
      type: 'integer',
      description: 'Money amounts accounted for by a fund fact.',
    },
    {
      name: 'corrections',
      type: 'integer',
      description: 'Number of curated corrections applied (see corrections).',
    },
    {
      name: 'source_file',
      type: 'string',
      description: 'The file the text was read from, as named in the plans folder (data/plans/raw/).',
      required: true,
    },
    {
      name: 'sha256',
      type: 'string',
      description:
        'SHA-256 of the file bytes; empty for an entry refused before it was read (a FIFO, a folder, a link leaving the plans folder, two files giving one document id).',
    },
    {
      name: 'encoding',
      type: 'string',
      description:
        'How the bytes were read: decoded (utf-8, utf-8-bom, gb18030…), or converted from a Word file (docx) or a PDF (pdf).',
    },
    {
      name: 'chars',
      type: 'integer',
      description: 'Length of the decoded text in UTF-16 units (the range of every span).',
    },
    {
      name: 'pages',
      type: 'integer',
      description:
        'Number of pages of a PDF (every span of it is cited to its page); empty for other documents.',
    },
    { name: 'source_url', type: 'string', description: 'Where the document was published (curated).' },
    { name: 'retrieved_on', type: 'date', description: 'When it was retrieved (curated).' },
    {
      name: 'licence',
      type: 'string',
      description:
        'Publication note as printed on the document (curated), e.g. 此件主动公开; where the copy prints none, a note marked 本站注.',
    },
  ],
} as const satisfies Table;

export const DOCUMENT_TEXTS = {
  name: 'document_texts',
  title: '文件全文 Document texts',
  description:
    'The text of every document read, as decoded (BOM removed): the text every span_start and span_end points into.',
  primaryKey: ['doc_id'],
  fields: [
    docId,
    {
      name: 'text',
      type: 'string',
      description:
        'The decoded text, unchanged: quote = text.slice(span_start, span_end) for every row of every table.',
      required: true,
    },
    {
      name: 'page_starts',
      type: 'string',
      description:
        'For a PDF, where each page starts in text, as JSON [0, 1873, …] (page n starts at the n-th offset); empty for other documents.',
    },
  ],
} as const satisfies Table;

export const DOCUMENT_FIELDS = {
  name: 'document_fields',
  title: '文件字段出处 Document field sources',
  description: 'The source span of every value in documents: one row per document and field.',
  primaryKey: ['doc_id', 'field'],
  fields: [
    docId,
    { name: 'field', type: 'string', description: 'Column of documents.', required: true },
    { name: 'value', type: 'string', description: 'The value, as text.', required: true },
    {
      name: 'corrected',
      type: 'boolean',
      description: 'True when a curated correction set this value.',
      required: true,
    },
    ...span('text the value was read from'),
    ...reading,
  ],
} as const satisfies Table;

export const CORRECTIONS = {
  name: 'corrections',
  title: '人工更正 Curated corrections',
  description:
    'Every correction from data/plans/meta/<doc_id>.yaml, with its reason and the text that supports it.',
  primaryKey: ['doc_id', 'correction_id'],
  fields: [
    docId,
    {
      name: 'correction_id',
      type: 'string',
      description: 'Position in the sidecar file (c1…).',
      required: true,
    },
    {
      name: 'target',
      type: 'string',
      description: 'What was corrected: documents.<field> or targets.<metric>.',
      required: true,
    },
    {
      name: 'action',
      type: 'string',
      enum: ['set', 'remove', 'confirm'],
      description: 'set a value, remove an extracted fact, or confirm a fact as read (it leaves review).',
      required: true,
    },
    { name: 'extracted_value', type: 'string', description: 'What the extractor read (empty if nothing).' },
    {
      name: 'corrected_value',
      type: 'string',
      description: 'The value after correction (empty for remove).',
    },
    { name: 'reason', type: 'string', description: 'Why, in the curator’s words.', required: true },
    { name: 'span_start', type: 'integer', description: 'Start of the supporting quote in the text.' },
    { name: 'span_end', type: 'integer', description: 'End of the supporting quote.' },
    page,
    { name: 'quote', type: 'string', description: 'The supporting quote.' },
  ],
} as const satisfies Table;
