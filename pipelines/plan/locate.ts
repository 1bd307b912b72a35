/**
 * Where a document is: the division its cited name resolves to (official name and code from the division table),
 * the place the audit needs, and a county_unresolved finding when the name fits several divisions or none. A name
 * that does not settle the place is never guessed.
 */
import type { Place } from '../check/audit.ts';
import type { Finding } from '../check/validate.ts';
import type { Extraction } from '../extract/types.ts';
import { normalize } from '../normalize/normalize.ts';
import type { Reference } from '../reference/index.ts';
import type { Resolution } from '../reference/resolve.ts';

/** The resolved division of a document, with how it was resolved, or nulls. */
export interface Location {
  resolution: Resolution | null;
  division: Extract<Resolution, { status: 'resolved' }>['division'] | null;
  place: Place | null;
  /** the county_unresolved finding, when the cited name settles no division */
  finding: Finding | null;
}

/** The county name for resolution: the cited text, normalized (Traditional → Simplified, spaces removed). */
const countyKey = (text: string, start: number, end: number) =>
  normalize(text.slice(start, end)).text.replace(/\s/g, '');

/** Locates a document from its cited county name; the opening of the text may name its province or prefecture. */
export function locate(text: string, x: Extraction, ref: Reference): Location {
  const cited = x.fields.county_name;
  const resolution = cited
    ? ref.resolve(countyKey(text, cited.start, cited.end), normalize(text.slice(0, 4000)).text)
    : null;
  const division = resolution?.status === 'resolved' ? resolution.division : null;
  const place: Place | null = division && {
    name: division.name,
    level: division.level,
    province: division.province,
    village_committees:
      division.level === 'county' ? (ref.county.get(division.code)?.village_committees ?? null) : null,
  };
  const finding =
    cited && resolution && resolution.status !== 'resolved'
      ? unresolved(cited, resolution)
      : !cited && x.countyNote
        ? unnamed(x.countyNote)
        : null;
  return { resolution, division, place, finding };
}

/** The finding for a document that names several places, or only itself (我县): no county, and why. */
function unnamed(note: NonNullable<Extraction['countyNote']>): Finding {
  const several = note.kind === 'several';
  const names = several ? note.names.map((n) => n.value) : [];
  return {
    check: 'county_unresolved',
    severity: 'review',
    status: 'fail',
    subject: 'county_name',
    message_zh: several
      ? `文件指明的地方不止一个（${names.join('、')}），未能确定它属于哪个县，未作猜测。`
      : `文件只称“${note.at.value}”，没有写明是哪个县，未作猜测。`,
    message_en: several
      ? `The document names several places (${names.join(', ')}); which county it belongs to is not settled, so none is chosen.`
      : `The document calls its place only “${note.at.value}” (“our county”) and never names it, so none is chosen.`,
    numerator: several ? names.length : null,
    denominator: null,
    threshold: null,
    evidence: several ? note.names : [note.at],
  };
}

/** The finding for a cited name that fits several divisions (listed) or none. */
function unresolved(
  cited: NonNullable<Extraction['fields']['county_name']>,
  resolution: Exclude<Resolution, { status: 'resolved' }>,
): Finding {
  const names = resolution.status === 'ambiguous' ? resolution.candidates : [];
  const listZh = names.map((c) => `${c.province}${c.prefecture}${c.name}（${c.code}）`).join('、');
  const listEn = names.map((c) => `${c.name} ${c.code} (${c.province})`).join(', ');
  return {
    check: 'county_unresolved',
    severity: 'review',
    status: 'fail',
    subject: 'county_name',
    message_zh:
      resolution.status === 'ambiguous'
        ? `县名“${cited.value}”对应多个行政区划：${listZh}，文中未能确定是哪一个，未作猜测。`
        : `县名“${cited.value}”未能对应到行政区划代码（2023年区划代码及曾用名表中均无）。`,
    message_en:
      resolution.status === 'ambiguous'
        ? `The name “${cited.value}” fits several divisions: ${listEn}; the text does not say which, so none is chosen.`
        : `The name “${cited.value}” is not in the 2023 division codes or the table of former names.`,
    numerator: names.length || null,
    denominator: null,
    threshold: null,
    evidence: [cited],
  };
}
