import type { Doc } from '../../normalize/doc.ts';
import { NUMBER, parseNumber } from '../numbers.ts';
import type { Comparator, Target, TargetMetric } from '../types.ts';

/** A target found in the normalized text, before its span is mapped to the original. */
interface Found {
  metric: TargetMetric;
  value: number;
  unit: string;
  comparator: Comparator;
  label?: string;
  nstart: number;
  nend: number;
}

const N = `(${NUMBER})`;
/** Clauses: targets never cross these. */
const CLAUSE = /[^，,。;；\n]+/g;

/** The comparator a phrase states: ≥ for 不低于/不少于/以上/至少/达到…以上, ≤ for 不超过/不得高于/以内/…小时内, = otherwise. */
export function comparatorOf(phrase: string): Comparator {
  if (
    /不超过|不高于|不得高于|不得超过|以内|之内|以下|小时内|天内|日内|小时完成|小时送达|小时到达|最多/.test(
      phrase,
    )
  )
    return '<=';
  if (/不低于|不少于|以上|至少|超过|高于|多于|不小于|不下于|及以上/.test(phrase)) return '>=';
  return '=';
}

const VERB_NEW = /新建|新增|新设|增设/;
const VERB_UPGRADED = /改造|升级|改建|提升|提档|优化/;
const SHOWCASE = /重点打造|示范|标杆|样板|星级/;

function tierOf(word: string): 'township' | 'village' | null {
  if (/村|农村/.test(word)) return 'village';
  if (/乡|镇/.test(word)) return 'township';
  return null;
}

/** 改造 6 个乡镇级电子商务服务站 / 建设村级电商服务站 124 个 / 整合建设 6 个乡（镇）级和 124 个村级电商服务站 */
const TIER = '(行政村|乡\\(镇\\)|乡镇|村|镇|乡)';
const VERB =
  '(改造提升|提升改造|升级改造|升级建设|提档升级|整合建设|整合升级|新建|新增|改造|改建|升级|提升|建设|建成|打造|设立|布局)?';
const STATION = '(?:服务站|服务点|站点|服务网点)';
/** a bound stated before the count: 不少于120个, 村级服务站不少于60个 */
const BOUND = '(?:不少于|不低于|至少|达到|超过)?';
const STATIONS_BEFORE = new RegExp(
  `${VERB}(?:现有的?|原有的?)?${BOUND}${N}个${TIER}级?((?:和|、|及)${N}个${TIER}级?)?[^\\d]{0,16}?${STATION}`,
  'g',
);
const STATIONS_AFTER = new RegExp(`${VERB}${TIER}级?[^\\d]{0,16}?${STATION}${BOUND}${N}个(?:以上)?`, 'g');

function stations(clause: string, at: number, out: Found[]) {
  if (!/站|点/.test(clause)) return;
  const before = STATIONS_BEFORE;
  const after = STATIONS_AFTER;
  const emit = (verb: string, tier: string, num: string, s: number, e: number) => {
    const comparator = comparatorOf(clause.slice(s - at, e - at));
    const t = tierOf(tier);
    const value = parseNumber(num);
    if (!t || value === null) return;
    const variant = VERB_NEW.test(verb) ? '_new' : VERB_UPGRADED.test(verb) ? '_upgraded' : '';
    out.push({
      metric: `${t}_station_count${variant}` as TargetMetric,
      value,
      unit: '个',
      comparator,
      nstart: s,
      nend: e,
    });
  };
  for (const m of clause.matchAll(before)) {
    if (SHOWCASE.test(clause.slice(Math.max(0, m.index - 6), m.index + 2))) continue;
    const s = at + m.index;
    emit(m[1] ?? '', m[3]!, m[2]!, s, s + m[0].length);
    if (m[4]) emit(m[1] ?? '', m[6]!, m[5]!, s, s + m[0].length);
  }
  for (const m of clause.matchAll(after)) {
    if (SHOWCASE.test(clause.slice(Math.max(0, m.index - 6), m.index + 2))) continue;
    const s = at + m.index;
    emit(m[1] ?? '', m[2]!, m[3]!, s, s + m[0].length);
  }
}

