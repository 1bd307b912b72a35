/**
 * How each fact was found and how far it can be trusted (issue 15, "a reading you can trust at scale"): a fact of a
 * sentence and a fact of a table row, a figure whose items do not add up, a county named by its short form; the
 * facts below the threshold listed for review; a sidecar line that confirms one. The documents are written here,
 * standing for a plan whose fund items fall short of its stated total; expected values are read from them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALLOCATIONS,
  CORRECTIONS,
  DOCUMENT_FIELDS,
  REVIEW,
  TARGETS,
} from '../../pipelines/contract/schema.ts';
import { readPlan } from '../../pipelines/plan/plan.ts';
import type { Sidecar } from '../../pipelines/plan/sidecar.ts';
import { publishedCsv, ROOT, rowsOf } from '../helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
// 峨边县 is the short form of 峨边彝族自治县; the two items (300 + 200) fall 500万元 short of the stated 1,000万元
const PLAN = [
  '峨边县电子商务进农村综合示范项目实施方案',
  '项目总投资1000万元。',
  '建设村级电商服务站不少于60个。',
  '金额单位：万元',
  '项目\t金额',
  '村级服务站建设\t300',
  '电商培训\t200',
  '',
].join('\n');
const read = (sidecar: Sidecar | null = null) => readPlan('ebian', 'ebian.txt', utf8(PLAN), sidecar);

describe('found_by and confidence', () => {
  it('a target of a sentence is a statement (0.9); the county named short is 0.8', () => {
    const r = read();
    const target = rowsOf(r, TARGETS).find((t) => t.metric === 'village_station_count')!;
    expect(target).toMatchObject({ found_by: 'statement', confidence: 0.9 });
    const county = rowsOf(r, DOCUMENT_FIELDS).find((f) => f.field === 'county_name')!;
    expect(county).toMatchObject({ found_by: 'statement', confidence: 0.8 });
  });

  it('items of a table that do not add up to the stated total are table rows, doubted to 0.5, and listed for review', () => {
    const r = read();
    const items = rowsOf(r, ALLOCATIONS).filter(
      (a) => a.amount_yuan === 3_000_000 || a.amount_yuan === 2_000_000,
    );
    expect(items).toHaveLength(2);
    for (const a of items) expect(a).toMatchObject({ found_by: 'table_row', confidence: 0.5 });
    const listed = rowsOf(r, REVIEW).map((x) => x.fact);
    for (const a of items) expect(listed).toContain(`allocations.${a.item_id}`);
    const row = rowsOf(r, REVIEW).find((x) => x.what === '村级服务站建设')!;
    expect(row.reason_zh).toMatch(/相差 500万元/);
    expect(row.quote).toBe('村级服务站建设\t300');
    expect(row.confirm).toBe(
      `{ fact: ${row.fact}, action: confirm, quote: "村级服务站建设\\t300", reason: "…" }`,
    );
  });

  it('a fact confirmed in the sidecar is 1 and leaves the review list, with a corrections row', () => {
    const first = rowsOf(read(), REVIEW).find((x) => x.what === '村级服务站建设')!;
    const r = read({
      corrections: [
        {
          fact: String(first.fact),
          action: 'confirm',
          quote: '村级服务站建设\t300',
          reason: '对照原文，300万元无误',
        },
      ],
    });
    expect(r.ok).toBe(true);
    expect(rowsOf(r, REVIEW).map((x) => x.fact)).not.toContain(first.fact);
    const item = rowsOf(r, ALLOCATIONS).find((a) => `allocations.${a.item_id}` === first.fact)!;
    expect(item.confidence).toBe(1);
    expect(rowsOf(r, CORRECTIONS)[0]).toMatchObject({
      action: 'confirm',
      target: first.fact,
      corrected_value: null,
    });
  });

  it('a confirmation whose quote is not the fact’s text fails the document, naming the sidecar', () => {
    const first = rowsOf(read(), REVIEW)[0]!;
    const r = read({
      corrections: [
        { fact: String(first.fact), action: 'confirm', quote: '项目总投资1000万元', reason: 'x' },
      ],
    });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/ebian\.yaml correction 1: the quote is not the text of/);
  });
});

describe('the published review table', () => {
  it('lists every fact below 0.7 and /audit/ shows each with its confirmation line', () => {
    const csv = publishedCsv;
    const low = [
      'allocations',
      'targets',
      'phases',
      'products',
      'document_fields',
      'commitments',
      'achievements',
    ].flatMap((t) =>
      csv(t)
        .filter((r) => Number(r.confidence) < 0.7)
        .map((r) => r.doc_id),
    );
    const review = csv('review');
    expect(review.length).toBe(low.length);
    const audit = readFileSync(join(ROOT, 'dist/audit/index.html'), 'utf8');
    for (const r of review) expect(audit).toContain(`data-fact="${r.fact}"`);
  });
});

describe('an either/or target', () => {
  it('乳源: 农产品网络零售额或县域快递业务量同比增速10%以上 keeps its other measure and is listed for review', () => {
    const r = readPlan(
      'ruyuan-2021',
      'ruyuan-2021.txt',
      readFileSync(join(ROOT, 'data/plans/raw/ruyuan-2021.txt')),
      null,
    );
    const t = rowsOf(r, TARGETS).find((x) => x.metric === 'agri_online_retail_growth_pct')!;
    expect(t).toMatchObject({ value: 10, alternative: '县域快递业务量', confidence: 0.6 });
    expect(rowsOf(r, REVIEW).map((x) => x.fact)).toContain(`targets.${t.target_id}`);
    // a target with no 或 has none
    expect(rowsOf(r, TARGETS).find((x) => x.metric === 'training_person_times')!.alternative).toBeNull();
  });
});
