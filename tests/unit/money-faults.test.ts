/**
 * A number in plan text is never silently another number: it is read right (typographic thousands separators,
 * full-width commas in groups of three, invisible zero-width characters) or refused with a finding (bidi
 * controls, ordinary spaces between digit groups, scientific notation, irregular grouping, absurd sizes).
 * Every expected value is read from the fixture text by a person.
 */
import { describe, expect, it } from 'vitest';
import { validate } from '../../pipelines/check/validate.ts';
import { AMOUNTS, checkRows, FINDINGS, PLAN_TABLES } from '../../pipelines/contract/schema.ts';
import { extract } from '../../pipelines/extract/extract.ts';
import { moneyMentions, refusedAmounts, scanMoney } from '../../pipelines/extract/matchers/money.ts';
import type { Extraction } from '../../pipelines/extract/types.ts';
import { prepare } from '../../pipelines/normalize/doc.ts';
import { readPlan } from '../../pipelines/plan/plans.ts';

const HEAD = '某某县电子商务进农村综合示范项目实施方案\n\n';
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** The amounts read as money: yuan and the original text of each span. */
function read(text: string): [number, string][] {
  const doc = prepare(text);
  return moneyMentions(doc).map((m) => {
    const span = doc.span(m.nstart, m.nend);
    return [m.yuan, text.slice(span.start, span.end)];
  });
}

/** The amounts refused: note, problem, characters at fault, yuan and the original text of each span. */
function refused(text: string) {
  const doc = prepare(text);
  return refusedAmounts(doc).map((r) => {
    const span = doc.span(r.nstart, r.nend);
    expect(r.refusal.written).toBe(text.slice(span.start, span.end));
    return {
      note: r.note,
      problem: r.refusal.problem,
      chars: r.refusal.chars,
      yuan: r.yuan,
      quote: text.slice(span.start, span.end),
    };
  });
}

/** Every fact that cites a span of the text (fields and allocations), to check none cites a refused amount. */
function citedSpans(x: Extraction): { what: string; start: number; end: number }[] {
  const out: { what: string; start: number; end: number }[] = [];
  for (const [k, f] of Object.entries(x.fields)) if (f) out.push({ what: k, start: f.start, end: f.end });
  for (const a of x.allocations) out.push({ what: `allocation ${a.label}`, start: a.start, end: a.end });
  return out;
}

/** Checks that no document field or allocation uses the amount written as `quote`. */
function expectNotUsed(text: string, x: Extraction, quote: string) {
  const at = text.indexOf(quote);
  expect(at, quote).toBeGreaterThanOrEqual(0);
  for (const c of citedSpans(x)) {
    const overlaps = c.start < at + quote.length && at < c.end;
    expect(overlaps, `${c.what} cites “${text.slice(c.start, c.end)}”`).toBe(false);
  }
  for (const k of [
    'funds_total_yuan',
    'funds_central_yuan',
    'funds_local_yuan',
    'funds_provincial_yuan',
    'funds_other_yuan',
  ] as const) {
    const f = x.fields[k];
    if (f) expect(text.slice(f.start, f.end), k).not.toBe(quote);
  }
}

describe('moneyMentions: typographic thousands separators are read right', () => {
  it('moneyMentions(doc) reads a thin-space thousands separator (2\u2009000万元) as 2000万', () => {
    expect(read('总投资2\u2009000万元')).toEqual([[20_000_000, '2\u2009000万元']]);
    expect(refused('总投资2\u2009000万元')).toEqual([]);
  });
  it('moneyMentions(doc) reads a narrow no-break space thousands separator (2\u202F000万元) as 2000万', () => {
    expect(read('总投资2\u202F000万元')).toEqual([[20_000_000, '2\u202F000万元']]);
  });
  it('moneyMentions(doc) reads a no-break space thousands separator (2\u00A0000万元, 2&nbsp;000万元) as 2000万', () => {
    expect(read('总投资2\u00A0000万元')).toEqual([[20_000_000, '2\u00A0000万元']]);
    expect(read('总投资2&nbsp;000万元')).toEqual([[20_000_000, '2&nbsp;000万元']]);
    expect(read('总投资2&#8201;000万元')).toEqual([[20_000_000, '2&#8201;000万元']]);
  });
  it('moneyMentions(doc) reads several thin-space groups and a decimal part (1\u2009234\u2009567元, 1\u2009500.5万元)', () => {
    expect(read('共1\u2009234\u2009567元，另1\u2009500.5万元')).toEqual([
      [1_234_567, '1\u2009234\u2009567元'],
      [15_005_000, '1\u2009500.5万元'],
    ]);
  });
  it('moneyMentions(doc) reads a thin space between the number and its unit (1500\u2009万元) as 1500万', () => {
    expect(read('总投资1500\u2009万元')).toEqual([[15_000_000, '1500\u2009万元']]);
  });
  it('moneyMentions(doc) reads a number with a zero-width space inside as a reader sees it (1\u200B500万元 → 1500万)', () => {
    expect(read('总投资1\u200B500万元')).toEqual([[15_000_000, '1\u200B500万元']]);
    expect(read('总投资5\u206000万元')).toEqual([[5_000_000, '5\u206000万元']]);
  });
  it('moneyMentions(doc) still reads a tab (a table cell) as the end of a number (3\\t200万元 → 200万)', () => {
    expect(read('3\t200万元')).toEqual([[2_000_000, '200万元']]);
  });
});