/** 改造 1 个市级电子商务公共服务中心 / 县级仓储物流配送中心 1 个 */
const CENTRES: [TargetMetric, RegExp[]][] = (
  [
    ['county_service_center_count', '(?:电子商务|电商)?公共服务中心'],
    ['logistics_center_count', '(?:仓储)?物流(?:配送|分拣)?(?:仓储)?中心|仓储(?:物流)?配送中心'],
  ] as const
).map(([metric, noun]) => [
  metric,
  [
    new RegExp(`${N}个[^\\d,，;；]{0,20}?(?:县|市|区|旗)[^\\d,，;；]{0,16}?(?:${noun})`, 'g'),
    new RegExp(`(?:县|市|区|旗)级?[^\\d,，;；]{0,16}?(?:${noun})${N}个`, 'g'),
  ],
]);

function centres(clause: string, at: number, out: Found[]) {
  if (!clause.includes('中心') || !clause.includes('个')) return;
  for (const [metric, res] of CENTRES) {
    for (const re of res) {
      for (const m of clause.matchAll(re)) {
        const value = parseNumber(m[1]!);
        if (value === null || value > 5) continue;
        const verb = /(?:新建|改造|升级改造|升级建设|升级|建设|建成|优化改建|改建|整合建设)$/.exec(
          clause.slice(0, m.index),
        );
        const s = at + m.index - (verb?.[0].length ?? 0);
        out.push({ metric, value, unit: '个', comparator: '=', nstart: s, nend: at + m.index + m[0].length });
      }
    }
  }
}

const COVERAGE = new RegExp(`(?:覆盖率|覆盖面)[^\\d]{0,6}?${N}%(以上)?|${N}%(?:以上)?(?:全)?覆盖`, 'g');

/** 村级电商服务站点覆盖率达 70%以上 / 乡(镇)站点 100% 全覆盖 / 电商服务覆盖率达 60%以上 (tier from the sentence) */
function coverage(clause: string, at: number, sentenceBefore: string, out: Found[]) {
  if (!clause.includes('覆盖') || /宽带|光纤|信号|通讯|通信|线路|4G|5G/.test(clause)) return;
  const re = COVERAGE;
  for (const m of clause.matchAll(re)) {
    const head = clause.slice(0, m.index);
    if (/物流|快递|配送|网络/.test(head.slice(-10))) continue;
    if (!/站|点|电商服务|电子商务服务|服务覆盖|行政村/.test(head) && !/站|点/.test(sentenceBefore.slice(-20)))
      continue;
    const tierWords = [...`${sentenceBefore}${head}`.matchAll(/行政村|村级|乡\(镇\)|乡镇|镇级|村|乡|镇/g)];
    const last = tierWords[tierWords.length - 1];
    const tier = last ? tierOf(last[0]) : null;
    if (!tier) continue;
    const value = parseNumber(m[1] ?? m[3]!);
    if (value === null || value > 100) continue;
    const phrase = clause.slice(m.index, m.index + m[0].length + 4);
    const open = head.lastIndexOf('(');
    const s = at + (head.length <= 30 ? 0 : open !== -1 ? open + 1 : m.index - 14);
    out.push({
      metric: `${tier}_coverage_pct`,
      value,
      unit: '%',
      comparator: comparatorOf(phrase),
      nstart: s,
      nend: at + m.index + m[0].length,
    });
  }
}

/** The plan's overall training target: 完成电商培训 3000 人次以上, not a course (知识普及培训 2400 人次). */
const TRAINING = new RegExp(
  `(培训|人才培养|培训人数|培训电商人才|培养电商人才)([^\\d,，;；]{0,12}?)${N}(万)?人次`,
  'g',
);

