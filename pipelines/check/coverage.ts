import { group, percent } from '../contract/format.ts';
import { stationTargets } from '../contract/stations.ts';
import type { Extraction, Target } from '../extract/types.ts';
import { base, type Finding, holds, type Span, spanOf } from './finding.ts';
import type { Place } from './place.ts';

/** 全县102个行政村: the plan's own count of administrative villages, when it gives one. */
const OWN_COUNT = /(?:全县|全市|全区|全旗|辖|共有|现有)[^，。；\n]{0,6}?(\d{1,4})\s*个(?:行政村|建制村)/;

const NOTE_ZH = '（区划数据为2023年，文件可能使用其他年份或口径的行政村数。）';
const NOTE_EN =
  ' (The division data is from 2023; the plan may count villages differently or for another year.)';

/** The coverage computed from the division table, and from the plan's own count of villages when it gives one. */
function computed(stations: number, villages: number, text: string) {
  const share = stations / villages;
  const own = OWN_COUNT.exec(text);
  const ownCount = own ? Number(own[1]) : null;
  const ownSpan: Span | null = own ? { start: own.index, end: own.index + own[0].length } : null;
  const ownZh = ownCount ? `；按文件所列 ${ownCount} 个行政村计为 ${percent(stations / ownCount)}` : '';
  const ownEn = ownCount
    ? `; against the ${ownCount} administrative villages the plan itself counts, ${percent(stations / ownCount)}`
    : '';
  return {
    share,
    ownCount,
    ownSpan,
    zh: `村级服务站 ${group(String(stations))} 个 ÷ 2023年区划代码中的村委会 ${group(String(villages))} 个 = ${percent(share)}${ownZh}`,
    en: `${stations} village stations ÷ ${villages} village committees in the 2023 division codes = ${percent(share)}${ownEn}`,
  };
}

/**
 * Stated village coverage against village stations ÷ administrative villages (村委会 in the 2023 division
 * codes, and the plan's own count when it gives one). Village stations: the stated total, else new + upgraded.
 */
export function villageCoverage(x: Extraction, text: string, place: Place | null): Finding {
  const stated: Target | undefined = x.targets.find((t) => t.metric === 'village_coverage_pct');
  // the coverage a plan states is a floor (达到…以上) unless it says at most
  const b = {
    ...base('village_coverage', 'village_coverage_pct'),
    comparator: stated ? (stated.comparator === '<=' ? '<=' : '>=') : null,
  } as const;
  const planned = stationTargets(x.targets, 'village');
  const stations = planned?.value ?? null;
  const stationSpans = planned ? planned.from.map(spanOf) : [];
  const statedSpans = stated ? [spanOf(stated)] : [];
  const threshold = stated ? stated.value / 100 : null;
  if (stations === null)
    return {
      ...b,
      severity: 'info',
      status: 'not_enough_data',
      threshold,
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
      threshold,
      message_zh: place
        ? `文件所属为地级市（${place.name}），未按县核对村级覆盖率。`
        : '文件所属县未能识别，无法取得行政村数量。',
      message_en: place
        ? `The document is about a prefecture-level city (${place.name}); coverage is computed per county only.`
        : 'The document’s county is not resolved, so its number of administrative villages is unknown.',
      evidence: [...stationSpans, ...statedSpans],
    };
  const villages = place.village_committees;
  const c = computed(stations, villages, text);
  const evidence = [...statedSpans, ...stationSpans, ...(c.ownSpan ? [c.ownSpan] : [])];
  if (!stated)
    return {
      ...b,
      severity: 'info',
      status: 'not_applicable',
      numerator: stations,
      denominator: villages,
      message_zh: `文件未写明村级覆盖率。计算覆盖率：${c.zh}。${NOTE_ZH}`,
      message_en: `The document states no village coverage. Computed coverage: ${c.en}.${NOTE_EN}`,
      evidence,
    };
  const claim = stated.value / 100;
  // the plan's own count of villages can bear its claim out where the 2023 count does not
  const ok =
    holds(c.share, stated.comparator === '<=' ? '<=' : '>=', claim) ||
    (c.ownCount !== null && stations / c.ownCount >= claim - 1e-9);
  return {
    ...b,
    severity: ok ? 'info' : 'review',
    status: ok ? 'pass' : 'fail',
    numerator: stations,
    denominator: villages,
    threshold: claim,
    message_zh: `文件所述村级覆盖率 ${percent(claim, 0)}；${c.zh}${ok ? '，与所述相符' : '，低于所述'}。${NOTE_ZH}`,
    message_en: `The document states village coverage of ${percent(claim, 0)}; ${c.en}${ok ? ', consistent with it' : ', below it'}.${NOTE_EN}`,
    evidence,
  };
}