describe('moneyMentions: the full-width comma as a thousands separator', () => {
  it('moneyMentions(doc) reads a full-width thousands separator (2，000万元) as 2000万', () => {
    expect(read('总投资2，000万元')).toEqual([[20_000_000, '2，000万元']]);
  });
  it('moneyMentions(doc) reads a full-width separator inside full-width digits (２，２００万元) as 2200万', () => {
    expect(read('总投资２，２００万元')).toEqual([[22_000_000, '２，２００万元']]);
    expect(read('共1，234，567元')).toEqual([[1_234_567, '1，234，567元']]);
  });
  it('moneyMentions(doc) keeps a full-width comma between numbers that are not groups of three (3000，1500万元)', () => {
    expect(read('分别为3000，1500万元')).toEqual([[15_000_000, '1500万元']]);
    expect(read('培训3000人次，1500万元')).toEqual([[15_000_000, '1500万元']]);
  });
  it('refusedAmounts(doc) refuses a full-width comma before a group that starts with 0 (2，00万元), today read as 0', () => {
    expect(read('总投资2，00万元')).toEqual([]);
    expect(refused('总投资2，00万元')).toEqual([
      {
        note: 'unreadable',
        problem: 'irregular_grouping',
        chars: ['U+FF0C'],
        yuan: null,
        quote: '2，00万元',
      },
    ]);
  });
});

