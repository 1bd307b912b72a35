/**
 * One document, read into rows of the published tables, stage by stage: decode, extract, apply the sidecar's
 * corrections, locate the county, check (validate, audit), build the rows, and check every row against the schema.
 * A document that fails at any stage yields its failure rows (failed.ts), and nothing else is affected.
 */
import { createHash } from 'node:crypto';
import { audit } from '../check/audit.ts';
import { assess } from '../check/confidence.ts';
import { ledgerChecks } from '../check/ledger.ts';
import { type Finding, validate } from '../check/validate.ts';
import {
  ACHIEVEMENTS,
  ALLOCATIONS,
  AMOUNTS,
  COMMITMENTS,
  CONTACTS,
  CORRECTIONS,
  checkRows,
  DOCUMENT_FIELDS,
  DOCUMENT_TEXTS,
  DOCUMENTS,
  FINDINGS,
  PHASES,
  PLAN_TABLES,
  PRODUCTS,
  REVIEW,
  type Row,
  STATED_SHARES,
  TARGETS,
  type Table,
} from '../contract/schema.ts';
import { extract } from '../extract/extract.ts';
import type { Extraction } from '../extract/types.ts';
import { type Converted, pageAt } from '../read/convert.ts';
import { decodeDocument, type ReadResult } from '../read/decode.ts';
import { articleText } from '../read/html.ts';
import { loadReference, type Reference } from '../reference/index.ts';
import { failedDocument } from './failed.ts';
import { locate } from './locate.ts';
import type { DocResult } from './result.ts';
import {
  achievementRows,
  allocationRows,
  amountRows,
  commitmentRows,
  contactRows,
  documentRow,
  fieldRows,
  findingRows,
  phaseRows,
  productRows,
  shareRows,
  targetRows,
} from './rows.ts';
import { applyCorrections, type Confirm, type Sidecar } from './sidecar.ts';

const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Reads one document file into table rows. `file` is the document's path as published (relative to the plans
 * folder). A file that cannot be read, or whose rows a table cannot hold, yields a documents row with status
 * “error” and a read_error finding; the document's other rows are dropped, and nothing else is.
 */
export function readPlan(
  docId: string,
  file: string,
  bytes: Uint8Array,
  sidecar: Sidecar | null,
  ref: Reference = loadReference(),
  /** the text of a document converted before (a .docx, a .pdf), instead of decoding its bytes */
  converted: Converted | null = null,
): DocResult {
  const decoded: ReadResult =
    converted === null
      ? decodeDocument(bytes)
      : {
          ok: true,
          text: converted.text,
          encoding: converted.encoding,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes: bytes.length,
        };
  const base: Row = {
    doc_id: docId,
    source_file: file,
    sha256: decoded.sha256,
    source_url: sidecar?.source_url ?? null,
    retrieved_on: sidecar?.retrieved_on ?? null,
    licence: sidecar?.licence ?? null,
  };
  if (!DOC_ID.test(docId))
    return failedDocument(
      base,
      `file name “${file}” is not a usable document id (letters, digits, . _ - only) / 文件名不可用作文件编号`,
    );
  if (!decoded.ok)
    return failedDocument(
      base,
      `${decoded.reason}${decoded.offset !== undefined ? ` at byte ${decoded.offset}` : ''}`,
    );
  try {
    // a saved web page is read as its article's text (pipelines/read/html.ts); spans point into that text
    const text = /\.html?$/i.test(file) ? articleText(decoded.text) : decoded.text;
    const result = readText(docId, text, base, sidecar, ref, decoded.encoding, converted);
    for (const [table, rows] of result.rows) checkRows(table, rows);
    return result;
  } catch (e) {
    return failedDocument(
      { ...base, source_url: null, retrieved_on: null, licence: null },
      (e as Error).message,
    );
  }
}