function training(clause: string, at: number, out: Found[]) {
  if (!clause.includes('人次')) return;
  const re = TRAINING;
  for (const m of clause.matchAll(re)) {
    const lead = clause.slice(Math.max(0, m.index - 8), m.index);
    // a course or a sub-programme, not the total
    if (
      /知识|普及|技能|提升|增值|专题|特色|精英|基础|孵化|”|"|实操|骨干|青年|妇女|贫困户/.test(lead.slice(-4))
    )
      continue;
    if (/其中|分别/.test(lead)) continue;
    let value = parseNumber(m[3]!);
    if (value === null) continue;
    if (m[4]) value *= 10_000;
    const phrase = clause.slice(m.index, m.index + m[0].length + 3);
    out.push({
      metric: 'training_person_times',
      value,
      unit: '人次',
      comparator: comparatorOf(`${m[2]}${phrase.slice(m[0].length)}`),
      nstart: at + Math.max(0, m.index - 4),
      nend:
        at +
        m.index +
        m[0].length +
        (/^(以上|及以上)/.exec(clause.slice(m.index + m[0].length))?.[0].length ?? 0),
    });
  }
}

const SATISFACTION = new RegExp(`满意度[^\\d]{0,6}?${N}%(以上)?`, 'g');

/** 培训对象满意度 90%以上 */
function satisfaction(clause: string, at: number, sentence: string, out: Found[]) {
  if (!clause.includes('满意度') || !sentence.includes('培训')) return;
  const re = SATISFACTION;
  for (const m of clause.matchAll(re)) {
    const value = parseNumber(m[1]!);
    if (value === null || value > 100) continue;
    const s = at + Math.max(0, m.index - 4);
    out.push({
      metric: 'training_satisfaction_pct',
      value,
      unit: '%',
      comparator: comparatorOf(clause.slice(Math.max(0, m.index - 4), m.index + m[0].length)),
      nstart: s,
      nend: at + m.index + m[0].length,
    });
  }
}

/** 到乡(镇)服务站 48 小时内完成配送 / 到村级站点配送 48 小时完成 / 72 小时内到达农村电子商务服务站 */
const DELIVERY = new RegExp(`${N}(?:个)?小时(内|以内|之内|完成|送达|到达|到)?`, 'g');

function delivery(clause: string, at: number, out: Found[]) {
  if (!clause.includes('小时')) return;
  const re = DELIVERY;
  for (const m of clause.matchAll(re)) {
    const head = clause.slice(0, m.index);
    const tail = clause.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (!/配送|送达|到达|快递|物流|寄递/.test(clause)) continue;
    const tierIn = (to: string | undefined) =>
      !to ? null : /村|农村/.test(to) ? 'village' : /乡|镇/.test(to) ? 'township' : null;
    const headTo = /到达?([^到]{0,12})$/.exec(head);
    const tailTo = /^(?:内)?(?:到达|送达|配送到|送到|到)([^,，]{0,12})/.exec(tail);
    const tier = tierIn(headTo?.[1]) ?? tierIn(tailTo?.[1]);
    if (!tier) continue;
    const from = headTo && tierIn(headTo[1]) ? headTo.index : m.index;
    const value = parseNumber(m[1]!);
    if (value === null) continue;
    out.push({
      metric: `delivery_hours_to_${tier}`,
      value,
      unit: '小时',
      comparator: m[2] || /以内|之内|内/.test(tail.slice(0, 2)) ? '<=' : '=',
      nstart: at + from,
      nend: at + m.index + m[0].length + (tailTo && from === m.index ? tailTo[0].length : 0),
    });
  }
}

/** 网络零售额同比增长 35%以上 / 农产品网络零售额同比增速 10%以上 */
const GROWTH = new RegExp(
  `((?:农村|农产品|全县|全市|县域)?)网络零售额[^\\d,，;；]{0,12}?(?:增长|增速|增幅)(?:率)?(?:达到?|为)?${N}%(以上)?`,
  'g',
);

