/**
 * One document through the plan stages (pipelines/plan/): where it is, what is published as its county, what its
 * corrections do, and what a failed document gives. Fixtures are strings; expected values come from reading them.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FIELDS, DOCUMENTS, FINDINGS } from '../../pipelines/contract/schema.ts';
import { readPlan } from '../../pipelines/plan/plan.ts';
import { rowsOf } from '../helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readPlan(docId, file, bytes, sidecar)', () => {
  it('readPlan publishes the division table’s official name, not the text’s spelling (龍勝各族自治縣 → 龙胜各族自治县)', () => {
    const text =
      '龍勝各族自治縣電子商務進農村綜合示範項目實施方案\n\n為推進我縣電子商務進農村綜合示範工作，制定本方案。項目總投資2000萬元。\n';
    const r = readPlan('longsheng', 'longsheng.txt', utf8(text), null);
    expect(r.ok).toBe(true);
    expect(rowsOf(r, DOCUMENTS)[0]).toMatchObject({ county_name: '龙胜各族自治县', county_code: '450328' });
    // the text's spelling stays where the text is cited
    const cited = rowsOf(r, DOCUMENT_FIELDS).find((f) => f.field === 'county_name');
    expect(cited).toMatchObject({ value: '龍勝各族自治縣', quote: '龍勝各族自治縣' });
  });

  it('readPlan keeps the file as it is named in the plans folder (source_file), whatever folder the run began in', () => {
    const r = readPlan(
      'x',
      'x.txt',
      utf8('某某县电子商务进农村综合示范项目实施方案\n\n项目总投资2000万元。\n'),
      null,
    );
    expect(rowsOf(r, DOCUMENTS)[0]!.source_file).toBe('x.txt');
  });

  it('readPlan fails a document whose sidecar quotes text that is not in it, naming the sidecar', () => {
    const r = readPlan(
      'x',
      'x.txt',
      utf8('某某县电子商务进农村综合示范项目实施方案\n\n项目总投资2000万元。\n'),
      {
        corrections: [{ field: 'funds_total_yuan', value: 1, quote: '不在文中', reason: 'test' }],
      },
    );
    expect(r.ok).toBe(false);
    expect(r.error).toContain('x.yaml correction 1');
    expect(rowsOf(r, FINDINGS).map((f) => f.check)).toEqual(['read_error']);
  });
});
