/** The ledger: the commitments a plan makes around its figures, and the public channels it names. */
import type { Table } from '../table.ts';
import { COMMITMENT_KINDS, COMPARATORS, CONTACT_CHANNELS, RECURRENCES, TARGET_METRICS } from '../vocab.ts';
import { docId, reading, span, yuan } from './fields.ts';

export const COMMITMENTS = {
  name: 'commitments',
  title: '承诺事项台账 Commitments',
  description:
    'What a plan commits to besides its figures: duties with their owners, deadlines and rhythms, procurement, what must be published and reported, conditions on money, acceptance and supervision; one row per sentence (or schedule row) that states one.',
  primaryKey: ['doc_id', 'commitment_id'],
  fields: [
    docId,
    {
      name: 'commitment_id',
      type: 'string',
      description: 'Commitment id within the document (k001…), in text order.',
      required: true,
    },
    {
      name: 'kind',
      type: 'string',
      enum: COMMITMENT_KINDS,
      description: 'What kind of commitment.',
      required: true,
    },
    {
      name: 'what',
      type: 'string',
      description: 'What is committed, as written (cut at 80 characters).',
      required: true,
    },
    {
      name: 'quantity',
      type: 'number',
      description: 'A number the commitment states (公示5个工作日: 5), as written.',
    },
    { name: 'unit', type: 'string', description: 'Its unit, as written (个工作日).' },
    { name: 'due_month', type: 'yearmonth', description: 'The month it is due by (2022年4月前: 2022-04).' },
    { name: 'due_date', type: 'date', description: 'The date it is due by, when a day is given.' },
    {
      name: 'recurrence',
      type: 'string',
      enum: RECURRENCES,
      description: 'How often it recurs (每月25日前: monthly), when it does.',
    },
    {
      name: 'recurrence_day',
      type: 'integer',
      description: 'The day of the month a monthly duty is due by (25).',
    },
    { name: 'due_text', type: 'string', description: 'The deadline or rhythm as written.' },
    {
      name: 'responsible',
      type: 'string',
      description:
        'The units responsible, as written, apart by 、: named in the sentence (由…负责, …牵头) or by the heading of its duties paragraph (（六）县工信局); empty when the text names none.',
    },
    {
      name: 'cooperating',
      type: 'string',
      description: 'Units that cooperate (会同, 配合, 协助), apart by 、.',
    },
    {
      name: 'recipient',
      type: 'string',
      description: 'Where a report goes (市商务局, 省商务厅, an information system).',
    },
    yuan('funds_yuan', 'For a funding condition, the amount it holds back (再拨付剩余500万).'),
    ...span('sentence stating the commitment'),
    ...reading,
  ],
} as const satisfies Table;

export const CONTACTS = {
  name: 'contacts',
  title: '公众渠道 Public channels',
  description:
    'How the public can reach those responsible, as the document publishes it: phone numbers, comment and complaint windows, site columns, e-mail addresses.',
  primaryKey: ['doc_id', 'contact_id'],
  fields: [
    docId,
    { name: 'contact_id', type: 'string', description: 'Id within the document (h01…).', required: true },
    {
      name: 'channel',
      type: 'string',
      enum: CONTACT_CHANNELS,
      description: 'The kind of channel.',
      required: true,
    },
    {
      name: 'value',
      type: 'string',
      description: 'The channel as written (0751-5383488, 纪检或审计举报窗口).',
      required: true,
    },
    {
      name: 'purpose',
      type: 'string',
      description: 'What it is for, where the text says (反映, 举报, 征求意见).',
    },
    ...span('channel'),
  ],
} as const satisfies Table;

export const ACHIEVEMENTS = {
  name: 'achievements',
  title: '报告所述完成情况 Achievements reported',
  description:
    'What a county’s own documents report as done (a progress, completion, self-evaluation or acceptance report; or a figure stated as done, 已建成…), as of a month, matched to the target of its county’s plan for the same metric. Never mixed with targets, nor with the synthetic monthly sample.',
  primaryKey: ['doc_id', 'achievement_id'],
  fields: [
    docId,
    {
      name: 'achievement_id',
      type: 'string',
      description: 'Id within the document (d001…).',
      required: true,
    },
    {
      name: 'metric',
      type: 'string',
      enum: TARGET_METRICS,
      description:
        'What was achieved (targets.metric); other for a figure outside the vocabulary, named in label; empty for a commitment done (commitment_kind).',
    },
    {
      name: 'label',
      type: 'string',
      description:
        'For metric other: what was counted, as written (a report table’s indicator); empty otherwise.',
    },
    {
      name: 'value',
      type: 'number',
      description: 'The value reported as achieved; empty for a commitment done.',
    },
    { name: 'unit', type: 'string', description: 'Unit as written; empty for a commitment done.' },
    {
      name: 'comparator',
      type: 'string',
      enum: COMPARATORS,
      description: 'As stated (>= for 3200人次以上); empty for a commitment done.',
    },
    {
      name: 'commitment_kind',
      type: 'string',
      enum: COMMITMENT_KINDS,
      description:
        'For a report’s statement that a commitment is done (2021年8月已完成项目招投标): the kind of commitment; empty for a figure.',
    },
    {
      name: 'as_of',
      type: 'yearmonth',
      description:
        'The month the figure is reported as of (截至2022年12月), else the month of the document’s issue.',
    },
    {
      name: 'plan_doc_id',
      type: 'string',
      description: 'The plan of the same county whose target this answers.',
    },
    {
      name: 'plan_target_id',
      type: 'string',
      description: 'That target (targets.target_id), for the same metric (and for other, the same label).',
    },
    {
      name: 'target_value',
      type: 'number',
      description: 'That target’s value, for reading planned against achieved.',
    },
    {
      name: 'plan_commitment_id',
      type: 'string',
      description:
        'For a commitment done: the plan’s commitment of the same kind it answers (commitments.commitment_id), the one sharing the most words, or the only one of its kind; empty when that cannot be told.',
    },
    ...span('phrase reporting the figure'),
    ...reading,
  ],
} as const satisfies Table;

export const STATED_SHARES = {
  name: 'stated_shares',
  title: '方案所述资金占比 Stated shares',
  description:
    'The shares of its money a plan states (农产品上行体系专项资金使用占比75%; a 资金占比 column), with the share its own amounts give where the text gives them (a row’s amount over its column’s sum); the stated_share finding compares the two.',
  primaryKey: ['doc_id', 'share_id'],
  fields: [
    docId,
    { name: 'share_id', type: 'string', description: 'Id within the document (s01…).', required: true },
    { name: 'label', type: 'string', description: 'What the share is of, as written.', required: true },
    {
      name: 'share_pct',
      type: 'number',
      unit: 'percent',
      description: 'The share as stated, in %.',
      required: true,
    },
    {
      name: 'computed_pct',
      type: 'number',
      unit: 'percent',
      description: 'The share the amounts beside it give, in %; empty where the text gives none.',
    },
    ...span('statement of the share'),
  ],
} as const satisfies Table;
