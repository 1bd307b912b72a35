import { type Doc, prepare } from '../normalize/doc.ts';
import { outline } from '../normalize/outline.ts';
import { extractFunds, type FundsResult } from './funds.ts';
import { achievementsOf, commitmentsOrDone } from './matchers/achievements.ts';
import { commitments, contacts } from './matchers/commitments.ts';
import { type MonthRange, phases, statedPeriod } from './matchers/dates.ts';
import {
  cite,
  countyName,
  docNumber,
  docType,
  type Found,
  issuedOn,
  issuer,
  programLevel,
  programYear,
  publication,
  title,
} from './matchers/meta.ts';
import { refusedAmounts } from './matchers/money.ts';
import { products } from './matchers/products.ts';
import { statedShares } from './matchers/shares.ts';
import { targets } from './matchers/targets.ts';
import type { Cited, DocumentFields, Extraction, Phase } from './types.ts';

/** The period's start and end, each cited. */
interface Period {
  start: Cited<string> | null;
  end: Cited<string> | null;
}

/** The plan's period: as stated, else from the first phase's start to the last phase's end. */
function periodOf(doc: Doc, period: MonthRange | null, phaseList: readonly Phase[]): Period {
  if (period) {
    const span = doc.span(period.nstart, period.nend);
    return { start: { value: period.start, ...span }, end: { value: period.end, ...span } };
  }
  if (phaseList.length === 0) return { start: null, end: null };
  const first = phaseList.find((p) => p.startMonth !== null);
  const last = [...phaseList]
    .filter((p) => p.endMonth !== null)
    .sort((a, b) => (a.endMonth! < b.endMonth! ? -1 : 1))
    .pop();
  return {
    // a start only when the first phase gives one: a later phase's start would shorten the period
    start:
      first && first === phaseList[0]
        ? { value: first.startMonth!, start: first.start, end: first.end }
        : null,
    end: last ? { value: last.endMonth!, start: last.start, end: last.end } : null,
  };
}

/** One of the document's fund totals (the amount, or one fund source), cited; null when the text gives none. */
function fundTotal(
  doc: Doc,
  funds: FundsResult,
  slot: keyof FundsResult['totals']['slots'],
): Cited<number> | null {
  const t = funds.totals.slots[slot];
  return t ? cite(doc, { value: t.yuan, nstart: t.nstart, nend: t.nend }) : null;
}

/** What the document fields are read from besides the document: its title, its place, funds and period. */
interface FieldSources {
  text: string;
  titleFound: Found<string> | null;
  county: Found<string> | null;
  funds: FundsResult;
  period: Period;
}

/** The document's fields (type, county, title, number, issuer, dates, programme, period, fund totals), cited. */
function documentFields(doc: Doc, s: FieldSources): DocumentFields {
  const { titleFound, funds } = s;
  const published = publication(doc);
  const fields: DocumentFields = {
    doc_type: cite(doc, docType(doc, titleFound))!,
    county_name: cite(doc, s.county),
    title: cite(doc, titleFound),
    doc_number: cite(doc, docNumber(doc)),
    issuer: cite(doc, issuer(doc)),
    issued_on: cite(doc, issuedOn(doc)),
    published_on: cite(doc, published.on),
    published_by: cite(doc, published.by),
    program_year: cite(doc, programYear(doc, titleFound)),
    program_level: cite(doc, programLevel(doc, titleFound)),
    period_start: s.period.start,
    period_end: s.period.end,
    funds_total_yuan: fundTotal(doc, funds, 'amount'),
    funds_central_yuan: fundTotal(doc, funds, 'central'),
    funds_provincial_yuan: fundTotal(doc, funds, 'provincial'),
    funds_local_yuan: fundTotal(doc, funds, 'local'),
    funds_other_yuan: fundTotal(doc, funds, 'other'),
  };
  // a county name is cited as written (Traditional characters included)
  if (fields.county_name)
    fields.county_name.value = s.text.slice(fields.county_name.start, fields.county_name.end);
  return fields;
}

/**
 * Every money amount of the text, in text order: those the fund reader placed or left unaccounted, then the
 * amounts refused by the money matcher and the table cells refused by its rule, which never reach the fund tree
 * but are kept here.
 */
function amountsOf(doc: Doc, funds: FundsResult): Extraction['amounts'] {
  return [
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
  ].sort((a, b) => a.start - b.start);
}

/**
 * Reads one document's text (as published, BOM removed) into facts, each with the span of the text it came from.
 * A pure function of the text (and of the known county names, matched only where the document names its place).
 */
export function extract(text: string, knownNames: readonly string[] = []): Extraction {
  const doc = prepare(text);
  const headings = outline(doc);
  const titleFound = title(doc);
  const funds = extractFunds(doc, headings);
  const phaseList = phases(doc);
  const period = periodOf(doc, statedPeriod(doc), phaseList);
  const { found: county, note: place } = countyName(doc, titleFound, knownNames);
  const fields = documentFields(doc, { text, titleFound, county, funds, period });
  const figures = achievementsOf(doc, targets(doc), fields.doc_type.value, fields.issued_on?.value ?? null);
  return {
    fields,
    countyNote:
      place?.kind === 'several'
        ? { kind: 'several', names: place.names.map((n) => cite(doc, n)!) }
        : place?.kind === 'own'
          ? { kind: 'own', at: cite(doc, place.at)! }
          : null,
    allocations: funds.allocations,
    targets: figures.targets,
    achievements: figures.achievements,
    phases: phaseList,
    products: products(doc),
    ...commitmentsOrDone(doc, commitments(doc), fields.doc_type.value, fields.issued_on?.value ?? null),
    contacts: contacts(doc),
    statedShares: statedShares(doc),
    amounts: amountsOf(doc, funds),
    fundConflicts: funds.totals.conflicts.map((c) => ({
      slot: c.slot,
      yuan: c.yuan,
      ...doc.span(c.nstart, c.nend),
    })),
  };
}
