/**
 * Synthetic monthly metrics (示例数据): no per-county monthly series of these counties is public, so the site is
 * shown with a generated sample, marked synthetic in every row. Same seed, same data.
 *
 * Shapes are meant to be plausible, not true: online sales grow a little before a county's demonstration, fast
 * during it, moderately after; they peak in November (双十一) and June (618) and dip in the month of 春节; stations
 * in operation ramp up over the implementation period; training comes in sessions; central funds are disbursed
 * in tranches. Nothing here describes a real county.
 */

/** mulberry32: a small, fast, seeded PRNG (same seed → same sequence). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleCounty {
  code: string;
  name: string;
  /** first and last month of the demonstration's implementation */
  start: string;
  end: string;
  /** online retail sales in a typical month before the demonstration, 万元 */
  base: number;
  villageStations: number;
  townshipStations: number;
  trainingTarget: number;
  /** central funds, 万元 */
  central: number;
  local: number;
}

/**
 * The five counties of the shipped plans. Periods, station counts, training targets and funds follow what the
 * plans state (documents and targets tables): 乳源 states no start, so its sample starts at the plan's date of
 * issue; 金口河 states no training target and 东港 no funds, so none is drawn. Sales levels are invented.
 */
export const SAMPLE_COUNTIES: readonly SampleCounty[] = [
  {
    code: '210681',
    name: '东港市',
    start: '2019-10',
    end: '2021-12',
    base: 9000,
    villageStations: 124,
    townshipStations: 6,
    trainingTarget: 4000,
    central: 0,
    local: 0,
  },
  {
    code: '511113',
    name: '金口河区',
    start: '2018-05',
    end: '2020-05',
    base: 260,
    villageStations: 22,
    townshipStations: 6,
    trainingTarget: 0,
    central: 0,
    local: 0,
  },
  {
    code: '440232',
    name: '乳源瑶族自治县',
    start: '2021-11',
    end: '2023-03',
    base: 1800,
    villageStations: 52,
    townshipStations: 9,
    trainingTarget: 1500,
    central: 1000,
    local: 120,
  },
  {
    code: '140922',
    name: '五台县',
    start: '2019-12',
    end: '2021-04',
    base: 1200,
    villageStations: 0,
    townshipStations: 0,
    trainingTarget: 1000,
    central: 500,
    local: 0,
  },
  {
    code: '469001',
    name: '五指山市',
    start: '2019-10',
    end: '2021-03',
    base: 700,
    villageStations: 37,
    townshipStations: 7,
    trainingTarget: 3000,
    central: 2000,
    local: 200,
  },
];

/** Month of 春节 (Spring Festival) by year; January or February. */
const SPRING_FESTIVAL: Record<number, number> = {
  2016: 2,
  2017: 1,
  2018: 2,
  2019: 2,
  2020: 1,
  2021: 2,
  2022: 2,
  2023: 1,
  2024: 2,
  2025: 1,
  2026: 2,
};
const SEASON = [1.0, 0.98, 1.0, 0.97, 1.0, 1.12, 0.98, 0.97, 1.0, 1.05, 1.45, 1.18];

const index = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const ymOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

export const SAMPLE_NOTE = '示例数据（合成，非真实统计） synthetic sample, not real data';
export const SAMPLE_HEADER = 'county_code,county,month,metric,value,unit,synthetic,note';

/**
 * The rows of one county's sample, from `from` to `to` (YYYY-MM), as CSV lines in the layout of
 * data/metrics/ (long form, money in 万元).
 */
export function* sampleRows(
  c: SampleCounty,
  from: string,
  to: string,
  random: () => number,
  note = SAMPLE_NOTE,
): Generator<string> {
  const s = index(c.start);
  const e = index(c.end);
  const months = Math.max(1, e - s + 1);
  let sales = c.base;
  let trained = 0;
  const tranches = new Map<number, number>();
  if (c.central > 0) {
    // 60% in the first quarter of the period, 25% at its middle, the rest after the final check
    tranches.set(s + 2, 0.6);
    tranches.set(s + Math.floor(months / 2), 0.25);
    tranches.set(e + 3, 0.15);
  }
  const noise = (spread: number) => 1 + (random() * 2 - 1) * spread;
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  for (let i = index(from); i <= index(to); i++) {
    const year = Math.floor(i / 12);
    const month = (i % 12) + 1;
    const growth = i < s ? 0.08 : i <= e ? 0.32 : 0.12;
    sales *= (1 + growth) ** (1 / 12);
    const festival = SPRING_FESTIVAL[year] === month ? 0.82 : 1;
    const retail = sales * SEASON[month - 1]! * festival * noise(0.06);
    const agriShare = 0.2 + (i >= s ? Math.min(0.12, ((i - s) / months) * 0.12) : 0);
    const agri = retail * agriShare * noise(0.08);
    const parcels = ((retail * 1e4) / 55) * noise(0.05) * (festival < 1 ? 0.85 : 1);
    const progress = i < s ? 0 : Math.min(1, (i - s + 1) / months);
    const village = Math.round(c.villageStations * Math.min(1, progress * 1.15));
    const township = Math.round(c.townshipStations * Math.min(1, progress * 1.5));
    let training = 0;
    if (i >= s && i <= e && trained < c.trainingTarget * 1.1 && random() < 0.55) {
      training = Math.round((c.trainingTarget / months) * 1.7 * noise(0.4));
      trained += training;
    }
    const tranche = tranches.get(i);
    const central = tranche ? round(c.central * tranche, 2) : 0;
    const local =
      c.local > 0 && i >= s && i <= e && month % 3 === 0 ? round(c.local / Math.ceil(months / 3), 2) : 0;
    const shops = i >= s && i <= e + 6 ? Math.round(3 * noise(0.9)) : Math.round(random() * 1.4);
    const ym = ymOf(i);
    const row = (metric: string, value: number | string, unit: string) =>
      `${c.code},${c.name},${ym},${metric},${value},${unit},true,"${note}"`;
    yield row('online_retail_sales_yuan', round(retail, 2), '万元');
    yield row('agri_online_retail_sales_yuan', round(agri, 2), '万元');
    yield row('express_parcels', Math.round(parcels), '件');
    if (c.townshipStations > 0) yield row('active_township_stations', township, '个');
    if (c.villageStations > 0) yield row('active_village_stations', village, '个');
    yield row('training_person_times', training, '人次');
    if (c.central > 0) yield row('funds_disbursed_central_yuan', central, '万元');
    if (c.local > 0) yield row('funds_disbursed_local_yuan', local, '万元');
    yield row('new_online_shops', Math.max(0, shops), '家');
  }
}

/** The shipped sample (data/metrics/synthetic-sample.csv): the five counties from 2017-01 to 2023-12. */
export const SAMPLE_SEED = 20191001;
export function sampleCsv(seed = SAMPLE_SEED): string {
  const random = rng(seed);
  const lines = [SAMPLE_HEADER];
  for (const c of SAMPLE_COUNTIES) for (const l of sampleRows(c, '2017-01', '2023-12', random)) lines.push(l);
  return `\uFEFF${lines.join('\n')}\n`;
}

/** npm run data:sample writes the shipped sample; a test checks that the file is what this generator gives. */
if (import.meta.main) {
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const file = join(import.meta.dirname, '../../data/metrics/synthetic-sample.csv');
  writeFileSync(file, sampleCsv());
  console.log(`wrote ${file} (seed ${SAMPLE_SEED})`);
}
