import { lstat, readFile, realpath } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { audit, type Place } from '../check/audit.ts';
import { type Finding, validate } from '../check/validate.ts';
import {
  ALLOCATIONS,
  AMOUNTS,
  CORRECTIONS,
  checkRows,
  DOCUMENT_FIELDS,
  DOCUMENT_TEXTS,
  DOCUMENTS,
  FINDINGS,
  PHASES,
  PLAN_TABLES,
  PRODUCTS,
  type Row,
  TARGETS,
  type Table,
} from '../contract/schema.ts';
import { extract } from '../extract/extract.ts';
import { type Extraction, TARGET_METRICS } from '../extract/types.ts';
import { normalize } from '../normalize/normalize.ts';
import { decodeDocument } from '../read/decode.ts';
import { listDocuments, refusal } from '../read/plan-files.ts';
import { loadReference, type Reference } from '../reference/index.ts';

/** The curated sidecar of a document (data/plans/meta/<doc_id>.yaml). */
export interface Sidecar {
  source_url?: string | null;
  retrieved_on?: string | null;
  licence?: string | null;
  note?: string | null;
  corrections?: Correction[];
}

/** One curated correction: set a document field or a target, or remove a target; always with a reason and a quote. */
export interface Correction {
  field?: string;
  target?: string;
  action?: 'set' | 'remove';
  value?: string | number;
  quote?: string;
  reason: string;
}

/** Progress and problems, passed in so that the core stays free of terminal output. */
export interface Effects {
  progress(line: string): void;
  problem(line: string): void;
}

/** The result of reading one document: its table rows, or the reason it failed. */
export interface DocResult {
  docId: string;
  ok: boolean;
  error: string | null;
  rows: Map<Table, Row[]>;
  facts: number;
  amounts: number;
  accounted: number;
  findings: number;
}

const CORRECTABLE_FIELDS = [
  'doc_type',
  'title',
  'county_name',
  'doc_number',
  'issuer',
  'issued_on',
  'program_year',
  'program_level',
  'period_start',
  'period_end',
  'funds_total_yuan',
  'funds_central_yuan',
  'funds_provincial_yuan',
  'funds_local_yuan',
  'funds_other_yuan',
] as const;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Reads one document file into table rows: decode, extract, apply curated corrections, validate, and check every
 * row against the schema. A file that cannot be read, or whose rows a table cannot hold, yields a documents row
 * with status “error” and a read_error finding; the document's other rows are dropped, and nothing else is.
 */
export function readPlan(
  docId: string,
  file: string,
  bytes: Uint8Array,
  sidecar: Sidecar | null,
  ref: Reference = loadReference(),
): DocResult {
  try {
    const result = readPlanUnsafe(docId, file, bytes, sidecar, ref);
    if (result.ok) for (const [table, rows] of result.rows) checkRows(table, rows);
    return result;
  } catch (e) {
    return readPlanUnsafe(docId, file, bytes, null, ref, (e as Error).message);
  }
}

/** The rows of a document that could not be read: a documents row with status error, and a read_error finding. */
export function failedDocument(base: Row, error: string): DocResult {
  const docId = String(base.doc_id);
  const file = String(base.source_file);
  return {
    docId,
    ok: false,
    error,
    rows: new Map<Table, Row[]>([
      ...PLAN_TABLES.map((t): [Table, Row[]] => [t, []]),
      [DOCUMENTS, [{ ...base, status: 'error', error }]],
      [
        FINDINGS,
        [
          {
            doc_id: docId,
            finding_id: 'f001',
            check: 'read_error',
            severity: 'fail',
            status: 'fail',
            subject: 'document',
            message_zh: `无法读取文件 ${file}：${error}`,
            message_en: `Could not read ${file}: ${error}`,
            numerator: null,
            denominator: null,
            threshold: null,
            rule_id: null,
            evidence: '[]',
            span_start: null,
            span_end: null,
            quote: null,
          },
        ],
      ],
    ]),
    facts: 0,
    amounts: 0,
    accounted: 0,
    findings: 1,
  };
}