function growth(clause: string, at: number, out: Found[]) {
  if (!clause.includes('零售额')) return;
  for (const m of clause.matchAll(GROWTH)) {
    const lead = clause.slice(Math.max(0, m.index - 3), m.index);
    if (/服务型|服务/.test(lead)) continue;
    const value = parseNumber(m[2]!);
    if (value === null) continue;
    const agri = m[1] === '农产品';
    out.push({
      metric: agri ? 'agri_online_retail_growth_pct' : 'online_retail_growth_pct',
      value,
      unit: '%',
      comparator: comparatorOf(m[0]),
      nstart: at + m.index,
      nend: at + m.index + m[0].length,
    });
  }
}

/** 开设网店不低于 20 家 / 培训后新增网商不少于 50 人; 电商创就业孵化不少于 50 人 */
const SHOPS = new RegExp(
  `(?:开设|新增|新开|开办)(?:网店|网商|电商网店|网上店铺)[^\\d]{0,6}?${N}(家|个|人)`,
  'g',
);
const INCUBATED = new RegExp(`(?:创就业|创业就业|创业)孵化[^\\d]{0,6}?${N}人`, 'g');

function shopsAndIncubation(clause: string, at: number, out: Found[]) {
  if (!/网店|网商|店铺|孵化/.test(clause)) return;
  const shops = SHOPS;
  for (const m of clause.matchAll(shops)) {
    const value = parseNumber(m[1]!);
    if (value === null) continue;
    out.push({
      metric: 'new_online_shops',
      value,
      unit: m[2]!,
      comparator: comparatorOf(m[0]),
      nstart: at + m.index,
      nend: at + m.index + m[0].length,
    });
  }
  for (const m of clause.matchAll(INCUBATED)) {
    const value = parseNumber(m[1]!);
    if (value === null) continue;
    out.push({
      metric: 'incubated_entrepreneurs',
      value,
      unit: '人',
      comparator: comparatorOf(m[0]),
      nstart: at + m.index,
      nend: at + m.index + m[0].length,
    });
  }
}

/** 县城至乡镇 / 乡镇到村: a route to a tier (its origin optional). */
const ROUTE = `(?:县城|市区|城区|县级|市级|乡镇|县|市|镇|乡)?(?:至|到)(?:${TIER.replace('(', '(?:')})`;

/**
 * 市区至乡镇实现每天配送 / 乡镇至村实现2天配送一次 / 县到乡镇、乡镇到村实现每天配送: the days between deliveries to
 * each tier a frequency is given for (routes joined by 、, 和, 及 or 与 share it).
 */
const FREQUENCY = new RegExp(
  `((?:${ROUTE}[、和及与]?)+)[^，,。；;\\d]{0,6}?(?:每(?:天|日)|每?${N}(?:天|日))(?:都)?配送(一次|1次)?`,
  'g',
);
const ROUTE_TIER = new RegExp(`(?:至|到)${TIER}`, 'g');

function frequency(clause: string, at: number, out: Found[]) {
  if (!clause.includes('配送')) return;
  for (const m of clause.matchAll(FREQUENCY)) {
    // 2天配送 alone could be a time limit: days between deliveries only with 一次 (or 每天)
    const value = m[2] ? (m[3] ? parseNumber(m[2]) : null) : 1;
    if (value === null) continue;
    const tiers = new Set([...m[1]!.matchAll(ROUTE_TIER)].map((t) => tierOf(t[1]!)));
    for (const tier of tiers) {
      if (!tier) continue;
      out.push({
        metric: `delivery_interval_days_to_${tier}`,
        value,
        unit: '天',
        comparator: '=',
        nstart: at + m.index,
        nend: at + m.index + m[0].length,
      });
    }
  }
}