describe('refusedAmounts: numbers that cannot be read for sure', () => {
  it('refusedAmounts(doc) refuses an RTL override inside a number (总投资1\u202E500万元), today read as 500万', () => {
    const text = '总投资1\u202E500万元';
    expect(read(text)).toEqual([]);
    expect(refused(text)).toEqual([
      { note: 'unreadable', problem: 'bidi_control', chars: ['U+202E'], yuan: null, quote: '1\u202E500万元' },
    ]);
  });
  it('refusedAmounts(doc) refuses other bidi controls inside a number or before its unit (1\u2066500万元, 1500\u200F万元)', () => {
    expect(read('1\u2066500万元')).toEqual([]);
    expect(refused('1\u2066500万元').map((r) => [r.problem, r.chars, r.quote])).toEqual([
      ['bidi_control', ['U+2066'], '1\u2066500万元'],
    ]);
    expect(read('1500\u200F万元')).toEqual([]);
    expect(refused('1500\u200F万元').map((r) => [r.problem, r.chars, r.quote])).toEqual([
      ['bidi_control', ['U+200F'], '1500\u200F万元'],
    ]);
  });
  it('refusedAmounts(doc) refuses a number displayed reversed by an override opened before it (\u202E1500万元)', () => {
    expect(read('总投资\u202E1500万元')).toEqual([]);
    expect(refused('总投资\u202E1500万元').map((r) => [r.problem, r.chars, r.quote])).toEqual([
      ['bidi_control', ['U+202E'], '1500万元'],
    ]);
    expect(read('总投资\u202E五百万元')).toEqual([]);
    expect(refused('总投资\u202E五百万元').map((r) => [r.problem, r.quote])).toEqual([
      ['bidi_control', '五百万元'],
    ]);
    // an override closed (U+202C) before the number changes nothing about it
    expect(read('\u202E某某\u202C，总投资1500万元')).toEqual([[15_000_000, '1500万元']]);
  });
  it('moneyMentions(doc) reads a number after the paragraph of an unclosed override, even where the lines are joined', () => {
    const text = `为加快推进农村电子商务发展完善县乡村三级物流\u202E配送体系建设\n总投资1500万元`;
    expect(prepare(text).text).not.toContain('\n');
    expect(read(text)).toEqual([[15_000_000, '1500万元']]);
  });
  it('scanMoney(doc) reads a long run of joined digits without a unit once, not once per digit', () => {
    const started = performance.now();
    expect(scanMoney(prepare(`${'1，'.repeat(20_000)}1${'1\u202E'.repeat(20_000)}`))).toEqual({
      mentions: [],
      refused: [],
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });
  it('refusedAmounts(doc) refuses a word joiner and a space inside a number (5\u2060 00万元), today read as 0', () => {
    const text = '总投资5\u2060 00万元';
    expect(read(text)).toEqual([]);
    expect(refused(text)).toEqual([
      {
        note: 'unreadable',
        problem: 'ambiguous_space',
        chars: ['U+2060', 'U+0020'],
        yuan: null,
        quote: '5\u2060 00万元',
      },
    ]);
  });
  it('refusedAmounts(doc) refuses an ordinary space between digit groups (2 000万元, 3 200万元): two numbers or one', () => {
    expect(read('总投资2 000万元')).toEqual([]);
    expect(refused('总投资2 000万元')).toEqual([
      { note: 'unreadable', problem: 'ambiguous_space', chars: ['U+0020'], yuan: null, quote: '2 000万元' },
    ]);
    expect(read('3 200万元')).toEqual([]);
    expect(refused('3 200万元').map((r) => r.quote)).toEqual(['3 200万元']);
  });
  it('refusedAmounts(doc) refuses an ideographic space or a line break between digit groups (2\u3000000万元)', () => {
    expect(read('总投资2\u3000000万元')).toEqual([]);
    expect(refused('总投资2\u3000000万元').map((r) => [r.problem, r.chars])).toEqual([
      ['ambiguous_space', ['U+3000']],
    ]);
  });
  it('refusedAmounts(doc) refuses a typographic separator that does not group by three (20\u200900万元)', () => {
    expect(read('总投资20\u200900万元')).toEqual([]);
    expect(refused('总投资20\u200900万元')).toEqual([
      {
        note: 'unreadable',
        problem: 'irregular_grouping',
        chars: ['U+2009'],
        yuan: null,
        quote: '20\u200900万元',
      },
    ]);
  });
  it('refusedAmounts(doc) refuses an ASCII comma that does not group by three (1,5000万元), today not read at all', () => {
    expect(read('总投资1,5000万元')).toEqual([]);
    expect(refused('总投资1,5000万元').map((r) => [r.problem, r.chars, r.quote])).toEqual([
      ['irregular_grouping', ['U+002C'], '1,5000万元'],
    ]);
  });
  it('refusedAmounts(doc) refuses scientific notation (1e308万元, 1.5E+3万元), today read as 308万 and 3万', () => {
    expect(read('总投资1e308万元')).toEqual([]);
    expect(refused('总投资1e308万元')).toEqual([
      { note: 'unreadable', problem: 'exponent', chars: ['U+0065'], yuan: null, quote: '1e308万元' },
    ]);
    expect(read('另1.5E+3万元')).toEqual([]);
    expect(refused('另1.5E+3万元').map((r) => [r.problem, r.quote])).toEqual([['exponent', '1.5E+3万元']]);
  });
  it('refusedAmounts(doc) refuses a number that starts with 0 after another separator (1\u2019000万元), today read as 0', () => {
    expect(read('总投资1\u2019000万元')).toEqual([]);
    expect(refused('总投资1\u2019000万元').map((r) => [r.problem, r.chars, r.quote])).toEqual([
      ['leading_zero', ['U+2019'], '1\u2019000万元'],
    ]);
  });
});

describe('refusedAmounts: absurd amounts', () => {
  it('refusedAmounts(doc) refuses an amount above ¥10 billion (200亿元) and keeps its value', () => {
    expect(read('总投资200亿元')).toEqual([]);
    expect(refused('总投资200亿元')).toEqual([
      { note: 'implausible', problem: 'above_bound', chars: [], yuan: 20_000_000_000, quote: '200亿元' },
    ]);
    // the bound itself is plausible
    expect(read('总投资100亿元')).toEqual([[10_000_000_000, '100亿元']]);
  });
  it('refusedAmounts(doc) refuses an amount beyond exact arithmetic (99999999999999999999万元) with no value', () => {
    expect(read('总投资99999999999999999999万元')).toEqual([]);
    expect(refused('总投资99999999999999999999万元')).toEqual([
      {
        note: 'implausible',
        problem: 'not_exact',
        chars: [],
        yuan: null,
        quote: '99999999999999999999万元',
      },
    ]);
  });
  it('refusedAmounts(doc) refuses 1 followed by 400 zeros 万元 (not finite) with no value', () => {
    const quote = `1${'0'.repeat(400)}万元`;
    expect(read(`总投资${quote}`)).toEqual([]);
    expect(refused(`总投资${quote}`)).toEqual([
      { note: 'implausible', problem: 'not_exact', chars: [], yuan: null, quote },
    ]);
  });
});

describe('extract: a refused amount is never a fund figure', () => {
  it('extract(text) reads thin-space amounts as the document totals (项目总投资2\u2009200万元，其中中央财政资金1\u2009500万元)', () => {
    const text = `${HEAD}项目总投资2\u2009200万元，其中中央财政资金1\u2009500万元。\n`;
    const x = extract(text);
    expect(x.fields.funds_total_yuan?.value).toBe(22_000_000);
    expect(x.fields.funds_central_yuan?.value).toBe(15_000_000);
    const f = x.fields.funds_total_yuan!;
    expect(text.slice(f.start, f.end)).toBe('2\u2009200万元');
  });
  it('extract(text) keeps an RTL-override amount in amounts (no value, unreadable) and uses it for no fund fact', () => {
    const text = `${HEAD}项目总投资1\u202E500万元，其中中央财政资金1500万元。\n`;
    const x = extract(text);
    expect(x.fields.funds_total_yuan).toBeNull();
    expectNotUsed(text, x, '1\u202E500万元');
    const row = x.amounts.find((a) => text.slice(a.start, a.end) === '1\u202E500万元');
    expect(row).toMatchObject({ yuan: null, accountedBy: null, note: 'unreadable' });
    expect(x.amounts.map((a) => text.slice(a.start, a.end))).toEqual(['1\u202E500万元', '1500万元']);
  });
  it('extract(text) uses no amount above ¥10 billion as a total (项目总投资200亿元) and keeps it with its value', () => {
    const text = `${HEAD}项目总投资200亿元，其中中央财政资金1500万元。\n`;
    const x = extract(text);
    expect(x.fields.funds_total_yuan).toBeNull();
    expectNotUsed(text, x, '200亿元');
    expect(x.amounts[0]).toMatchObject({ yuan: 20_000_000_000, accountedBy: null, note: 'implausible' });
  });
  it('extract(text) uses no amount beyond exact arithmetic as a total (99999999999999999999万元) and keeps it without value', () => {
    const text = `${HEAD}项目总投资99999999999999999999万元，其中中央财政资金1500万元。\n`;
    const x = extract(text);
    expect(x.fields.funds_total_yuan).toBeNull();
    expectNotUsed(text, x, '99999999999999999999万元');
    expect(x.amounts[0]).toMatchObject({ yuan: null, accountedBy: null, note: 'implausible' });
  });
  it('extract(text) reads scientific notation and spaced digits as no total (总投资1e308万元, 总投资2 000万元)', () => {
    for (const quote of ['1e308万元', '2 000万元']) {
      const text = `${HEAD}项目总投资${quote}，其中中央财政资金1500万元。\n`;
      const x = extract(text);
      expect(x.fields.funds_total_yuan, quote).toBeNull();
      expectNotUsed(text, x, quote);
    }
  });
});

describe('validate: one finding per refused amount', () => {
  it('validate(x) reports an unreadable amount (number_unreadable, review) naming U+202E, with its span', () => {
    const text = `${HEAD}项目总投资1\u202E500万元。\n其中中央财政资金1500万元。\n`;
    const findings = validate(extract(text)).filter((f) => f.check === 'number_unreadable');
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f).toMatchObject({ severity: 'review', status: 'fail', subject: 'bidi_control' });
    expect(f.message_zh).toContain('U+202E');
    expect(f.message_en).toContain('U+202E');
    // the quote is shown with the control made visible, so the message itself is not reordered
    expect(f.message_zh).toContain('1[U+202E]500万元');
    expect(f.message_zh).not.toContain('\u202E');
    const [e] = f.evidence;
    expect(text.slice(e!.start, e!.end)).toBe('1\u202E500万元');
  });
  it('validate(x) reports every amount an unclosed override reverses, to the end of its line (…，其中中央财政资金1500万元)', () => {
    const text = `${HEAD}项目总投资1\u202E500万元，其中中央财政资金1500万元。\n`;
    const x = extract(text);
    const findings = validate(x).filter((f) => f.check === 'number_unreadable');
    expect(findings.map((f) => text.slice(f.evidence[0]!.start, f.evidence[0]!.end))).toEqual([
      '1\u202E500万元',
      '1500万元',
    ]);
    for (const f of findings) expect(f.message_en).toContain('U+202E');
    expect(x.fields.funds_central_yuan).toBeNull();
  });
  it('validate(x) reports an ambiguous space (number_unreadable) naming U+0020 and quoting 2 000万元', () => {
    const findings = validate(extract(`${HEAD}项目总投资2 000万元。\n`)).filter(
      (f) => f.check === 'number_unreadable',
    );
    expect(findings.map((f) => f.subject)).toEqual(['ambiguous_space']);
    expect(findings[0]!.message_zh).toContain('2 000万元');
    expect(findings[0]!.message_en).toContain('U+0020');
  });
  it('validate(x) reports an amount above the bound (amount_implausible) with the bound as threshold', () => {
    const text = `${HEAD}项目总投资200亿元。\n`;
    const findings = validate(extract(text));
    const f = findings.filter((g) => g.check === 'amount_implausible');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: 'review',
      status: 'fail',
      subject: 'above_bound',
      numerator: 20_000_000_000,
      threshold: 10_000_000_000,
    });
    expect(f[0]!.message_zh).toContain('200亿元');
    expect(text.slice(f[0]!.evidence[0]!.start, f[0]!.evidence[0]!.end)).toBe('200亿元');
    // a refused amount gets its own finding, not a second one as unaccounted
    expect(findings.filter((g) => g.check === 'unaccounted_amount')).toEqual([]);
  });
});

