/** Fields that several tables share: a span with its page and quote, the document id, an amount in yuan, a count. */
import type { Field } from '../table.ts';

/** The page of a PDF a span starts on. */
export const page = {
  name: 'page',
  type: 'integer',
  description:
    'The page of the PDF the span starts on (1 is the first page); empty for documents that are not PDFs.',
} as const satisfies Field;

export const span = (what: string) =>
  [
    {
      name: 'span_start',
      type: 'integer',
      description: `Start of the ${what} in the document text (UTF-16 offset, BOM removed).`,
      required: true,
    },
    {
      name: 'span_end',
      type: 'integer',
      description: `End of the ${what} (exclusive UTF-16 offset).`,
      required: true,
    },
    page,
    {
      name: 'quote',
      type: 'string',
      description: 'The exact text of the span: text.slice(span_start, span_end).',
      required: true,
    },
  ] as const satisfies readonly Field[];
export const docId = {
  name: 'doc_id',
  type: 'string',
  description: 'Document id: the file name without .txt.',
  required: true,
} as const satisfies Field;
export const yuan = <N extends string>(name: N, description: string) =>
  ({ name, type: 'integer', unit: 'yuan', description }) as const satisfies Field;

export const count = <N extends string>(name: N, description: string) =>
  ({ name, type: 'integer', description, required: true }) as const satisfies Field;

/** How a fact was read and how far it can be trusted (pipelines/check/confidence.ts). */
export const reading = [
  {
    name: 'found_by',
    type: 'string',
    enum: ['statement', 'table_row', 'heading', 'curated'],
    description:
      'How the fact was found: a phrase of a sentence (statement), a row of a table (table_row), a heading (heading), or a curated correction (curated).',
    required: true,
  },
  {
    name: 'confidence',
    type: 'number',
    description:
      'How far the reading can be trusted without a person checking it, 0 to 1 (rules in data/README.md); below 0.7 the fact is listed in review.',
    required: true,
  },
] as const satisfies readonly Field[];
