/** What a plan states, each fact with its span and quote: fund items, targets, phases, products, and every money amount of the text. */

import type { Table } from '../table.ts';
import { AMOUNT_NOTES, CATEGORIES, COMPARATORS } from '../vocab.ts';
import { docId, reading, span, yuan } from './fields.ts';

export const ALLOCATIONS = {
  name: 'allocations',
  title: '资金安排 Fund allocations',
  description:
    'The plan’s fund items as a tree (group → item), amounts per source, each with the statement it came from.',
  primaryKey: ['doc_id', 'item_id'],
  fields: [
    docId,
    {
      name: 'item_id',
      type: 'string',
      description: 'Item id within the document (a01, a02… in reading order).',
      required: true,
    },
    {
      name: 'parent_item_id',
      type: 'string',
      description: 'The group this item belongs to; empty at the top of the tree.',
    },
    { name: 'label', type: 'string', description: 'The item’s name as written in the plan.', required: true },
    {
      name: 'plan_group',
      type: 'string',
      description: 'The plan’s own grouping: the label of the parent item, as written.',
    },
    {
      name: 'category',
      type: 'string',
      enum: CATEGORIES,
      description: 'Canonical category (see methodology); empty for a group whose label names none.',
    },
    yuan('amount_yuan', 'Amount of the item; see amount_basis.'),
    {
      name: 'amount_basis',
      type: 'string',
      enum: ['stated', 'sum_of_sources', 'none'],
      description:
        'stated: the plan states the total; sum_of_sources: only per-source amounts are stated and amount_yuan is their sum; none: a group without amounts.',
      required: true,
    },
    yuan('central_yuan', 'Central funds (中央财政) for the item.'),
    yuan('provincial_yuan', 'Provincial funds (省级) for the item.'),
    yuan('local_yuan', 'Local funds (市/县级) for the item.'),
    yuan('other_yuan', 'Other funds (企业自筹, 社会资本) for the item.'),
    { name: 'label_start', type: 'integer', description: 'Start of the label in the text.', required: true },
    { name: 'label_end', type: 'integer', description: 'End of the label in the text.', required: true },
    {
      name: 'responsible',
      type: 'string',
      description:
        'Who is responsible for the item, as a funds table’s column names them (五指山 推荐责任部门: 中标企业、市商务局、各相关部门); empty where the table has no such column. A recommendation when the column says 推荐.',
    },
    { name: 'responsible_start', type: 'integer', description: 'Start of that cell in the text.' },
    { name: 'responsible_end', type: 'integer', description: 'End of that cell in the text.' },
    ...span('statement that gives the amounts'),
    ...reading,
  ],
} as const satisfies Table;

export const TARGETS = {
  name: 'targets',
  title: '目标 Targets',
  description: 'Quantitative targets in a closed vocabulary, each with its comparator and source phrase.',
  primaryKey: ['doc_id', 'target_id'],
  fields: [
    docId,
    {
      name: 'target_id',
      type: 'string',
      description: 'Target id within the document (t01…).',
      required: true,
    },
    {
      name: 'metric',
      type: 'string',
      description:
        'Metric (see methodology for the vocabulary); other for a bounded figure the vocabulary lacks, named in label.',
      required: true,
    },
    {
      name: 'label',
      type: 'string',
      description:
        'For metric other: what is counted, as written (培训转化率, 电子商务用工对接会, 冷库); empty otherwise. Never compared across counties.',
    },
    { name: 'value', type: 'number', description: 'Target value.', required: true },
    {
      name: 'unit',
      type: 'string',
      description:
        'Unit as stated: 个, %, 人次, 人, 家, 小时, 天; for other also 场, 平方米, 辆, 项, 次, 种, 款, 期.',
      required: true,
    },
    {
      name: 'comparator',
      type: 'string',
      enum: COMPARATORS,
      description: '>= for 不低于/不少于/以上, <= for 不超过/以内, = otherwise.',
      required: true,
    },
    {
      name: 'alternative',
      type: 'string',
      description:
        'For an either/or target (农产品网络零售额或县域快递业务量同比增速10%以上), the other measure as written: the target is met by either, so it is not this metric’s alone.',
    },
    ...span('phrase stating the target'),
    ...reading,
  ],
} as const satisfies Table;

export const PHASES = {
  name: 'phases',
  title: '实施阶段 Phases',
  description: 'Implementation phases with their start and end months.',
  primaryKey: ['doc_id', 'phase_id'],
  fields: [
    docId,
    { name: 'phase_id', type: 'string', description: 'Phase id within the document (p1…).', required: true },
    { name: 'name', type: 'string', description: 'Name as written (启动阶段).', required: true },
    {
      name: 'start_month',
      type: 'yearmonth',
      description: 'First month; empty when the plan gives only a deadline.',
    },
    { name: 'end_month', type: 'yearmonth', description: 'Last month (or deadline).' },
    ...span('phase heading'),
    ...reading,
  ],
} as const satisfies Table;

export const PRODUCTS = {
  name: 'products',
  title: '特色产品 Featured products',
  description: 'Local products the plan names as featured (特色农产品, 地标产品).',
  primaryKey: ['doc_id', 'product_id'],
  fields: [
    docId,
    {
      name: 'product_id',
      type: 'string',
      description: 'Product id within the document (r01…).',
      required: true,
    },
    { name: 'name', type: 'string', description: 'Product name as written.', required: true },
    ...span('product name'),
    ...reading,
  ],
} as const satisfies Table;

export const AMOUNTS = {
  name: 'amounts',
  title: '文中金额 Money amounts in the text',
  description: 'Every money amount written in a document and the fact that accounts for it, if any.',
  primaryKey: ['doc_id', 'amount_id'],
  fields: [
    docId,
    {
      name: 'amount_id',
      type: 'string',
      description: 'Amount id within the document (m001…).',
      required: true,
    },
    yuan(
      'amount_yuan',
      'The amount, converted to yuan; empty when the number could not be read for sure (note = unreadable) or is too large to be an exact integer (note = implausible).',
    ),
    {
      name: 'accounted_by',
      type: 'string',
      description: 'The fact it is part of (funds:central, allocation:a03); empty when unaccounted.',
    },
    {
      name: 'note',
      type: 'string',
      enum: AMOUNT_NOTES,
      description:
        'Why an unaccounted amount is not a fund fact: a payment schedule, a threshold, an explanation, no item named; unreadable (a number that cannot be read for sure: a bidirectional control, a space between digit groups, scientific notation, irregular grouping) or implausible (above ¥10 billion, or beyond exact integers), never used as a fund figure and reported as a number_unreadable or amount_implausible finding.',
    },
    {
      name: 'context',
      type: 'string',
      description: 'Up to 30 characters either side, for reading.',
      required: true,
    },
    ...span('amount'),
  ],
} as const satisfies Table;