describe('readPlan: refused amounts are published, never lost', () => {
  const cases: { name: string; quote: string; check: string; note: string; yuan: number | null }[] = [
    {
      name: 'RTL override',
      quote: '1\u202E500万元',
      check: 'number_unreadable',
      note: 'unreadable',
      yuan: null,
    },
    {
      name: 'word joiner',
      quote: '5\u2060 00万元',
      check: 'number_unreadable',
      note: 'unreadable',
      yuan: null,
    },
    {
      name: 'ordinary space',
      quote: '2 000万元',
      check: 'number_unreadable',
      note: 'unreadable',
      yuan: null,
    },
    {
      name: 'scientific notation',
      quote: '1e308万元',
      check: 'number_unreadable',
      note: 'unreadable',
      yuan: null,
    },
    {
      name: 'above the bound',
      quote: '200亿元',
      check: 'amount_implausible',
      note: 'implausible',
      yuan: 20_000_000_000,
    },
    {
      name: '20 nines',
      quote: '99999999999999999999万元',
      check: 'amount_implausible',
      note: 'implausible',
      yuan: null,
    },
    {
      name: '1 and 400 zeros',
      quote: `1${'0'.repeat(400)}万元`,
      check: 'amount_implausible',
      note: 'implausible',
      yuan: null,
    },
  ];
  it.each(cases)(
    'readPlan(bytes) publishes the $name amount with its quote, its note and a $check finding',
    (c) => {
      const text = `${HEAD}项目总投资${c.quote}。\n其中中央财政资金1500万元。\n`;
      const result = readPlan('fault', 'fault.txt', utf8(text), null);
      expect(result.ok).toBe(true);
      const amounts = result.rows.get(AMOUNTS)!;
      expect(amounts.filter((r) => r.quote === c.quote)).toEqual([
        expect.objectContaining({ amount_yuan: c.yuan, note: c.note, accounted_by: null }),
      ]);
      const findings = result.rows.get(FINDINGS)!.filter((r) => r.check === c.check);
      expect(findings.map((r) => r.quote)).toEqual([c.quote]);
      expect(findings[0]).toMatchObject({ severity: 'review', status: 'fail' });
      // every row fits its table, and no integer is beyond what Parquet and JavaScript hold exactly
      for (const table of PLAN_TABLES) {
        const rows = result.rows.get(table) ?? [];
        expect(() => checkRows(table, rows), table.name).not.toThrow();
        for (const field of table.fields.filter((f) => f.type === 'integer'))
          for (const row of rows) {
            const v = row[field.name] ?? null;
            if (v !== null) expect(Number.isSafeInteger(v), `${table.name}.${field.name} = ${v}`).toBe(true);
          }
      }
    },
  );
});

