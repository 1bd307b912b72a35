/**
 * The monthly series of the selection: the SQL over metrics_monthly and the rows as chart points. The codes come
 * from the picker index and the metric from the vocabulary (closed lists, checked when the URL is read and again
 * here). They are written into the statement as literals rather than bound, because with bound parameters DuckDB
 * 0.9 cannot prune Parquet row groups, and a one-county query would read the whole file.
 */

/** A row of the monthly query. */
export type MonthlyRow = Record<string, unknown>;

/** The statement for the codes and metric; throws unless they are six-digit codes and a known metric. */
export function monthlySql(codes: string[], metric: string, metrics: Record<string, string>): string {
  if (!codes.every((c) => /^\d{6}$/.test(c)) || !Object.hasOwn(metrics, metric))
    throw new Error('invalid selection');
  // one equality per county (UNION ALL): DuckDB 0.9 pushes `=` into the Parquet scan, not IN lists
  return `${codes
    .map(
      (c) =>
        `SELECT county_code, month, value, synthetic FROM metrics_monthly WHERE county_code = '${c}' AND metric = '${metric}'`,
    )
    .join(' UNION ALL ')} ORDER BY county_code, month`;
}

/** The rows as points of one series per county, money in units of `scale` yuan. */
export const monthlyPoints = (
  rows: MonthlyRow[],
  names: Map<string, string>,
  metric: string,
  scale: number,
) =>
  rows.map((r) => ({
    series: names.get(String(r.county_code)) ?? String(r.county_code),
    date: new Date(Date.UTC(+String(r.month).slice(0, 4), +String(r.month).slice(5, 7) - 1, 1)),
    value: Number(r.value) / (metric.endsWith('_yuan') ? scale : 1),
  }));