/**
 * A bounded figure the vocabulary lacks (培训转化率不低于1%, 举办5场以上对接会, 不低于100平方米的冷库): kept as
 * metric other with what it counts as written. Only with a bound (不低于, 不少于, 至少, 达…以上), a unit of
 * things, people, events, area or a share, and a label of two characters or more; never a per-item specification
 * (每个站点至少…), a programme rule or money (资金比例原则上不低于50%), or a clause a closed metric reads or
 * refuses (CLOSED_WORDS).
 */
const OTHER_UNIT = '(平方米|㎡|家|场|名|人|个|项|次|种|款|期|辆|%)';
const OTHERS = new RegExp(
  `(?:不低于|不少于|至少|不小于|超过)[ ]*${N}[ ]*${OTHER_UNIT}|${N}[ ]*${OTHER_UNIT}[ ]*(?:或|及)?以上`,
  'g',
);
const PER_ITEM = /每个|每次|每月|每年|每期|每名|每人|每家|每村|每镇|每场|原则上|资金|财政|其中|分别/;
/** words that open a target before what it counts (力争, 实现, 新建…) */
const LEAD =
  /^(?:同时|力争|争取|确保|实现|完成|累计|新建|建设|建立|配套|打造|培育|组织|开展|举办|跟踪|选择|引进|设立)+/;
/** words that end a clause before the figure when what is counted follows it (举办5场…对接会) */
const VERB_END =
  /(?:整合|组织|策划|打造|选择|培育|举办|开展|配套|建设|新建|实现|引进|培养|设立|支持|扶持|帮扶|等)$/;
const bare = (x: string) => x.replace(/[(（][^)）]*[)）]/g, '').replace(/\s+/g, '');
const han = (x: string) => (x.match(/[\u4e00-\u9fa5]/g) ?? []).length;

/** What an other target counts, and how many characters of the text after the figure that takes: the words
 * before the figure (培训转化率不低于1%), or those after it when the words before end in a verb (举办5场以上对接会),
 * with 面积 joined to what it measures (建设面积不低于800平方米的配送中心: 配送中心面积). */
function otherLabel(before: string, after: string): { label: string; tail: number } | null {
  const b = bare(before)
    .replace(/(?:达到|达|为|要|应|全年)$/, '')
    .replace(/^[、和及]/, '');
  const rest = /^[ ]*(?:或|及)?以上[ ]*/.exec(after)?.[0].length ?? 0;
  const words = /^的?([\u4e00-\u9fa5“”、]+)/.exec(after.slice(rest));
  const tail = words ? words[1]!.split(/进行|用于|作为|开展/)[0] : undefined;
  const tailLength = words && tail ? rest + words[0].length - words[1]!.length + tail.length : 0;
  const lead = b.replace(LEAD, '');
  if (/面积$/.test(b) && tail && han(tail) >= 2) return { label: `${tail}面积`, tail: tailLength };
  // words that name only a place (全县70%以上的行政村…) say where, not what is counted
  const place = /^全?[县市区乡镇村]$|^全[县市区]范围内?$/.test(lead);
  if ((han(lead) < 2 || place || VERB_END.test(b)) && tail && han(tail) >= 2)
    return { label: tail.replace(/[“”]/g, ''), tail: tailLength };
  return han(lead) >= 2 && !place ? { label: lead.replace(/[“”]/g, ''), tail: 0 } : null;
}

/** what a closed metric reads or deliberately refuses (宽带覆盖, 服务型网络零售额): never read as other */
const CLOSED_WORDS = /覆盖|零售额|满意度|人次|小时|服务站|服务点|站点|网店|网商/;

