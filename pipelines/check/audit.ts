import { group, percent, yuanEn, yuanZh } from '../contract/format.ts';
import { stationTargets } from '../contract/stations.ts';
import { CATEGORY, type Category } from '../contract/vocab.ts';
import type { Allocation, Extraction, Target } from '../extract/types.ts';
import { applicability, type Rule } from '../reference/rules.ts';
import { fundTree } from './fund-tree.ts';
import type { Finding } from './validate.ts';

/** The division a document is about, as far as the audit needs it. */
export interface Place {
  name: string;
  level: 'county' | 'prefecture';
  province: string;
  /** 村民委员会 (administrative villages) in the 2023 division codes; null for a prefecture */
  village_committees: number | null;
}

type Span = { start: number; end: number };
const spanOf = (s: Span): Span => ({ start: s.start, end: s.end });
const CMP_ZH = { '>=': '不低于', '<=': '不高于' } as const;
const CMP_EN = { '>=': 'at least', '<=': 'at most' } as const;
const holds = (value: number, cmp: '>=' | '<=', bound: number) =>
  cmp === '>=' ? value >= bound - 1e-9 : value <= bound + 1e-9;

/**
 * Checks a document against the programme's rules, the division table and its own dates. Every check that
 * applies yields a finding, including those that cannot be computed (not_enough_data, with the reason).
 * Worded as facts about the document: a rule “in principle” (原则上) not met is for review, not a verdict.
 */
export function audit(x: Extraction, text: string, place: Place | null, rules: readonly Rule[]): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) out.push(checkRule(rule, x, place));
  out.push(villageCoverage(x, text, place));
  out.push(...dates(x));
  return out;
}

const base = (check: string, subject: string, rule_id: string | null = null) => ({
  check,
  subject,
  rule_id,
  numerator: null,
  denominator: null,
  threshold: null,
  evidence: [] as Span[],
});