describe('amount tables: a bare-number cell above the bound is no fund figure', () => {
  // numbers in 万元 under a unit line: 99999999999999999999 万元 is beyond exact integers in yuan, 2000000 万元
  // is ¥20 billion (above the ¥10 billion bound); 80, 20, 120, 80, 200 and 100 万元 are plausible
  const TABLE =
    `${HEAD}金额单位：万元\n` +
    '序号\t项目名称\t合计\t中央财政\t市级财政\n' +
    '1\t物流体系建设\t99999999999999999999\t80\t20\n' +
    '2\t公共服务中心\t200\t120\t80\n' +
    '3\t人才培训\t2000000\n' +
    '合计\t\t99999999999999999999\t200\t100\n';
  const NINES = '99999999999999999999';
  /** The offsets of every occurrence of `quote` in the fixture. */
  const at = (quote: string) => [...TABLE.matchAll(new RegExp(quote, 'g'))].map((m) => m.index);

  it('extract(text) uses no refused cell as a document total (合计 99999999999999999999) and keeps the plausible sources of the same row', () => {
    const x = extract(TABLE);
    expect(x.fields.funds_total_yuan).toBeNull();
    expect(x.fields.funds_central_yuan?.value).toBe(2_000_000);
    expect(x.fields.funds_local_yuan?.value).toBe(1_000_000);
    // no field cites a refused cell (an allocation's statement may span one: the row as written, see below)
    for (const f of Object.values(x.fields))
      if (f) expect([NINES, '2000000']).not.toContain(TABLE.slice(f.start, f.end));
    expectNotUsed(TABLE, x, '2000000');
  });

  it('extract(text) gives no allocation a refused cell: 物流体系建设 has only its sources (80 + 20 万元), 人才培训 no amount at all', () => {
    const x = extract(TABLE);
    expect(
      x.allocations.map((a) => [
        a.label,
        a.amounts.amount,
        a.amountBasis,
        a.amounts.central,
        a.amounts.local,
      ]),
    ).toEqual([
      ['物流体系建设', 1_000_000, 'sum_of_sources', 800_000, 200_000],
      ['公共服务中心', 2_000_000, 'stated', 1_200_000, 800_000],
    ]);
    // its statement is the row as written, the refused cell in it; its amount is labelled as the sources' sum
    const [logistics] = x.allocations;
    expect(TABLE.slice(logistics!.start, logistics!.end)).toBe(`物流体系建设\t${NINES}\t80\t20`);
    for (const a of x.allocations)
      for (const v of Object.values(a.amounts))
        if (v !== null) expect(Number.isSafeInteger(v), a.label).toBe(true);
  });

  it('extract(text) keeps each refused cell in amounts as implausible, with its refusal (not_exact: no value; above_bound: ¥20 billion)', () => {
    const x = extract(TABLE);
    const [first, sum] = at(NINES);
    const [big] = at('2000000');
    expect(x.amounts.filter((a) => a.note === 'implausible')).toEqual([
      {
        yuan: null,
        start: first,
        end: first! + NINES.length,
        accountedBy: null,
        note: 'implausible',
        refusal: { problem: 'not_exact', chars: [], written: NINES },
      },
      {
        yuan: 20_000_000_000,
        start: big,
        end: big! + 7,
        accountedBy: null,
        note: 'implausible',
        refusal: { problem: 'above_bound', chars: [], written: '2000000' },
      },
      {
        yuan: null,
        start: sum,
        end: sum! + NINES.length,
        accountedBy: null,
        note: 'implausible',
        refusal: { problem: 'not_exact', chars: [], written: NINES },
      },
    ]);
    // the plausible cells are amounts as before, in text order with the refused ones
    expect(x.amounts.map((a) => TABLE.slice(a.start, a.end))).toEqual([
      NINES,
      '80',
      '20',
      '200',
      '120',
      '80',
      '2000000',
      NINES,
      '200',
      '100',
    ]);
  });

  it('extract(text) still uses a cell of exactly ¥10 billion (1000000 under 万元): the bound itself is plausible', () => {
    const text = `${HEAD}金额单位：万元\n序号\t项目名称\t合计\n1\t电商产业园\t1000000\n`;
    expect(extract(text).allocations.map((a) => [a.label, a.amounts.amount])).toEqual([
      ['电商产业园', 10_000_000_000],
    ]);
  });

  it('validate(x) reports each refused cell as amount_implausible, quoting the cell, and not again as unaccounted', () => {
    const findings = validate(extract(TABLE));
    const implausible = findings.filter((f) => f.check === 'amount_implausible');
    expect(
      implausible.map((f) => [f.subject, f.numerator, TABLE.slice(f.evidence[0]!.start, f.evidence[0]!.end)]),
    ).toEqual([
      ['not_exact', null, NINES],
      ['above_bound', 20_000_000_000, '2000000'],
      ['not_exact', null, NINES],
    ]);
    expect(implausible[1]!.message_zh).toContain('“2000000”');
    for (const f of implausible) expect(f).toMatchObject({ severity: 'review', threshold: 10_000_000_000 });
    const refusedSpans = new Set(implausible.map((f) => f.evidence[0]!.start));
    for (const f of findings.filter((g) => g.check === 'unaccounted_amount'))
      expect(refusedSpans.has(f.evidence[0]!.start)).toBe(false);
  });

  it('readPlan(bytes) publishes the refused cells with their quotes and every integer of every row is a safe integer', () => {
    const result = readPlan('table', 'table.txt', utf8(TABLE), null);
    expect(result.ok).toBe(true);
    const amounts = result.rows.get(AMOUNTS)!;
    expect(amounts.filter((r) => r.note === 'implausible').map((r) => [r.quote, r.amount_yuan])).toEqual([
      [NINES, null],
      ['2000000', 20_000_000_000],
      [NINES, null],
    ]);
    for (const table of PLAN_TABLES) {
      const rows = result.rows.get(table) ?? [];
      expect(() => checkRows(table, rows), table.name).not.toThrow();
      for (const field of table.fields.filter((f) => f.type === 'integer'))
        for (const row of rows) {
          const v = row[field.name] ?? null;
          if (v !== null) expect(Number.isSafeInteger(v), `${table.name}.${field.name} = ${v}`).toBe(true);
        }
    }
  });
});

