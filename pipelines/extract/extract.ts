import { prepare } from '../normalize/doc.ts';
import { outline } from '../normalize/outline.ts';
import { extractFunds } from './funds.ts';
import { phases, statedPeriod } from './matchers/dates.ts';
import {
  cite,
  countyName,
  docNumber,
  docType,
  issuedOn,
  issuer,
  programLevel,
  programYear,
  title,
} from './matchers/meta.ts';
import { refusedAmounts } from './matchers/money.ts';
import { products } from './matchers/products.ts';
import { targets } from './matchers/targets.ts';
import type { Cited, DocumentFields, Extraction } from './types.ts';

/**
 * Reads one document's text (as published, BOM removed) into facts, each with the span of the text it came from.
 * A pure function of the text (and of the known county names, used only when no county opens the title).
 */
export function extract(text: string, knownNames: readonly string[] = []): Extraction {
  const doc = prepare(text);
  const headings = outline(doc);
  const titleFound = title(doc);
  const funds = extractFunds(doc, headings);
  const phaseList = phases(doc);
  const period = statedPeriod(doc);

  const total = (slot: keyof typeof funds.totals.slots): Cited<number> | null => {
    const t = funds.totals.slots[slot];
    return t ? cite(doc, { value: t.yuan, nstart: t.nstart, nend: t.nend }) : null;
  };
  // the period: as stated, else from the first phase's start to the last phase's end
  let periodStart: Cited<string> | null = null;
  let periodEnd: Cited<string> | null = null;
  if (period) {
    const span = doc.span(period.nstart, period.nend);
    periodStart = { value: period.start, ...span };
    periodEnd = { value: period.end, ...span };
  } else if (phaseList.length > 0) {
    const first = phaseList.find((p) => p.startMonth !== null);
    const last = [...phaseList]
      .filter((p) => p.endMonth !== null)
      .sort((a, b) => (a.endMonth! < b.endMonth! ? -1 : 1))
      .pop();
    if (first && first === phaseList[0])
      periodStart = { value: first.startMonth!, start: first.start, end: first.end };
    if (last) periodEnd = { value: last.endMonth!, start: last.start, end: last.end };
  }

  const fields: DocumentFields = {
    doc_type: cite(doc, docType(doc, titleFound))!,
    county_name: cite(doc, countyName(doc, titleFound, knownNames)),
    title: cite(doc, titleFound),
    doc_number: cite(doc, docNumber(doc)),
    issuer: cite(doc, issuer(doc)),
    issued_on: cite(doc, issuedOn(doc)),
    program_year: cite(doc, programYear(doc, titleFound)),
    program_level: cite(doc, programLevel(doc, titleFound)),
    period_start: periodStart,
    period_end: periodEnd,
    funds_total_yuan: total('amount'),
    funds_central_yuan: total('central'),
    funds_provincial_yuan: total('provincial'),
    funds_local_yuan: total('local'),
    funds_other_yuan: total('other'),
  };
  // a county name is cited as written (Traditional characters included)
  if (fields.county_name)
    fields.county_name.value = text.slice(fields.county_name.start, fields.county_name.end);

  return {
    fields,
    allocations: funds.allocations,
    targets: targets(doc),
    phases: phaseList,
    products: products(doc),
    // the amounts refused by the money matcher, and table cells refused by its rule, never reach the fund tree,
    // but they are kept here, in text order
    amounts: [
      ...funds.mentions.map((m) => ({
        yuan: m.yuan as number | null,
        ...doc.span(m.nstart, m.nend),
        accountedBy: m.accountedBy,
        note: m.accountedBy ? null : (m.note ?? 'unnamed'),
      })),
      ...[...refusedAmounts(doc), ...funds.refused].map((r) => ({
        yuan: r.yuan,
        ...doc.span(r.nstart, r.nend),
        accountedBy: null,
        note: r.note,
        refusal: r.refusal,
      })),
    ].sort((a, b) => a.start - b.start),
    fundConflicts: funds.totals.conflicts.map((c) => ({
      slot: c.slot,
      yuan: c.yuan,
      ...doc.span(c.nstart, c.nend),
    })),
  };
}