function others(clause: string, at: number, closed: readonly Found[], out: Found[]) {
  if (!/不低于|不少于|至少|不小于|超过|以上/.test(clause) || CLOSED_WORDS.test(clause)) return;
  // what is counted starts after the figure before it in the clause, or after a table cell's tab
  let from = 0;
  for (const m of clause.matchAll(OTHERS)) {
    const s = at + m.index;
    const e = s + m[0].length;
    const start = Math.max(from, clause.lastIndexOf('\t', m.index) + 1);
    from = m.index + m[0].length;
    if (closed.some((f) => f.nstart < e && s < f.nend)) continue;
    const before = clause.slice(start, m.index);
    if (PER_ITEM.test(before) || /^[ ]*(?:万|元)/.test(clause.slice(from))) continue;
    const read = otherLabel(before, clause.slice(from));
    const value = parseNumber((m[1] ?? m[3])!);
    if (!read || value === null) continue;
    // the span starts at what is counted: not at a list's 、 nor a table cell's serial number (1 改造…)
    const lead = /^\s*(?:\d+\s+)?[、和及]?\s*/.exec(before)![0].length;
    out.push({
      metric: 'other',
      value,
      // ㎡ is written 平方米 (the unit the vocabulary names)
      unit: (m[2] ?? m[4])!.replace('㎡', '平方米'),
      comparator: comparatorOf(m[0]),
      label: read.label,
      nstart: at + start + lead,
      nend: e + read.tail,
    });
  }
}

/**
 * Finds the quantitative targets a plan states (closed vocabulary, see TARGET_METRICS), each with the span of its
 * phrase. The same target stated twice with the same value is kept once; with different values both are kept
 * (the conflict is reported by validation).
 */
/**
 * A range of counts or shares (2-3个, 2～3个, 二至三个, 60%-70%): not an exact value, so a target read across one
 * would publish its upper bound as the promise. Such targets are left out (never a wrong value); a range of years
 * (2019-2021年) is not a range of counts and is left alone.
 */
const RANGE_NUMBER = String.raw`(?:\d[\d,，]*(?:\.\d+)?|[〇一二三四五六七八九十两百千]+)万?`;
const RANGE_UNIT = '(?:[%％]|个|人次|人|家|小时|天|项|场|平方米|辆|种|次|期)';
const RANGE = new RegExp(
  `${RANGE_NUMBER}[ ]*${RANGE_UNIT}?[ ]*(?:-|–|—|～|~|至|到)[ ]*${RANGE_NUMBER}[ ]*(?=${RANGE_UNIT})`,
  'g',
);

export function targets(doc: Doc): Target[] {
  const found: Found[] = [];
  const text = doc.text;
  const ranges = [...text.matchAll(RANGE)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const sentence of text.matchAll(/[^。\n]+/g)) {
    const s = sentence[0];
    for (const clause of s.matchAll(CLAUSE)) {
      const at = sentence.index + clause.index;
      const c = clause[0];
      stations(c, at, found);
      centres(c, at, found);
      coverage(c, at, s.slice(0, clause.index), found);
      training(c, at, found);
      satisfaction(c, at, s, found);
      delivery(c, at, found);
      growth(c, at, found);
      shopsAndIncubation(c, at, found);
      frequency(c, at, found);
      others(c, at, found, found);
    }
  }
  const seen = new Set<string>();
  const out: Target[] = [];
  found.sort((a, b) => a.nstart - b.nstart);
  for (const f of found) {
    // an other target restated (打造至少2种…, 打造至少两种…; a table row restating the prose) ends the same way
    const key = `${f.metric}|${f.value}|${f.metric === 'other' ? `${f.unit}|${f.label!.replace(/[市县区]/g, '').slice(-6)}` : ''}`;
    if (seen.has(key) || ranges.some(([a, b]) => a < f.nend && f.nstart < b)) continue;
    seen.add(key);
    const span = doc.span(f.nstart, f.nend);
    out.push({
      metric: f.metric,
      value: f.value,
      unit: f.unit,
      comparator: f.comparator,
      ...(f.label ? { label: f.label } : {}),
      start: span.start,
      end: span.end,
    });
  }
  return out;
}
