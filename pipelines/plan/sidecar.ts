/**
 * A document's curated sidecar (data/plans/meta/<doc_id>.yaml): where it was published, and corrections to the
 * reading, each with its reason and a quote from the text. Applying a correction changes the extraction and leaves
 * a row of `corrections` saying what was read, what it became, and why.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import type { Row } from '../contract/schema.ts';
import { DOCUMENT_FIELDS, type DocumentField, TARGET_METRICS, type TargetMetric } from '../contract/vocab.ts';
import type { Extraction } from '../extract/types.ts';
import { refusal } from '../read/plan-files.ts';

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
  /** a fact to confirm as read: its table and id, as the review table names it (targets.t003) */
  fact?: string;
  action?: 'set' | 'remove' | 'confirm';
  value?: string | number;
  quote?: string;
  reason: string;
}

/**
 * The text of a sidecar, or null when there is none. A sidecar that is not a regular file in the meta folder (a
 * FIFO, which would block the run; a folder; a link leaving the folder) or cannot be read fails its document.
 */
export async function readSidecar(file: string, metaDir: string): Promise<string | null> {
  const exists = await lstat(file).then(
    () => true,
    (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : Promise.reject(e)),
  );
  if (!exists) return null;
  const why = await refusal(file, await realpath(metaDir));
  if (why) throw new Error(`${file}: ${why}`);
  return readFile(file, 'utf8');
}

/** One correction applied: the table it touched, what had been read, and its span in the text. */
interface Applied {
  target: string;
  extracted: string | null;
  span: { start: number; end: number } | null;
}

/** Sets or removes a document field as a correction says; throws naming the sidecar when it cannot. */
function correctField(x: Extraction, c: Correction, span: Applied['span'], where: string): Applied {
  if (!(DOCUMENT_FIELDS as readonly string[]).includes(c.field!))
    throw new Error(`${where}: unknown field ${c.field}`);
  if (!span) throw new Error(`${where}: a quote from the text is required for a value`);
  const key = c.field as DocumentField;
  const extracted = x.fields[key] ? String(x.fields[key]!.value) : null;
  const numeric = key === 'program_year' || key.startsWith('funds');
  (x.fields as unknown as Record<string, unknown>)[key] =
    c.action === 'remove' ? null : { value: numeric ? Number(c.value) : String(c.value), ...span };
  return { target: `documents.${key}`, extracted, span };
}

/** Sets a target (replacing the values read for its metric) or removes it, as a correction says. */
function correctTarget(x: Extraction, c: Correction, span: Applied['span'], where: string): Applied {
  if (!(TARGET_METRICS as readonly string[]).includes(c.target!))
    throw new Error(`${where}: unknown metric ${c.target}`);
  const action = c.action ?? 'set';
  const old = x.targets.filter(
    (t) =>
      t.metric === c.target && (action !== 'remove' || c.value === undefined || t.value === Number(c.value)),
  );
  const extracted = old.map((t) => t.value).join(', ') || null;
  x.targets = x.targets.filter((t) => !old.includes(t));
  if (action === 'set') {
    if (!span) throw new Error(`${where}: a quote from the text is required for a value`);
    x.targets.push({
      metric: c.target as TargetMetric,
      value: Number(c.value),
      unit: old[0]?.unit ?? '',
      comparator: old[0]?.comparator ?? '=',
      ...span,
    });
  }
  return { target: `targets.${c.target}`, extracted, span };
}

/**
 * Applies a sidecar's corrections to an extraction (in place), in order. Returns the corrected document fields and
 * a `corrections` row per correction; throws, naming the sidecar and the correction, on a quote that is not in the
 * text, a missing reason, or an unknown field or metric.
 */
export function applyCorrections(
  docId: string,
  text: string,
  x: Extraction,
  sidecar: Sidecar | null,
): { corrected: Set<string>; rows: Row[]; confirms: Confirm[] } {
  const corrected = new Set<string>();
  const rows: Row[] = [];
  const confirms: Confirm[] = [];
  (sidecar?.corrections ?? []).forEach((c, i) => {
    const where = `${docId}.yaml correction ${i + 1}`;
    const at = c.quote ? text.indexOf(c.quote) : -1;
    if (c.quote && at === -1) throw new Error(`${where}: quote “${c.quote}” is not in the text`);
    if (!c.reason) throw new Error(`${where}: a reason is required`);
    const action = c.action ?? 'set';
    const span = at === -1 ? null : { start: at, end: at + c.quote!.length };
    if (action === 'confirm') {
      if (!c.fact || !span)
        throw new Error(`${where}: a confirmation needs the fact (targets.t003) and a quote`);
      confirms.push({ fact: c.fact, span, where });
      rows.push(correctionRow(docId, i, { target: c.fact, extracted: null, span }, c, text));
      return;
    }
    if (!c.field && !c.target) throw new Error(`${where}: needs a field or a target`);
    const applied = c.field ? correctField(x, c, span, where) : correctTarget(x, c, span, where);
    if (c.field) corrected.add(c.field);
    rows.push(correctionRow(docId, i, applied, c, text));
  });
  return { corrected, rows, confirms };
}

/** A fact a sidecar confirms as read, with the quote that shows it. */
export interface Confirm {
  fact: string;
  span: { start: number; end: number };
  /** the sidecar and the correction's position, for messages */
  where: string;
}

/** The corrections row of a correction applied (or a confirmation). */
function correctionRow(docId: string, i: number, applied: Applied, c: Correction, text: string): Row {
  const action = c.action ?? 'set';
  const span = applied.span;
  return {
    doc_id: docId,
    correction_id: `c${i + 1}`,
    target: applied.target,
    action,
    extracted_value: applied.extracted,
    corrected_value: action === 'remove' || action === 'confirm' ? null : String(c.value),
    reason: c.reason,
    span_start: span?.start ?? null,
    span_end: span?.end ?? null,
    quote: span ? text.slice(span.start, span.end) : null,
  };
}
