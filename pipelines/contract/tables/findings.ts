/** The results of checking each document (validate, audit), with their computations and evidence. */

import type { Table } from '../table.ts';
import { CHECKS, SEVERITIES, STATUSES } from '../vocab.ts';
import { docId, page } from './fields.ts';

export const FINDINGS = {
  name: 'findings',
  title: '核查结果 Findings',
  description:
    'Checks of each document’s facts against each other: sums, conflicting values, unaccounted and refused amounts.',
  primaryKey: ['doc_id', 'finding_id'],
  fields: [
    docId,
    {
      name: 'finding_id',
      type: 'string',
      description: 'Finding id within the document (f001…).',
      required: true,
    },
    {
      name: 'check',
      type: 'string',
      enum: CHECKS,
      description:
        'Which check: items_sum, conflicting_values, unaccounted_amount, amounts_accounted, number_unreadable, amount_implausible, no_facts, county_unresolved, page_without_text, read_error (the document itself); rule:share_of_central, rule:matching_ratio, rule:negative_list (a rule of data/rules, see rule_id); village_coverage; phases_in_period, issued_before_first_phase_end.',
      required: true,
    },
    {
      name: 'severity',
      type: 'string',
      enum: SEVERITIES,
      description:
        'info; review (worth a look: a sum that does not add up, a rule not met in principle, a claim the division data does not bear out); fail (the document could not be read).',
      required: true,
    },
    {
      name: 'status',
      type: 'string',
      enum: STATUSES,
      description: 'Outcome of the check.',
      required: true,
    },
    {
      name: 'subject',
      type: 'string',
      description: 'What it is about: an item id, a metric, a fund source.',
      required: true,
    },
    { name: 'message_zh', type: 'string', description: 'Message in Chinese.', required: true },
    { name: 'message_en', type: 'string', description: 'Message in English.', required: true },
    { name: 'numerator', type: 'number', description: 'Computed value (e.g. the sum of the items).' },
    { name: 'denominator', type: 'number', description: 'Value compared with (e.g. the stated total).' },
    { name: 'threshold', type: 'number', description: 'Threshold of a rule, when there is one.' },
    {
      name: 'comparator',
      type: 'string',
      enum: ['>=', '<='],
      description:
        'How the computed value is bounded by the threshold: at least (>=) or at most (<=), as the rule or the plan says; empty without a threshold.',
    },
    { name: 'rule_id', type: 'string', description: 'The rule checked (rules.rule_id), for rule:* checks.' },
    {
      name: 'evidence',
      type: 'string',
      description: 'All evidence spans as JSON [[start, end], …].',
      required: true,
    },
    {
      name: 'span_start',
      type: 'integer',
      description: 'Start of the main evidence span (empty when the finding is about the whole document).',
    },
    { name: 'span_end', type: 'integer', description: 'End of the main evidence span.' },
    page,
    { name: 'quote', type: 'string', description: 'Text of the main evidence span.' },
  ],
} as const satisfies Table;

export const REVIEW = {
  name: 'review',
  title: '待核查数据 Facts to review',
  description:
    'Facts read with a confidence below 0.7 that no sidecar confirms, with the reasons, lowest first: what a person should check before relying on them. Confirming one is the line in confirm, added to the corrections of data/plans/meta/<doc_id>.yaml.',
  primaryKey: ['doc_id', 'fact'],
  fields: [
    docId,
    {
      name: 'fact',
      type: 'string',
      description:
        'The fact: its table and id (targets.t003, allocations.a0105, document_fields.county_name).',
      required: true,
    },
    {
      name: 'what',
      type: 'string',
      description: 'What the fact is: its metric, label or field.',
      required: true,
    },
    { name: 'value', type: 'string', description: 'The value read, as text.' },
    {
      name: 'found_by',
      type: 'string',
      enum: ['statement', 'table_row', 'heading', 'curated'],
      description: 'How the fact was found.',
      required: true,
    },
    { name: 'confidence', type: 'number', description: 'Its confidence, 0 to 1.', required: true },
    { name: 'reason_zh', type: 'string', description: 'Why it is doubted (Chinese).' },
    { name: 'reason_en', type: 'string', description: 'Why it is doubted (English).' },
    { name: 'span_start', type: 'integer', description: 'Start of the fact’s span.', required: true },
    { name: 'span_end', type: 'integer', description: 'End of the fact’s span.', required: true },
    page,
    { name: 'quote', type: 'string', description: 'The text the fact was read from.', required: true },
    {
      name: 'confirm',
      type: 'string',
      description: 'The sidecar line that confirms the fact as read (give the reason).',
      required: true,
    },
  ],
} as const satisfies Table;
