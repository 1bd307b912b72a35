/**
 * What the overview shows, prepared at build time from the published tables (components/Overview.astro is its
 * markup): the headline comparison of the plans, the province tiles, every document with its key figures and the
 * sentence each was read from, the findings worth a second look, and the size of the published data.
 */
import { dateLabel, money, percent } from '../../pipelines/contract/format.ts';
import { FUND_FIELDS } from '../../pipelines/contract/vocab.ts';
import { fieldName, href, type Lang, levelName, metricName, t } from '../i18n/index.ts';
import { type Cited, stationFigure } from './county.ts';
import {
  counties,
  type DocumentFieldRow,
  type DocumentRow,
  documentFields,
  documents,
  type FindingRow,
  findings,
  metricsSummary,
  type Span,
  type TargetRow,
  targets,
} from './data.ts';
import { spanId } from './marks.ts';
import { PROVINCE_TILES } from './tiles.ts';
import { fieldText, inLanguage, targetName, targetText } from './wording.ts';

/** How many findings worth a second look the overview lists. */
const REVIEW_SHOWN = 10;

/** The figures shown under each document, in reading order: funds, period, then targets. */
const KEY_FIELDS = [...FUND_FIELDS, 'period_start', 'period_end'];

/** The published rows the overview reads, with the lookups it needs. */
interface Tables {
  docs: DocumentRow[];
  goals: TargetRow[];
  checks: FindingRow[];
  field: (d: DocumentRow, name: string) => DocumentFieldRow | undefined;
  cite: (docId: string, s: Span) => string;
}

async function tables(lang: Lang): Promise<Tables> {
  const fieldsOf = new Map<string, Map<string, DocumentFieldRow>>();
  for (const f of await documentFields()) {
    const m = fieldsOf.get(f.doc_id) ?? new Map<string, DocumentFieldRow>();
    m.set(f.field, f);
    fieldsOf.set(f.doc_id, m);
  }
  return {
    docs: await documents(),
    goals: await targets(),
    checks: await findings(),
    field: (d, name) => fieldsOf.get(d.doc_id)?.get(name),
    cite: (docId, s) => `${href(lang, `/documents/${docId}/`)}#${spanId(s.span_start, s.span_end)}`,
  };
}

const countyName = (d: DocumentRow) => d.county_name ?? d.doc_id;
const countyPage = (lang: Lang, d: DocumentRow) =>
  d.county_code ? href(lang, `/counties/${d.county_code}/`) : null;
/** Programme year and level: 2019 · 国家级. */
const about = (lang: Lang, d: DocumentRow) =>
  `${d.program_year ?? '—'} · ${levelName(lang, d.program_level)}`;

/** The stations of a tier (stated total, else new + upgraded), with a link to every target it rests on. */
function stationsCell(lang: Lang, x: Tables, d: DocumentRow, tier: 'township' | 'village') {
  const s = stationFigure(
    x.goals.filter((g) => g.doc_id === d.doc_id),
    tier,
  );
  if (!s) return null;
  return {
    text: String(s.value),
    parts: s.parts.map((p) => ({
      text: String(p.value),
      href: x.cite(d.doc_id, p),
      title: metricName(lang, p.metric),
    })),
  };
}

/** One plan's row of the headline comparison. */
function planRow(lang: Lang, x: Tables, d: DocumentRow) {
  const goal = (metric: string) => x.goals.find((g) => g.doc_id === d.doc_id && g.metric === metric);
  const cited = (g: TargetRow | undefined): Cited | null =>
    g ? { text: targetText(lang, g), href: x.cite(d.doc_id, g) } : null;
  const coverage = x.checks.find((f) => f.doc_id === d.doc_id && f.check === 'village_coverage');
  return {
    docId: d.doc_id,
    name: countyName(d),
    href: countyPage(lang, d),
    about: about(lang, d),
    funds: (['funds_total_yuan', 'funds_central_yuan'] as const).map((name) => {
      const f = x.field(d, name);
      return d[name] !== null && f ? { text: money(lang, d[name]), href: x.cite(d.doc_id, f) } : null;
    }),
    stations: [stationsCell(lang, x, d, 'township'), stationsCell(lang, x, d, 'village')],
    coverage: cited(goal('village_coverage_pct')),
    computed:
      coverage && coverage.numerator !== null && coverage.denominator
        ? percent(coverage.numerator / coverage.denominator)
        : '—',
    training: cited(goal('training_person_times')),
  };
}