/** The rows of a decoded document: every stage after decoding; throws on a sidecar or a row that is wrong. */
function readText(
  docId: string,
  text: string,
  base: Row,
  sidecar: Sidecar | null,
  ref: Reference,
  encoding: string,
  converted: Converted | null,
): DocResult {
  let x: Extraction;
  try {
    x = extract(text, ref.knownNames);
  } catch (e) {
    throw new Error(`extractor error: ${(e as Error).message}`);
  }
  const corrections = applyCorrections(docId, text, x, sidecar);
  const where = locate(text, x, ref);
  // the programme's rules, coverage and dates concern plans (and their revisions), not news or reports
  const isPlan = x.fields.doc_type.value === 'plan' || x.fields.doc_type.value === 'revision';
  const findings: Finding[] = [
    ...validate(x),
    ...(isPlan ? audit(x, text, where.place, ref.rules) : []),
    ...(isPlan ? ledgerChecks(x) : []),
    ...(where.finding ? [where.finding] : []),
    ...(converted?.emptyPages?.length
      ? [withoutText(converted.emptyPages, converted.pageStarts!.length)]
      : []),
  ];
  const s = { docId, text };
  const rows = new Map<Table, Row[]>(PLAN_TABLES.map((t) => [t, []]));
  const set = (t: Table, r: Row[]) => rows.set(t, r);
  set(CORRECTIONS, corrections.rows);
  const pageStarts = converted?.pageStarts ?? null;
  set(DOCUMENT_TEXTS, [{ doc_id: docId, text, page_starts: pageStarts && JSON.stringify(pageStarts) }]);
  set(DOCUMENTS, [
    documentRow(base, x, where, {
      encoding,
      chars: text.length,
      pages: pageStarts?.length ?? null,
      corrections: sidecar?.corrections?.length ?? 0,
    }),
  ]);
  set(DOCUMENT_FIELDS, fieldRows(s, x, corrections.corrected));
  set(ALLOCATIONS, allocationRows(s, x));
  set(TARGETS, targetRows(s, x));
  set(PHASES, phaseRows(s, x));
  set(PRODUCTS, productRows(s, x));
  set(COMMITMENTS, commitmentRows(s, x));
  set(CONTACTS, contactRows(s, x));
  set(ACHIEVEMENTS, achievementRows(s, x));
  set(STATED_SHARES, shareRows(s, x));
  set(AMOUNTS, amountRows(s, x));
  set(FINDINGS, findingRows(s, findings));
  set(
    REVIEW,
    assess(docId, rows, {
      text,
      findings,
      resolvedBy: where.resolution?.status === 'resolved' ? where.resolution.via : null,
      total: x.fields.funds_total_yuan?.value ?? null,
      confirmed: confirmedFacts(rows, corrections.confirms, text),
    }),
  );
  // every span of a PDF is cited to the page it starts on; other documents have no pages
  for (const [table, list] of rows)
    if (table.fields.some((f) => f.name === 'page'))
      for (const r of list)
        r.page = pageStarts && typeof r.span_start === 'number' ? pageAt(pageStarts, r.span_start) : null;
  return {
    docId,
    ok: true,
    error: null,
    rows,
    facts:
      x.allocations.length +
      x.targets.length +
      x.phases.length +
      x.products.length +
      Object.values(x.fields).filter(Boolean).length,
    amounts: x.amounts.length,
    accounted: x.amounts.filter((a) => a.accountedBy !== null).length,
    findings: findings.length,
  };
}

/** The finding for a PDF with pages that carry no text (scanned pages among text pages): their content is not read. */
function withoutText(pages: number[], of: number): Finding {
  return {
    check: 'page_without_text',
    severity: 'review',
    status: 'fail',
    subject: 'pages',
    message_zh: `PDF 共 ${of} 页，其中第 ${pages.join('、')} 页没有文字层（可能是扫描页），这些页的内容未读取。`,
    message_en: `Of the PDF's ${of} pages, page${pages.length > 1 ? 's' : ''} ${pages.join(', ')} carr${pages.length > 1 ? 'y' : 'ies'} no text layer (scanned, perhaps); what they say is not read.`,
    numerator: pages.length,
    denominator: of,
    threshold: null,
    evidence: [],
  };
}

/**
 * The facts a sidecar confirms, as "<table>.<id>"; throws, naming the sidecar, when a confirmed fact does not
 * exist or its quote is not the fact's text.
 */
function confirmedFacts(rows: Map<Table, Row[]>, confirms: readonly Confirm[], text: string): Set<string> {
  const out = new Set<string>();
  for (const c of confirms) {
    const [name, id] = c.fact.split('.');
    const table = [...rows.keys()].find((t) => t.name === name);
    const key = table?.primaryKey.find((k) => k !== 'doc_id');
    const row = key ? rows.get(table!)!.find((r) => String(r[key]) === id) : undefined;
    if (!row) throw new Error(`${c.where}: no fact ${c.fact} to confirm`);
    // the quote may be written more than once (a paragraph repeated): any of its places that is the fact's will do
    const quote = text.slice(c.span.start, c.span.end);
    let at = text.indexOf(quote);
    while (at !== -1 && !(at < Number(row.span_end) && Number(row.span_start) < at + quote.length))
      at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`${c.where}: the quote is not the text of ${c.fact} (“${row.quote}”)`);
    out.add(c.fact);
  }
  return out;
}