/** A document's central funds per item: stated, or the item's amount when the document has central funds only. */
function checkRule(rule: Rule, x: Extraction, place: Place | null): Finding {
  const f = x.fields;
  // the rule's bound (the rules loader refuses =), published with every finding of the rule
  const comparator = rule.comparator === '<=' ? '<=' : rule.comparator === '>=' ? '>=' : null;
  const b = { ...base(`rule:${rule.check}`, rule.id, rule.id), comparator } as const;
  const unverified = rule.source_status === 'unverified';
  const caveatZh = unverified ? '（规则出处未经核实，见规则说明）' : '';
  const caveatEn = unverified ? ' (the rule’s source is not verified; see the rule’s note)' : '';
  const when = applicability(rule, {
    year: f.program_year?.value ?? null,
    level: f.program_level?.value ?? null,
    province: place?.province ?? null,
  });
  if (when.status !== 'applies')
    return {
      ...b,
      severity: 'info',
      status: when.status,
      message_zh: `${when.status === 'not_applicable' ? '不适用' : '无法判断是否适用'}：${when.zh}。规则：${rule.rule_zh}`,
      message_en: `${when.status === 'not_applicable' ? 'Not applicable' : 'Cannot tell whether it applies'}: ${when.en}. Rule: ${rule.rule_en}`,
      evidence: [f.program_year, f.program_level].filter((c) => c !== null).map(spanOf),
    };
  const notEnough = (zh: string, en: string, evidence: Span[] = []): Finding => ({
    ...b,
    severity: 'info',
    status: 'not_enough_data',
    threshold: rule.threshold ?? null,
    message_zh: `无法核对“${rule.rule_zh}”：${zh}。`,
    message_en: `Cannot check “${rule.rule_en}”: ${en}.`,
    evidence,
  });
  const bounded = (
    value: number,
    numerator: number,
    denominator: number,
    zh: string,
    en: string,
    evidence: Span[],
  ) => {
    const cmp = rule.comparator as '>=' | '<=';
    const ok = holds(value, cmp, rule.threshold!);
    return {
      ...b,
      severity: ok ? 'info' : 'review',
      status: ok ? 'pass' : 'fail',
      numerator,
      denominator,
      threshold: rule.threshold!,
      message_zh: `${zh}为 ${percent(value)}；规则要求原则上${CMP_ZH[cmp]} ${percent(rule.threshold!, 0)}${ok ? '，符合' : '，未达到'}。${caveatZh}`,
      message_en: `${en} is ${percent(value)}; the rule asks for ${CMP_EN[cmp]} ${percent(rule.threshold!, 0)} in principle${ok ? ', which this meets' : ', which this does not meet'}.${caveatEn}`,
      evidence,
    } satisfies Finding;
  };

  if (rule.check === 'matching_ratio') {
    if (!f.funds_central_yuan)
      return notEnough('文件未列中央财政资金', 'the document states no central funds');
    if (!f.funds_local_yuan)
      return notEnough('文件未列县级配套资金', 'the document states no local matching funds', [
        spanOf(f.funds_central_yuan),
      ]);
    const ratio = f.funds_local_yuan.value / f.funds_central_yuan.value;
    return bounded(
      ratio,
      f.funds_local_yuan.value,
      f.funds_central_yuan.value,
      `县级配套资金 ${yuanZh(f.funds_local_yuan.value)} 占中央财政资金 ${yuanZh(f.funds_central_yuan.value)} 的比例`,
      `Local matching funds of ${yuanEn(f.funds_local_yuan.value)} against central funds of ${yuanEn(f.funds_central_yuan.value)}`,
      [spanOf(f.funds_local_yuan), spanOf(f.funds_central_yuan)],
    );
  }

  const central = fundTree(x);
  if (rule.check === 'negative_list') {
    const named = x.allocations
      .map((a) => ({ a, term: rule.terms!.find((t) => a.label.includes(t)) }))
      .filter((n): n is { a: Allocation; term: string } => n.term !== undefined);
    const withCentral = named.filter((n) => central.central(n.a) !== 0);
    const localOnly = named.filter((n) => central.central(n.a) === 0);
    // one entry per label (an item repeated per year is listed once, with its count)
    const distinct = (ns: typeof named) => {
      const counts = new Map<string, number>();
      for (const n of ns) counts.set(n.a.label, (counts.get(n.a.label) ?? 0) + 1);
      return [...counts].map(([label, n]) => ({ label, n }));
    };
    const list = (ns: typeof named) =>
      distinct(ns)
        .map((d) => `“${d.label}”${d.n > 1 ? `（${d.n} 项）` : ''}`)
        .join('、');
    const listEn = (ns: typeof named) =>
      distinct(ns)
        .map((d) => `“${d.label}”${d.n > 1 ? ` (${d.n} items)` : ''}`)
        .join(', ');
    const evidence = [...withCentral, ...localOnly].map((n) => spanOf(n.a));
    if (x.allocations.length === 0)
      return notEnough('文件中未识别到资金分项', 'no fund items were read from the document');
    if (withCentral.length === 0)
      return {
        ...b,
        severity: 'info',
        status: 'pass',
        numerator: 0,
        denominator: x.allocations.length,
        message_zh:
          localOnly.length === 0
            ? `${x.allocations.length} 个资金分项中，没有名称涉及负面清单（${rule.terms!.join('、')}）的项目。${caveatZh}`
            : `名称涉及负面清单的分项 ${list(localOnly)} 仅列地方资金，未列中央财政资金。${caveatZh}`,
        message_en:
          localOnly.length === 0
            ? `None of the ${x.allocations.length} fund items names a term of the negative list (${rule.terms!.join(', ')}).${caveatEn}`
            : `The items ${listEn(localOnly)} name a term of the negative list and are funded from local funds only.${caveatEn}`,
        evidence,
      };
    return {
      ...b,
      severity: 'review',
      status: 'fail',
      numerator: withCentral.length,
      denominator: x.allocations.length,
      message_zh: `资金分项 ${list(withCentral)} 的名称涉及中央财政资金负面清单，且未注明仅用地方资金；请核对资金来源。名称相符不等于违规。${caveatZh}`,
      message_en: `The fund items ${listEn(withCentral)} name a term of the negative list for central funds and are not shown as locally funded; worth checking which funds pay for them. A matching name is not a breach.${caveatEn}`,
      evidence,
    };
  }

  // share_of_central
  if (!f.funds_central_yuan) return notEnough('文件未列中央财政资金', 'the document states no central funds');
  const total = f.funds_central_yuan.value;
  let selected: Allocation[];
  let whatZh: string;
  let whatEn: string;
  if (rule.label_pattern) {
    const re = new RegExp(rule.label_pattern);
    const exclude = rule.label_exclude ? new RegExp(rule.label_exclude) : null;
    const hit = (a: Allocation) => re.test(a.label) && !exclude?.test(a.label);
    const byId = new Map(x.allocations.map((a) => [a.itemId, a]));
    const ancestorHit = (a: Allocation): boolean => {
      const p = a.parentItemId ? byId.get(a.parentItemId) : undefined;
      return p ? hit(p) || ancestorHit(p) : false;
    };
    selected = x.allocations.filter((a) => hit(a) && !ancestorHit(a));
    whatZh = `名称含“${rule.label_pattern.replace(/\|/g, '/')}”的分项`;
    whatEn = `items whose label names ${rule.label_pattern.replace(/\|/g, ' or ')}`;
    if (selected.length === 0)
      return notEnough(
        `没有名称含“${rule.label_pattern.replace(/\|/g, '/')}”的资金分项`,
        `no fund item’s label names ${rule.label_pattern.replace(/\|/g, ' or ')}`,
        [spanOf(f.funds_central_yuan)],
      );
  } else {
    const cats = new Set<string>(rule.categories);
    selected = x.allocations.filter(
      (a) => !central.children.has(a.itemId) && a.category !== null && cats.has(a.category),
    );
    whatZh = `${rule.categories!.map((c) => CATEGORY[c as Category].zh).join('、')}类分项`;
    whatEn = `items in the categories ${rule.categories!.map((c) => CATEGORY[c as Category].en).join(', ')}`;
    if (x.allocations.length === 0)
      return notEnough('文件中未识别到资金分项', 'no fund items were read from the document', [
        spanOf(f.funds_central_yuan),
      ]);
  }
  const values = selected.map((a) => central.central(a));
  const evidence = [spanOf(f.funds_central_yuan), ...selected.map(spanOf)];
  if (values.some((v) => v === null))
    return notEnough(
      `${whatZh}未全部列出中央财政资金`,
      `not all ${whatEn} state their central funds`,
      evidence,
    );
  const sum = values.reduce<number>((acc, v) => acc + v!, 0);
  return bounded(
    sum / total,
    sum,
    total,
    `按本站分类，${whatZh}的中央财政资金合计 ${yuanZh(sum)}，占中央财政资金 ${yuanZh(total)} 的比例`,
    `By this site’s categories, the central funds of ${whatEn} total ${yuanEn(sum)}; their share of the ${yuanEn(total)} central funds`,
    evidence,
  );
}