describe('moneyMentions: amounts written in several parts are read whole', () => {
  it('moneyMentions(doc) reads a Chinese numeral with 亿 (一亿五千万元) as 150,000,000, today read as 五千万元', () => {
    expect(read('总投资一亿五千万元')).toEqual([[150_000_000, '一亿五千万元']]);
    expect(refused('总投资一亿五千万元')).toEqual([]);
    // 一亿五千 before 万资金: the 万 belongs to the numeral (一亿五千万), it does not multiply 一亿五千
    expect(read('安排一亿五千万资金')).toEqual([[150_000_000, '一亿五千万']]);
  });
  it('moneyMentions(doc) reads a Chinese decimal with 点 (一点五亿元) as 150,000,000, today read as 五亿元', () => {
    expect(read('总投资一点五亿元')).toEqual([[150_000_000, '一点五亿元']]);
    expect(read('其中三点五万元')).toEqual([[35_000, '三点五万元']]);
  });
  it('moneyMentions(doc) reads 1亿5000万元 as 1 × 10^8 + 5000 × 10^4, today read as 5000万元', () => {
    expect(read('总投资1亿5000万元')).toEqual([[150_000_000, '1亿5000万元']]);
    expect(refused('总投资1亿5000万元')).toEqual([]);
    expect(read('安排1亿500万资金')).toEqual([[105_000_000, '1亿500万']]);
  });
  it('moneyMentions(doc) still reads an Arabic decimal before 亿元 (1.5亿元) as 150,000,000', () => {
    expect(read('总投资1.5亿元')).toEqual([[150_000_000, '1.5亿元']]);
  });
});