function readPlanUnsafe(
  docId: string,
  file: string,
  bytes: Uint8Array,
  sidecar: Sidecar | null,
  ref: Reference,
  error?: string,
): DocResult {
  const rows = new Map<Table, Row[]>(
    PLAN_TABLES.map(
      (t) => [t, []],
    ),
  );
  const push = (t: Table, r: Row) => rows.get(t)!.push(r);
  const decoded = decodeDocument(bytes);
  const base: Row = {
    doc_id: docId,
    source_file: file,
    sha256: decoded.sha256,
    source_url: sidecar?.source_url ?? null,
    retrieved_on: sidecar?.retrieved_on ?? null,
    licence: sidecar?.licence ?? null,
  };
  const fail = (error: string): DocResult => failedDocument(base, error);
  if (error) return fail(error);
  if (!DOC_ID.test(docId))
    return fail(
      `file name “${basename(file)}” is not a usable document id (letters, digits, . _ - only) / 文件名不可用作文件编号`,
    );
  if (!decoded.ok)
    return fail(`${decoded.reason}${decoded.offset !== undefined ? ` at byte ${decoded.offset}` : ''}`);
  const text = decoded.text;
  let x: Extraction;
  try {
    x = extract(text, ref.knownNames);
  } catch (e) {
    return fail(`extractor error: ${(e as Error).message}`);
  }
  const quote = (start: number, end: number) => text.slice(start, end);

  // —— curated corrections ——
  const corrected = new Set<string>();
  (sidecar?.corrections ?? []).forEach((c, i) => {
    const at = c.quote ? text.indexOf(c.quote) : -1;
    if (c.quote && at === -1)
      throw new Error(`${docId}.yaml correction ${i + 1}: quote “${c.quote}” is not in the text`);
    if (!c.reason) throw new Error(`${docId}.yaml correction ${i + 1}: a reason is required`);
    const action = c.action ?? 'set';
    const span = at === -1 ? null : { start: at, end: at + c.quote!.length };
    let target: string;
    let extracted: string | null = null;
    if (c.field) {
      if (!(CORRECTABLE_FIELDS as readonly string[]).includes(c.field))
        throw new Error(`${docId}.yaml correction ${i + 1}: unknown field ${c.field}`);
      if (!span)
        throw new Error(`${docId}.yaml correction ${i + 1}: a quote from the text is required for a value`);
      const key = c.field as (typeof CORRECTABLE_FIELDS)[number];
      extracted = x.fields[key] ? String(x.fields[key]!.value) : null;
      const numeric = key === 'program_year' || key.startsWith('funds');
      (x.fields as unknown as Record<string, unknown>)[key] =
        action === 'remove' ? null : { value: numeric ? Number(c.value) : String(c.value), ...span };
      corrected.add(key);
      target = `documents.${key}`;
    } else if (c.target) {
      if (!(TARGET_METRICS as readonly string[]).includes(c.target))
        throw new Error(`${docId}.yaml correction ${i + 1}: unknown metric ${c.target}`);
      const old = x.targets.filter(
        (t) =>
          t.metric === c.target &&
          (action !== 'remove' || c.value === undefined || t.value === Number(c.value)),
      );
      extracted = old.map((t) => t.value).join(', ') || null;
      x.targets = x.targets.filter((t) => !old.includes(t));
      if (action === 'set') {
        if (!span)
          throw new Error(`${docId}.yaml correction ${i + 1}: a quote from the text is required for a value`);
        const unit = old[0]?.unit ?? '';
        x.targets.push({
          metric: c.target as (typeof TARGET_METRICS)[number],
          value: Number(c.value),
          unit,
          comparator: old[0]?.comparator ?? '=',
          ...span,
        });
      }
      target = `targets.${c.target}`;
    } else throw new Error(`${docId}.yaml correction ${i + 1}: needs a field or a target`);
    push(CORRECTIONS, {
      doc_id: docId,
      correction_id: `c${i + 1}`,
      target,
      action,
      extracted_value: extracted,
      corrected_value: action === 'remove' ? null : String(c.value),
      reason: c.reason,
      span_start: span?.start ?? null,
      span_end: span?.end ?? null,
      quote: span ? quote(span.start, span.end) : null,
    });
  });

  const f = x.fields;
  // the county: its name as cited, normalized; the opening of the text may name its province or prefecture
  const resolution = f.county_name
    ? ref.resolve(
        countyKey(text, f.county_name.start, f.county_name.end),
        normalize(text.slice(0, 4000)).text,
      )
    : null;
  const division = resolution?.status === 'resolved' ? resolution.division : null;
  const place: Place | null = division && {
    name: division.name,
    level: division.level,
    province: division.province,
    village_committees:
      division.level === 'county' ? (ref.county.get(division.code)?.village_committees ?? null) : null,
  };
  // the programme's rules, coverage and dates concern plans (and their revisions), not news or reports
  const isPlan = f.doc_type.value === 'plan' || f.doc_type.value === 'revision';
  const findings: Finding[] = [...validate(x), ...(isPlan ? audit(x, text, place, ref.rules) : [])];
  if (f.county_name && resolution && resolution.status !== 'resolved') {
    const names = resolution.status === 'ambiguous' ? resolution.candidates : [];
    const listZh = names.map((c) => `${c.province}${c.prefecture}${c.name}（${c.code}）`).join('、');
    const listEn = names.map((c) => `${c.name} ${c.code} (${c.province})`).join(', ');
    findings.push({
      check: 'county_unresolved',
      severity: 'review',
      status: 'fail',
      subject: 'county_name',
      message_zh:
        resolution.status === 'ambiguous'
          ? `县名“${f.county_name.value}”对应多个行政区划：${listZh}，文中未能确定是哪一个，未作猜测。`
          : `县名“${f.county_name.value}”未能对应到行政区划代码（2023年区划代码及曾用名表中均无）。`,
      message_en:
        resolution.status === 'ambiguous'
          ? `The name “${f.county_name.value}” fits several divisions: ${listEn}; the text does not say which, so none is chosen.`
          : `The name “${f.county_name.value}” is not in the 2023 division codes or the table of former names.`,
      numerator: names.length || null,
      denominator: null,
      threshold: null,
      evidence: [f.county_name],
    });
  }
  const accounted = x.amounts.filter((a) => a.accountedBy !== null).length;
  push(DOCUMENT_TEXTS, { doc_id: docId, text });
  push(DOCUMENTS, {
    ...base,
    status: 'ok',
    error: null,
    doc_type: f.doc_type.value,
    title: f.title?.value ?? null,
    county_name: f.county_name?.value ?? null,
    county_code: division?.code ?? null,
    division_level: division?.level ?? null,
    county_resolved_by: resolution?.status === 'resolved' ? resolution.via : null,
    prefecture: division?.level === 'county' ? division.prefecture : null,
    province: division?.province ?? null,
    doc_number: f.doc_number?.value ?? null,
    issuer: f.issuer?.value ?? null,
    issued_on: f.issued_on?.value ?? null,
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
    amounts_accounted: accounted,
    corrections: sidecar?.corrections?.length ?? 0,
    encoding: decoded.encoding,
    chars: text.length,
  });
  for (const [field, cited] of Object.entries(f)) {
    if (!cited) continue;
    push(DOCUMENT_FIELDS, {
      doc_id: docId,
      field,
      value: String(cited.value),
      corrected: corrected.has(field),
      span_start: cited.start,
      span_end: cited.end,
      quote: quote(cited.start, cited.end),
    });
  }
  const labels = new Map(x.allocations.map((a) => [a.itemId, a.label]));
  for (const a of x.allocations) {
    push(ALLOCATIONS, {
      doc_id: docId,
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
      span_start: a.start,
      span_end: a.end,
      quote: quote(a.start, a.end),
    });
  }
  [...x.targets]
    .sort((a, b) => a.start - b.start || a.metric.localeCompare(b.metric))
    .forEach((t, i) => {
      push(TARGETS, {
        doc_id: docId,
        target_id: `t${pad(i + 1, 3)}`,
        metric: t.metric,
        value: t.value,
        unit: t.unit,
        comparator: t.comparator,
        span_start: t.start,
        span_end: t.end,
        quote: quote(t.start, t.end),
      });
    });
  x.phases.forEach((p, i) => {
    push(PHASES, {
      doc_id: docId,
      phase_id: `p${pad(i + 1, 2)}`,
      name: p.name,
      start_month: p.startMonth,
      end_month: p.endMonth,
      span_start: p.start,
      span_end: p.end,
      quote: quote(p.start, p.end),
    });
  });
  x.products.forEach((p, i) => {
    push(PRODUCTS, {
      doc_id: docId,
      product_id: `r${pad(i + 1, 3)}`,
      name: p.name,
      span_start: p.start,
      span_end: p.end,
      quote: quote(p.start, p.end),
    });
  });
  x.amounts.forEach((a, i) => {
    push(AMOUNTS, {
      doc_id: docId,
      amount_id: `m${pad(i + 1, 4)}`,
      amount_yuan: a.yuan,
      accounted_by: a.accountedBy,
      note: a.note,
      context: text.slice(Math.max(0, a.start - 30), a.end + 30).replace(/\s+/g, ' '),
      span_start: a.start,
      span_end: a.end,
      quote: quote(a.start, a.end),
    });
  });
  findings.forEach((g, i) => {
    const main = g.evidence[0] ?? null;
    push(FINDINGS, {
      doc_id: docId,
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
      quote: main ? quote(main.start, main.end) : null,
    });
  });
  const facts =
    x.allocations.length +
    x.targets.length +
    x.phases.length +
    x.products.length +
    Object.values(f).filter(Boolean).length;
  return {
    docId,
    ok: true,
    error: null,
    rows,
    facts,
    amounts: x.amounts.length,
    accounted,
    findings: findings.length,
  };
}

