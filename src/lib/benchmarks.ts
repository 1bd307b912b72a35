/**
 * What the benchmarks page hands the browser (components/BenchmarksPage.astro is its markup, client/benchmarks.ts
 * draws it): the comparable measures with their labels, units and which way is better, the page's strings, and
 * the counties to choose from.
 */
import { fieldName, type Lang, t } from '../i18n/index.ts';
import { pickerIndex } from './compare.ts';

/**
 * A comparable measure: its label, the unit its values are charted in (in the page's language: 万元 or ¥ million),
 * how many of the stored values make one unit (yuan per 万元, 0.01 for a share), what it is, where it comes from and
 * which way is better.
 */
export interface Measure {
  label: string;
  unit: string;
  scale: number;
  format: 'money' | 'percent' | 'count';
  kind: 'plan' | 'metric';
  better: 'higher' | 'lower';
}

/** The measures in the order the picker lists them, labelled in a language. */
function measures(lang: Lang): Record<string, Measure> {
  const MONEY = {
    unit: t(lang, 'chart_money_unit'),
    scale: lang === 'zh' ? 1e4 : 1e6,
    format: 'money',
  } as const;
  const PERCENT = { unit: '%', scale: 0.01, format: 'percent' } as const;
  const count = (unit: string) => ({ unit, scale: 1, format: 'count' }) as const;
  type Unit = typeof MONEY | typeof PERCENT | ReturnType<typeof count>;
  const plan = (label: string, unit: Unit, better: Measure['better'] = 'higher'): Measure => ({
    label,
    ...unit,
    kind: 'plan',
    better,
  });
  const metric = (label: string, unit: Unit): Measure => ({
    label,
    ...unit,
    kind: 'metric',
    better: 'higher',
  });
  return {
    central_funds: plan(fieldName(lang, 'funds_central_yuan'), MONEY),
    upstream_share: plan(t(lang, 'upstream_share'), PERCENT),
    central_per_village_station: plan(t(lang, 'bench_central_per_village_station'), MONEY),
    training_per_village: plan(t(lang, 'bench_training_per_village'), count(t(lang, 'unit_person_times'))),
    coverage_stated: plan(t(lang, 'coverage_stated'), PERCENT),
    coverage_computed: plan(t(lang, 'coverage_computed'), PERCENT),
    // a shorter delivery promise is the better one
    delivery_hours_to_village: plan(t(lang, 'bench_delivery_hours'), count(t(lang, 'unit_hours')), 'lower'),
    commitments_owned_share: plan(t(lang, 'bench_commitments_owned'), PERCENT),
    reporting_duties: plan(t(lang, 'bench_reporting_duties'), count(t(lang, 'unit_items'))),
    // a tender planned sooner after the plan's issue is the quicker start
    months_to_tender: plan(t(lang, 'bench_months_to_tender'), count(t(lang, 'unit_months')), 'lower'),
    online_retail_sales_latest_year: metric(t(lang, 'bench_sales_year'), MONEY),
    agri_online_retail_sales_latest_year: metric(t(lang, 'bench_agri_sales_year'), MONEY),
    express_parcels_latest_year: metric(t(lang, 'bench_parcels_year'), count(t(lang, 'unit_parcels'))),
  };
}

/** The strings the browser fills in ({name}, {k}, {n}… are replaced there), by the names it reads them by. */
const benchmarkStrings = (lang: Lang) => ({
  rank: t(lang, 'bench_rank'),
  rank_tied: t(lang, 'bench_rank_tied'),
  spread: t(lang, 'bench_spread'),
  better_higher: t(lang, 'bench_better_higher'),
  better_lower: t(lang, 'bench_better_lower'),
  absent: t(lang, 'bench_absent'),
  year: t(lang, 'bench_year'),
  unknown_county: t(lang, 'bench_unknown_county'),
  unknown_measure: t(lang, 'bench_unknown_measure'),
  county: t(lang, 'county'),
  data_table: t(lang, 'data_table'),
  chart_synthetic: t(lang, 'chart_synthetic'),
  embed_chart: t(lang, 'embed_chart'),
  cite: t(lang, 'cite'),
  no_wasm: t(lang, 'bench_no_wasm'),
});

/** What the benchmarks page shows in a language: the measures, the strings and the counties to pick from. */
export async function benchmarksView(lang: Lang) {
  return { measures: measures(lang), strings: benchmarkStrings(lang), counties: await pickerIndex() };
}