describe('refusedAmounts: amounts whose parts do not settle one number', () => {
  it('refusedAmounts(doc) refuses 1万5千元 (15,000, or 1万5 thousand yuan), today read as 5千元', () => {
    expect(read('补贴1万5千元')).toEqual([]);
    expect(refused('补贴1万5千元')).toEqual([
      { note: 'unreadable', problem: 'compound', chars: ['U+4E07', 'U+5343'], yuan: null, quote: '1万5千元' },
    ]);
  });
  it('refusedAmounts(doc) refuses other compounds (1亿5000元, 1.5亿5000万元, 1亿五千万元), never reading their last part', () => {
    for (const quote of ['1亿5000元', '1.5亿5000万元', '1亿五千万元', '1万500万元']) {
      expect(read(`总投资${quote}`), quote).toEqual([]);
      expect(
        refused(`总投资${quote}`).map((r) => [r.note, r.problem, r.quote]),
        quote,
      ).toEqual([['unreadable', 'compound', quote]]);
    }
  });
  it('refusedAmounts(doc) refuses a Chinese numeral the grammar does not settle (一万五千元 is read; 一百五万元 is not)', () => {
    expect(read('补贴一万五千元')).toEqual([[15_000, '一万五千元']]);
    // 一百五 is 150 in speech and 105 by the letter
    expect(read('总投资一百五万元')).toEqual([]);
    expect(refused('总投资一百五万元').map((r) => [r.note, r.problem, r.quote])).toEqual([
      ['unreadable', 'malformed', '一百五万元'],
    ]);
  });
  it('refusedAmounts(doc) refuses a digit, a line break, then an amount (1\\n500万元): one number broken by a page, or two', () => {
    expect(read('总投资1\n500万元')).toEqual([]);
    expect(refused('总投资1\n500万元')).toEqual([
      { note: 'unreadable', problem: 'line_break', chars: ['U+000A'], yuan: null, quote: '1\n500万元' },
    ]);
    expect(read('总投资1<br>500万元')).toEqual([]);
    expect(refused('总投资1<br>500万元').map((r) => [r.note, r.problem, r.quote])).toEqual([
      ['unreadable', 'line_break', '1<br>500万元'],
    ]);
    // a compound broken after its 亿 is refused too, not read as 5000万元
    expect(read('总投资1亿\n5000万元')).toEqual([]);
    expect(refused('总投资1亿\n5000万元').map((r) => [r.note, r.problem, r.quote])).toEqual([
      ['unreadable', 'line_break', '1亿\n5000万元'],
    ]);
    // a line that ends in a word, not a digit, changes nothing
    expect(read('物流体系建设\n500万元')).toEqual([[5_000_000, '500万元']]);
  });
  it('extract(text) uses the compound totals (一亿五千万元, 1亿元) and no refused one as a fund figure', () => {
    const good = extract(`${HEAD}项目总投资一亿五千万元，其中中央财政资金1亿元，地方财政资金5000万元。\n`);
    expect(good.fields.funds_total_yuan?.value).toBe(150_000_000);
    expect(good.fields.funds_central_yuan?.value).toBe(100_000_000);
    expect(good.fields.funds_local_yuan?.value).toBe(50_000_000);
    for (const quote of ['1万5千元', '1\n500万元']) {
      const text = `${HEAD}项目总投资${quote}。\n`;
      const x = extract(text);
      expect(x.fields.funds_total_yuan, quote).toBeNull();
      expectNotUsed(text, x, quote);
      expect(x.amounts.filter((a) => a.note === 'unreadable').map((a) => text.slice(a.start, a.end))).toEqual(
        [quote],
      );
    }
  });
  it('validate(x) reports each refused compound as number_unreadable, quoting it whole', () => {
    for (const [quote, subject] of [
      ['1万5千元', 'compound'],
      ['1\n500万元', 'line_break'],
    ] as const) {
      const text = `${HEAD}项目总投资${quote}。\n`;
      const findings = validate(extract(text)).filter((f) => f.check === 'number_unreadable');
      expect(findings.map((f) => [f.subject, text.slice(f.evidence[0]!.start, f.evidence[0]!.end)])).toEqual([
        [subject, quote],
      ]);
      expect(findings[0]).toMatchObject({ severity: 'review', status: 'fail', numerator: null });
      expect(findings[0]!.message_en).toMatch(/cannot be read for sure/);
    }
  });
});

