export const METRICS_CHECKS = {
  name: 'metrics_checks',
  title: '月报自身核对 Checks within the monthly reports',
  description:
    'What a report’s own figures say about each other: a 累计 (running total) cell that is not the sum of its 本月 (month) cells for the county and year up to that month. The month’s values are still read from 本月; the 累计 column is not imported.',
  primaryKey: ['file', 'line', 'column'],
  fields: [
    {
      name: 'file',
      type: 'string',
      description: 'Input file (book.xlsx!Sheet1 for a sheet).',
      required: true,
    },
    {
      name: 'line',
      type: 'integer',
      description: 'Line (or row of the sheet) of the 累计 cell.',
      required: true,
    },
    {
      name: 'column',
      type: 'string',
      description: 'The 累计 column, as the header names it.',
      required: true,
    },
    { name: 'county_code', type: 'string', description: 'The row’s county, when its cell names one.' },
    { name: 'month', type: 'yearmonth', description: 'The row’s month.', required: true },
    {
      name: 'stated',
      type: 'number',
      description: 'The 累计 cell, in the unit the file writes it in.',
      required: true,
    },
    {
      name: 'computed',
      type: 'number',
      description: 'What the 本月 cells of the county’s year add up to by that month, in the same unit.',
      required: true,
    },
    {
      name: 'synthetic',
      type: 'boolean',
      description:
        'true when the row is marked synthetic in its report: generated sample data (示例数据), not a county’s report.',
      required: true,
    },
    { name: 'check', type: 'string', enum: ['cumulative_sum'], description: 'The check.', required: true },
    { name: 'message_zh', type: 'string', description: 'What it found, in Chinese.', required: true },
    { name: 'message_en', type: 'string', description: 'What it found, in English.', required: true },
  ],
} as const satisfies Table;

/** Monthly metrics as imported, the values not imported, and each plan target against its monthly actual. */

import type { Table } from '../table.ts';
import { COMPARATORS, MONTHLY_METRICS as METRICS, PROGRESS_MEASURES, PROGRESS_STATUSES } from '../vocab.ts';
import { docId, span } from './fields.ts';

export const METRICS_MONTHLY = {
  name: 'metrics_monthly',
  title: '月度指标 Monthly metrics',
  description:
    'Monthly metrics per county, imported from data/metrics/*.csv. Rows with synthetic = true are generated sample data (示例数据), not reports.',
  primaryKey: ['county_code', 'month', 'metric'],
  fields: [
    { name: 'county_code', type: 'string', description: 'GB/T 2260 code of the county.', required: true },
    { name: 'month', type: 'yearmonth', description: 'Month (YYYY-MM).', required: true },
    {
      name: 'metric',
      type: 'string',
      enum: METRICS,
      description: 'Metric (closed vocabulary, see data/README.md).',
      required: true,
    },
    {
      name: 'value',
      type: 'number',
      description: 'Value in the published unit (money in yuan, to the fen).',
      required: true,
    },
    {
      name: 'unit',
      type: 'string',
      enum: ['yuan', 'parcels', 'stations', 'person_times', 'shops'],
      description: 'Published unit (input units such as 万元 or 万件 are converted).',
      required: true,
    },
    {
      name: 'source',
      type: 'string',
      description: 'File and line the value was read from (file:line).',
      required: true,
    },
    {
      name: 'synthetic',
      type: 'boolean',
      description:
        'true for generated sample data (示例数据), which is not real and only illustrates the site.',
      required: true,
    },
    { name: 'note', type: 'string', description: 'Source or note columns of the input row.' },
  ],
} as const satisfies Table;