/** 全县102个行政村: the plan's own count of administrative villages, when it gives one. */
const OWN_COUNT = /(?:全县|全市|全区|全旗|辖|共有|现有)[^，。；\n]{0,6}?(\d{1,4})\s*个(?:行政村|建制村)/;

/**
 * Stated village coverage against village stations ÷ administrative villages (村委会 in the 2023 division
 * codes, and the plan's own count when it gives one). Village stations: the stated total, else new + upgraded.
 */
function villageCoverage(x: Extraction, text: string, place: Place | null): Finding {
  const first = (m: string): Target | undefined => x.targets.find((t) => t.metric === m);
  const stated = first('village_coverage_pct');
  // the coverage a plan states is a floor (达到…以上) unless it says at most
  const b = {
    ...base('village_coverage', 'village_coverage_pct'),
    comparator: stated ? (stated.comparator === '<=' ? '<=' : '>=') : null,
  } as const;
  const planned = stationTargets(x.targets, 'village');
  const stations = planned?.value ?? null;
  const stationSpans = planned ? planned.from.map(spanOf) : [];
  const statedSpans = stated ? [spanOf(stated)] : [];
  if (stations === null)
    return {
      ...b,
      severity: 'info',
      status: 'not_enough_data',
      threshold: stated ? stated.value / 100 : null,
      message_zh: '文件未写明村级服务站数量，无法计算村级覆盖率。',
      message_en:
        'The document does not state how many village stations it builds, so village coverage cannot be computed.',
      evidence: statedSpans,
    };
  if (!place || place.village_committees === null || place.village_committees === 0)
    return {
      ...b,
      severity: 'info',
      status: 'not_enough_data',
      numerator: stations,
      threshold: stated ? stated.value / 100 : null,
      message_zh: place
        ? `文件所属为地级市（${place.name}），未按县核对村级覆盖率。`
        : '文件所属县未能识别，无法取得行政村数量。',
      message_en: place
        ? `The document is about a prefecture-level city (${place.name}); coverage is computed per county only.`
        : 'The document’s county is not resolved, so its number of administrative villages is unknown.',
      evidence: [...stationSpans, ...statedSpans],
    };
  const villages = place.village_committees;
  const share = stations / villages;
  const own = OWN_COUNT.exec(text);
  const ownCount = own ? Number(own[1]) : null;
  const ownSpan = own ? { start: own.index, end: own.index + own[0].length } : null;
  const ownZh = ownCount ? `；按文件所列 ${ownCount} 个行政村计为 ${percent(stations / ownCount)}` : '';
  const ownEn = ownCount
    ? `; against the ${ownCount} administrative villages the plan itself counts, ${percent(stations / ownCount)}`
    : '';
  const computed = `村级服务站 ${group(String(stations))} 个 ÷ 2023年区划代码中的村委会 ${group(String(villages))} 个 = ${percent(share)}${ownZh}`;
  const computedEn = `${stations} village stations ÷ ${villages} village committees in the 2023 division codes = ${percent(share)}${ownEn}`;
  const note = '（区划数据为2023年，文件可能使用其他年份或口径的行政村数。）';
  const noteEn =
    ' (The division data is from 2023; the plan may count villages differently or for another year.)';
  const evidence = [...statedSpans, ...stationSpans, ...(ownSpan ? [ownSpan] : [])];
  if (!stated)
    return {
      ...b,
      severity: 'info',
      status: 'not_applicable',
      numerator: stations,
      denominator: villages,
      message_zh: `文件未写明村级覆盖率。计算覆盖率：${computed}。${note}`,
      message_en: `The document states no village coverage. Computed coverage: ${computedEn}.${noteEn}`,
      evidence,
    };
  const claim = stated.value / 100;
  const ok =
    holds(share, stated.comparator === '<=' ? '<=' : '>=', claim) ||
    (ownCount !== null && stations / ownCount >= claim - 1e-9);
  return {
    ...b,
    severity: ok ? 'info' : 'review',
    status: ok ? 'pass' : 'fail',
    numerator: stations,
    denominator: villages,
    threshold: claim,
    message_zh: `文件所述村级覆盖率 ${percent(claim, 0)}；${computed}${ok ? '，与所述相符' : '，低于所述'}。${note}`,
    message_en: `The document states village coverage of ${percent(claim, 0)}; ${computedEn}${ok ? ', consistent with it' : ', below it'}.${noteEn}`,
    evidence,
  };
}