/**
 * The text of a sidecar, or null when there is none. A sidecar that is not a regular file in the meta folder (a
 * FIFO, which would block the run; a folder; a link leaving the folder) or cannot be read fails its document.
 */
async function readSidecar(file: string, metaDir: string): Promise<string | null> {
  const exists = await lstat(file).then(
    () => true,
    (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : Promise.reject(e)),
  );
  if (!exists) return null;
  const why = await refusal(file, await realpath(metaDir));
  if (why) throw new Error(`${file}: ${why}`);
  return readFile(file, 'utf8');
}

/** The county name for resolution: the cited text, normalized (Traditional → Simplified, spaces removed). */
const countyKey = (text: string, start: number, end: number) =>
  normalize(text.slice(start, end)).text.replace(/\s/g, '');

/**
 * Reads a folder of plan texts (*.txt) with their optional sidecars, one document at a time. Entries that are not
 * documents are named through `effects.problem` and returned as skipped; refused entries (a FIFO, a folder, a link
 * leaving the folder, two files with one id) become failed documents like unreadable files.
 */
export async function readPlans(
  dir: string,
  metaDir: string | null,
  effects: Effects,
  ref: Reference = loadReference(),
): Promise<{ results: DocResult[]; skipped: { name: string; reason: string }[] }> {
  const listing = await listDocuments(dir);
  for (const s of listing.skipped) effects.problem(`skipped ${s.path}: ${s.reason}`);
  const results: DocResult[] = [];
  const all = [...listing.documents.map((d) => ({ ...d, reason: null })), ...listing.refused].sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );
  for (const [i, entry] of all.entries()) {
    const { docId, name, path } = entry;
    // a path relative to where the pipeline runs, so that the output does not depend on the machine
    const file = relative(process.cwd(), path) || name;
    const n = `[${i + 1}/${all.length}]`;
    let result: DocResult;
    if (entry.reason !== null) {
      result = failedDocument({ doc_id: docId, source_file: file, sha256: null }, entry.reason);
    } else {
      let sidecar: Sidecar | null = null;
      let bytes = new Uint8Array();
      try {
        bytes = await readFile(path);
        if (metaDir) {
          const metaFile = join(metaDir, `${docId}.yaml`);
          const yamlText = await readSidecar(metaFile, metaDir);
          if (yamlText !== null) {
            try {
              sidecar = (parseYaml(yamlText) as Sidecar | null) ?? {};
            } catch (e) {
              throw new Error(`${metaFile}: ${(e as Error).message}`);
            }
          }
        }
        result = readPlan(docId, file, bytes, sidecar, ref);
      } catch (e) {
        result = readPlanUnsafe(docId, file, bytes, null, ref, (e as Error).message);
      }
    }
    if (result.ok) {
      const d = result.rows.get(DOCUMENTS)![0]!;
      effects.progress(
        `${n} ${docId}  ${d.doc_type}  ${d.county_name ?? '?'}  ${result.rows.get(ALLOCATIONS)!.length} allocations, ${result.rows.get(TARGETS)!.length} targets, ${result.rows.get(PHASES)!.length} phases, ${result.accounted}/${result.amounts} amounts accounted, ${result.findings} findings`,
      );
    } else {
      effects.problem(`${n} ${path}: ${result.error}`);
    }
    results.push(result);
  }
  return { results, skipped: listing.skipped };
}