export const METRICS_REJECTED = {
  name: 'metrics_rejected',
  title: '未采用的月度数据 Rejected monthly values',
  description:
    'Every value of the metric files that was not imported, with the reason; also columns that were not recognised and files that could not be read. Per file, values read = values in metrics_monthly + rows here with scope = value.',
  primaryKey: ['file', 'line', 'column'],
  fields: [
    { name: 'file', type: 'string', description: 'Input file.', required: true },
    {
      name: 'line',
      type: 'integer',
      description: 'Line in the file (1 is the header; 0 for the whole file).',
      required: true,
    },
    {
      name: 'column',
      type: 'string',
      description: 'Column of the value (empty for the whole file).',
      required: true,
    },
    {
      name: 'scope',
      type: 'string',
      enum: ['value', 'column', 'file'],
      description:
        'value (one value not imported), column (a column not recognised), file (the file not read).',
      required: true,
    },
    {
      name: 'field',
      type: 'string',
      enum: ['county', 'month', 'metric', 'value', 'unit', 'header', 'file'],
      description: 'The part of the row at fault.',
      required: true,
    },
    { name: 'raw_value', type: 'string', description: 'The text of that part, as written.' },
    { name: 'reason', type: 'string', description: 'Reason code.', required: true },
    { name: 'reason_zh', type: 'string', description: 'Reason in Chinese.', required: true },
    { name: 'reason_en', type: 'string', description: 'Reason in English.', required: true },
    {
      name: 'cell',
      type: 'string',
      description:
        'For a value of a workbook, the sheet and cell it was in (Sheet1!C7), a duplicate’s too; empty for a CSV file (its line says where).',
    },
  ],
} as const satisfies Table;

export const PROGRESS = {
  name: 'progress',
  title: '目标进度 Progress against plan targets',
  description:
    'For each plan target (and the plan’s central and local funds) that a monthly metric measures: the latest actual, the share of the target reached, and whether that is on track against a linear expectation over the plan’s period.',
  primaryKey: ['doc_id', 'measure'],
  fields: [
    docId,
    { name: 'county_code', type: 'string', description: 'County of the plan.', required: true },
    {
      name: 'measure',
      type: 'string',
      enum: PROGRESS_MEASURES,
      description:
        'The target metric (stations: the stated total, else new + upgraded), or the plan’s funds (funds_central_yuan, funds_local_yuan).',
      required: true,
    },
    { name: 'target_id', type: 'string', description: 'The target (targets.target_id; empty for funds).' },
    {
      name: 'target_value',
      type: 'number',
      description: 'Target as stated (% for growth targets).',
      required: true,
    },
    {
      name: 'comparator',
      type: 'string',
      enum: COMPARATORS,
      description: 'Comparator of the target.',
      required: true,
    },
    {
      name: 'metric',
      type: 'string',
      enum: METRICS,
      description: 'Monthly metric that measures it.',
      required: true,
    },
    {
      name: 'basis',
      type: 'string',
      enum: ['cumulative', 'latest', 'yoy_12_months'],
      description:
        'cumulative: sum of the monthly values from the start of the plan’s period; latest: the latest month’s value (stations in operation); yoy_12_months: the last 12 months against the 12 before, in %.',
      required: true,
    },
    { name: 'actual', type: 'number', description: 'Actual on that basis (empty when there are no data).' },
    {
      name: 'actual_month',
      type: 'yearmonth',
      description:
        'The month the actual is taken as of: the latest with data, or the end of the period if earlier.',
    },
    {
      name: 'share_of_target',
      type: 'number',
      description: 'actual ÷ target (for growth: actual growth ÷ target growth).',
    },
    {
      name: 'expected_share',
      type: 'number',
      description:
        'Linear expectation: months of the period elapsed by actual_month ÷ months of the period, capped to 1 (1 for growth and station targets, which are judged at the end of the period).',
    },
    {
      name: 'status',
      type: 'string',
      enum: PROGRESS_STATUSES,
      description:
        'met (target reached), on_track (share ≥ expected), behind, no_data (no or too few months), not_started (no month of the period yet), no_period (the plan states no start, so neither a cumulative actual nor an expectation can be computed).',
      required: true,
    },
    {
      name: 'synthetic',
      type: 'boolean',
      description: 'true when any monthly value used is synthetic sample data.',
      required: true,
    },
    { name: 'period_start', type: 'yearmonth', description: 'Start of the plan’s period.' },
    { name: 'period_end', type: 'yearmonth', description: 'End of the plan’s period.' },
    ...span('target in the plan'),
  ],
} as const satisfies Table;