const sameSpan = (a: Span | null, b: Span) => a !== null && a.start === b.start && a.end === b.end;

/** Phases inside the implementation period; the document issued before its first phase ends. */
function dates(x: Extraction): Finding[] {
  const f = x.fields;
  const out: Finding[] = [];
  const b = base('phases_in_period', 'phases');
  const fromPhases = x.phases.some((p) => sameSpan(f.period_start, p) || sameSpan(f.period_end, p));
  if (x.phases.length === 0 || !f.period_start || !f.period_end || fromPhases) {
    out.push({
      ...b,
      severity: 'info',
      status: 'not_enough_data',
      message_zh:
        x.phases.length === 0
          ? '文件中未识别到实施阶段。'
          : '文件未单独写明实施期限（所示期限取自各阶段），无法核对阶段是否在期限之内。',
      message_en:
        x.phases.length === 0
          ? 'No implementation phases were read from the document.'
          : 'The document states no implementation period apart from its phases, so phases cannot be checked against it.',
      evidence: x.phases.map(spanOf),
    });
  } else {
    const lo = f.period_start.value;
    const hi = f.period_end.value;
    const outside = x.phases.filter(
      (p) => (p.startMonth !== null && p.startMonth < lo) || (p.endMonth !== null && p.endMonth > hi),
    );
    const ok = outside.length === 0;
    out.push({
      ...b,
      severity: ok ? 'info' : 'review',
      status: ok ? 'pass' : 'fail',
      numerator: outside.length,
      denominator: x.phases.length,
      message_zh: ok
        ? `${x.phases.length} 个实施阶段均在实施期限 ${lo} 至 ${hi} 之内。`
        : `实施期限为 ${lo} 至 ${hi}，阶段 ${outside.map((p) => `“${p.name}”（${p.startMonth ?? '?'} 至 ${p.endMonth ?? '?'}）`).join('、')} 超出该期限。`,
      message_en: ok
        ? `All ${x.phases.length} phases fall within the implementation period ${lo} to ${hi}.`
        : `The implementation period is ${lo} to ${hi}; ${outside.map((p) => `“${p.name}” (${p.startMonth ?? '?'} to ${p.endMonth ?? '?'})`).join(', ')} fall outside it.`,
      evidence: [spanOf(f.period_start), ...(ok ? x.phases : outside).map(spanOf)],
    });
  }
  const ends = x.phases
    .filter((p) => p.endMonth !== null)
    .sort((a, b) => (a.endMonth! < b.endMonth! ? -1 : 1));
  const firstEnd = ends[0];
  const d = base('issued_before_first_phase_end', 'issued_on');
  if (!f.issued_on || !firstEnd) {
    out.push({
      ...d,
      severity: 'info',
      status: 'not_enough_data',
      message_zh: !f.issued_on ? '文件未写明印发日期。' : '文件中未识别到有截止月份的实施阶段。',
      message_en: !f.issued_on
        ? 'The document states no date of issue.'
        : 'No implementation phase with an end month was read from the document.',
      evidence: f.issued_on ? [spanOf(f.issued_on)] : [],
    });
  } else {
    const issued = f.issued_on.value.slice(0, 7);
    const ok = issued <= firstEnd.endMonth!;
    out.push({
      ...d,
      severity: ok ? 'info' : 'review',
      status: ok ? 'pass' : 'fail',
      message_zh: ok
        ? `文件于 ${f.issued_on.value} 印发，早于第一个阶段“${firstEnd.name}”结束（${firstEnd.endMonth}）。`
        : `文件于 ${f.issued_on.value} 印发，晚于第一个阶段“${firstEnd.name}”的结束时间（${firstEnd.endMonth}）。`,
      message_en: ok
        ? `The document was issued on ${f.issued_on.value}, before its first phase “${firstEnd.name}” ends (${firstEnd.endMonth}).`
        : `The document was issued on ${f.issued_on.value}, after its first phase “${firstEnd.name}” was due to end (${firstEnd.endMonth}).`,
      evidence: [spanOf(f.issued_on), spanOf(firstEnd)],
    });
  }
  return out;
}