describe('amount tables: a grouped number is one cell, and an unreadable cell moves no number', () => {
  // under 金额单位：万元 and the columns 合计 / 中央 / 地方: 1,500 = 1000 + 500, １，２００ = 800 + 400 and
  // 1 100 (thin space) = 700 + 400 万元
  const GROUPED =
    `${HEAD}金额单位：万元\n` +
    '项目\t合计\t中央\t地方\n' +
    '物流体系\t1,500\t1000\t500\n' +
    '公共服务中心\t１，２００\t800\t400\n' +
    '人才培训\t1\u2009100\t700\t400\n';

  it('extract(text) reads 1,500, １，２００ and 1\u2009100 as one number each, in the 合计 column (today 物流体系 got 1000万 and 500万)', () => {
    const x = extract(GROUPED);
    expect(
      x.allocations.map((a) => [
        a.label,
        a.amounts.amount,
        a.amounts.central,
        a.amounts.local,
        a.amountBasis,
      ]),
    ).toEqual([
      ['物流体系', 15_000_000, 10_000_000, 5_000_000, 'stated'],
      ['公共服务中心', 12_000_000, 8_000_000, 4_000_000, 'stated'],
      ['人才培训', 11_000_000, 7_000_000, 4_000_000, 'stated'],
    ]);
    expect(x.amounts.filter((a) => a.refusal)).toEqual([]);
    // each amount cites its cell as written
    expect(x.amounts.slice(0, 3).map((a) => GROUPED.slice(a.start, a.end))).toEqual(['1,500', '1000', '500']);
    expect(x.amounts.slice(3, 4).map((a) => GROUPED.slice(a.start, a.end))).toEqual(['１，２００']);
  });

  // 1,50 (a comma that does not group by three) and 1 200 (an ordinary space: one number or two) cannot be read
  const UNREADABLE =
    `${HEAD}金额单位：万元\n` +
    '项目\t合计\t中央\t地方\n' +
    '物流体系\t1,50\t1000\t500\n' +
    '公共服务中心\t1 200\t800\t400\n' +
    '人才培训\t300\t200\t100\n';

  it('extract(text) gives a row with an unreadable cell no amounts, instead of moving its numbers one column left', () => {
    const x = extract(UNREADABLE);
    expect(x.allocations.map((a) => [a.label, a.amounts.amount, a.amounts.central, a.amounts.local])).toEqual(
      [['人才培训', 3_000_000, 2_000_000, 1_000_000]],
    );
    for (const quote of ['1,50', '1000', '500', '1 200', '800', '400']) expectNotUsed(UNREADABLE, x, quote);
  });

  it('extract(text) keeps every number of such a row in amounts as unreadable, without a value: the cell with its fault, the others as of an unreadable row', () => {
    const x = extract(UNREADABLE);
    expect(
      x.amounts
        .filter((a) => a.note === 'unreadable')
        .map((a) => [
          UNREADABLE.slice(a.start, a.end),
          a.yuan,
          a.accountedBy,
          a.refusal?.problem,
          a.refusal?.chars,
        ]),
    ).toEqual([
      ['1,50', null, null, 'irregular_grouping', ['U+002C']],
      ['1000', null, null, 'row_unreadable', []],
      ['500', null, null, 'row_unreadable', []],
      ['1 200', null, null, 'ambiguous_space', ['U+0020']],
      ['800', null, null, 'row_unreadable', []],
      ['400', null, null, 'row_unreadable', []],
    ]);
    for (const a of x.amounts.filter((b) => b.refusal))
      expect(a.refusal!.written).toBe(UNREADABLE.slice(a.start, a.end));
  });

  it('validate(x) reports each number of such a row as number_unreadable, and none as unaccounted', () => {
    const findings = validate(extract(UNREADABLE));
    const unreadable = findings.filter((f) => f.check === 'number_unreadable');
    expect(
      unreadable.map((f) => [f.subject, UNREADABLE.slice(f.evidence[0]!.start, f.evidence[0]!.end)]),
    ).toEqual([
      ['irregular_grouping', '1,50'],
      ['row_unreadable', '1000'],
      ['row_unreadable', '500'],
      ['ambiguous_space', '1 200'],
      ['row_unreadable', '800'],
      ['row_unreadable', '400'],
    ]);
    const spans = new Set(unreadable.map((f) => f.evidence[0]!.start));
    for (const f of findings.filter((g) => g.check === 'unaccounted_amount'))
      expect(spans.has(f.evidence[0]!.start)).toBe(false);
  });
});

describe('amount tables: a date is no number', () => {
  it('extract(text) still reads a row with a date cell before its amounts (2020.1.1), as a date, not as a number refused', () => {
    const text = `${HEAD}金额单位：万元\n项目\t完成时间\t合计\t中央\t地方\n物流体系\t2020.1.1\t600\t540\t60\n`;
    expect(
      extract(text).allocations.map((a) => [a.label, a.amounts.amount, a.amounts.central, a.amounts.local]),
    ).toEqual([['物流体系', 6_000_000, 5_400_000, 600_000]]);
    expect(extract(text).amounts.filter((a) => a.refusal)).toEqual([]);
  });
});

describe('amount tables: a row ends at its line break', () => {
  it('extract(text) reads a row that starts with 人 (人才培训) after a row that ends in a number as a row of its own, not as 400人', () => {
    const text =
      `${HEAD}金额单位：万元\n` +
      '项目\t合计\t中央\t地方\n' +
      '公共服务中心\t1200\t800\t400\n' +
      '人才培训\t300\t200\t100\n';
    expect(
      extract(text).allocations.map((a) => [a.label, a.amounts.amount, a.amounts.central, a.amounts.local]),
    ).toEqual([
      ['公共服务中心', 12_000_000, 8_000_000, 4_000_000],
      ['人才培训', 3_000_000, 2_000_000, 1_000_000],
    ]);
  });
});