/** A province tile: the number of counties whose plan is here, linking to the first. */
function tilesView(lang: Lang, docs: DocumentRow[]) {
  const byProvince = new Map<string, Set<string>>();
  for (const d of docs)
    if (d.province && d.county_code)
      byProvince.set(d.province, (byProvince.get(d.province) ?? new Set()).add(d.county_code));
  return PROVINCE_TILES.map((p) => {
    const codes = [...(byProvince.get(p.name) ?? [])];
    return {
      ...p,
      count: codes.length,
      href: codes.length ? href(lang, `/counties/${codes[0]}/`) : null,
      label: `${p.name}: ${codes.length}`,
    };
  });
}

/** A document's row of the documents table: its place, number, date, programme and funds, each cited. */
function documentRow(lang: Lang, x: Tables, d: DocumentRow) {
  const cited = (name: string, text: string | null) => {
    const f = x.field(d, name);
    return text && f ? { text, href: x.cite(d.doc_id, f) } : null;
  };
  return {
    docId: d.doc_id,
    error: d.status === 'error' ? d.error : null,
    href: href(lang, `/documents/${d.doc_id}/`),
    name: countyName(d),
    code: d.county_code ?? '—',
    province: d.province ?? '—',
    number: cited('doc_number', d.doc_number),
    issued: cited('issued_on', d.issued_on && dateLabel(lang, d.issued_on)),
    about: about(lang, d),
    funds: FUND_FIELDS.map((name) => {
      const f = x.field(d, name);
      const v = d[name];
      return v === null ? null : { text: money(lang, v), href: f ? x.cite(d.doc_id, f) : null };
    }),
  };
}

/** A document's key figures, each with the sentence it was read from. */
function figuresOf(lang: Lang, x: Tables, d: DocumentRow) {
  const fact = (label: string, value: string, s: Span) => ({
    label,
    value,
    href: x.cite(d.doc_id, s),
    quote: s.quote,
  });
  return {
    docId: d.doc_id,
    href: countyPage(lang, d) ?? href(lang, `/documents/${d.doc_id}/`),
    name: countyName(d),
    subtitle: d.title ?? d.doc_number ?? '',
    facts: [
      ...KEY_FIELDS.flatMap((name) => {
        const f = x.field(d, name);
        if (!f) return [];
        return [fact(fieldName(lang, name), fieldText(lang, name, f.value), f)];
      }),
      ...x.goals
        .filter((g) => g.doc_id === d.doc_id)
        .map((g) => fact(targetName(lang, g), targetText(lang, g), g)),
    ],
  };
}

/** The findings worth a second look: how many, and the first few with their sentences. */
function reviewView(lang: Lang, x: Tables) {
  const docById = new Map(x.docs.map((d) => [d.doc_id, d]));
  const review = x.checks.filter((f) => f.severity === 'review');
  return {
    count: t(lang, 'overview_review_count', { n: review.length }),
    shown: review.length > REVIEW_SHOWN ? t(lang, 'overview_review_shown', { n: REVIEW_SHOWN }) : '',
    items: review.slice(0, REVIEW_SHOWN).map((f) => {
      const d = docById.get(f.doc_id);
      const quoted = f.span_start !== null && f.span_end !== null && f.quote !== null;
      return {
        name: d ? countyName(d) : f.doc_id,
        message: inLanguage(lang, f, 'message'),
        quote: quoted
          ? {
              href: x.cite(f.doc_id, { span_start: f.span_start!, span_end: f.span_end!, quote: f.quote! }),
              text: f.quote!,
            }
          : null,
      };
    }),
  };
}

/** What the overview shows in a language. */
export async function overviewView(lang: Lang) {
  const x = await tables(lang);
  const metrics = await metricsSummary();
  const plans = x.docs.filter(
    (d) => d.status === 'ok' && (d.doc_type === 'plan' || d.doc_type === 'revision'),
  );
  return {
    title: t(lang, 'overview_page_title'),
    description: t(lang, 'overview_description'),
    plans: plans.map((d) => planRow(lang, x, d)),
    tiles: tilesView(lang, x.docs),
    documents: x.docs.map((d) => documentRow(lang, x, d)),
    figures: x.docs.filter((d) => d.status === 'ok').map((d) => figuresOf(lang, x, d)),
    review: reviewView(lang, x),
    synthetic:
      metrics.synthetic > 0
        ? `(${metrics.synthetic.toLocaleString('en-US')} / ${metrics.rows.toLocaleString('en-US')} ${t(lang, 'overview_rows')})`
        : null,
    divisions: t(lang, 'overview_divisions', { n: (await counties()).length.toLocaleString('en-US') }),
  };
}
