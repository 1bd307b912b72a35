/**
 * Messy real-world input, end to end: encodings (GB18030, BOMs), Traditional characters, full-width digits, page
 * breaks, spaced-out cells, Chinese numerals, HTML, garbled document numbers, documents that are not plans, bad
 * files and curated corrections through the real CLI. Every fixture is built here, from strings.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMOUNTS, DOCUMENTS, FINDINGS } from '../pipelines/contract/schema.ts';
import { extract } from '../pipelines/extract/extract.ts';
import type { Extraction } from '../pipelines/extract/types.ts';
import { normalize } from '../pipelines/normalize/normalize.ts';
import { readPlan } from '../pipelines/plan/plans.ts';
import { decodeDocument } from '../pipelines/read/decode.ts';
import { RAW, ROOT, rowsOf } from './helpers.ts';

const NODE = join(ROOT, 'node_modules/.bin/node');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const HEAD = '某某县电子商务进农村综合示范项目实施方案\n\n';

/** The number a money quote states, read back: full-width digits, separators and markup removed, scaled by its unit. */
function yuanOf(quote: string): number | null {
  const t = normalize(quote).text.replace(/[,，\s]/g, '');
  const m = /(\d+(?:\.\d+)?)(亿|万|千)?元/.exec(t);
  if (!m) return null;
  const scale = m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : m[2] === '千' ? 1e3 : 1;
  return Math.round(Number(m[1]) * scale);
}

/** Every fact of an extraction that carries a span: what it is, its value and its quote. */
function cited(text: string, x: Extraction) {
  const out: { what: string; value: unknown; start: number; end: number; quote: string }[] = [];
  const add = (what: string, value: unknown, start: number, end: number) =>
    out.push({ what, value, start, end, quote: text.slice(start, end) });
  for (const [k, f] of Object.entries(x.fields)) if (f) add(k, f.value, f.start, f.end);
  for (const t of x.targets) add(`target ${t.metric}`, t.value, t.start, t.end);
  for (const a of x.amounts) add('amount', a.yuan, a.start, a.end);
  for (const a of x.allocations) add(`allocation ${a.label}`, a.amounts.amount, a.start, a.end);
  return out;
}

/** Every span lies inside the text; money facts read back to their value, targets contain their digits. */
function expectSpansReadBack(text: string, x: Extraction) {
  for (const c of cited(text, x)) {
    expect(c.start, c.what).toBeGreaterThanOrEqual(0);
    expect(c.end, c.what).toBeLessThanOrEqual(text.length);
    expect(c.start, c.what).toBeLessThanOrEqual(c.end);
  }
  for (const a of x.amounts)
    expect(yuanOf(text.slice(a.start, a.end)), text.slice(a.start, a.end)).toBe(a.yuan);
  for (const [k, f] of Object.entries(x.fields))
    if (f && k.startsWith('funds_')) expect(yuanOf(text.slice(f.start, f.end)), k).toBe(f.value);
  for (const t of x.targets) {
    const quote = text.slice(t.start, t.end);
    expect(normalize(quote).text, `${t.metric} quote “${quote}”`).toContain(String(t.value));
  }
}

const fundsOf = (x: Extraction) => ({
  total: x.fields.funds_total_yuan?.value ?? null,
  central: x.fields.funds_central_yuan?.value ?? null,
  local: x.fields.funds_local_yuan?.value ?? null,
});
const targetsOf = (x: Extraction) => x.targets.map((t) => [t.metric, t.value, t.comparator]);
const quoteOf = (text: string, c: { start: number; end: number } | null | undefined) =>
  c ? text.slice(c.start, c.end) : null;

/**
 * A plan in GB18030, with a character outside the BMP (𠮷, four bytes in GB18030, two UTF-16 units) before its
 * figures. The hex was produced once with python3: `GB_TEXT.encode('gb18030').hex()`.
 */
const GB_TEXT =
  '五台县电子商务进农村综合示范项目实施方案\n\n联系人：𠮷先生（县商务局）。\n' +
  '项目总投资2200万元，其中中央财政资金1500万元，县级财政配套资金700万元。\n' +
  '建设村级电商服务站124个，培训3000人次以上，72小时内配送到村。\n';
const GB_HEX =
  'cee5cca8cfd8b5e7d7d3c9cccef1bdf8c5a9b4e5d7dbbacfcabeb7b6cfeec4bfcab5caa9b7bdb0b80a0ac1aacfb5c8cb' +
  'a3ba9534b235cfc8c9faa3a8cfd8c9cccef1bed6a3a9a1a30acfeec4bfd7dccdb6d7ca32323030cdf2d4aaa3acc6e4d6' +
  'd0d6d0d1ebb2c6d5fed7cabdf031353030cdf2d4aaa3accfd8bcb6b2c6d5fec5e4ccd7d7cabdf0373030cdf2d4aaa1a3' +
  '0abda8c9e8b4e5bcb6b5e7c9ccb7fecef1d5be313234b8f6a3acc5e0d1b533303030c8cbb4ced2d4c9cfa3ac3732d0a1' +
  'cab1c4dac5e4cbcdb5bdb4e5a1a30a';

describe('encodings', () => {
  it('decodeDocument(bytes) reads GB18030 and keeps offsets counting from the first character', () => {
    const bytes = hex(GB_HEX);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodeDocument(bytes);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(GB_TEXT);
    const text = decoded.text;
    const x = extract(text);
    expect(fundsOf(x)).toEqual({ total: 22_000_000, central: 15_000_000, local: 7_000_000 });
    expect(targetsOf(x)).toEqual([
      ['village_station_count', 124, '='],
      ['training_person_times', 3000, '>='],
      ['delivery_hours_to_village', 72, '<='],
    ]);
    // offsets are UTF-16 units of the decoded text: 𠮷 counts as two, the bytes never count
    expect(x.fields.funds_total_yuan!.start).toBe(text.indexOf('2200万元'));
    expect(quoteOf(text, x.fields.funds_total_yuan)).toBe('2200万元');
    expectSpansReadBack(text, x);
  });

  it('decodeDocument(bytes) removes a UTF-8 BOM, so that spans count from the first character after it', () => {
    const plan = `${HEAD}项目总投资2200万元，其中中央财政资金1500万元。\n`;
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(plan)]);
    const decoded = decodeDocument(bytes);
    expect(decoded.ok && decoded.encoding).toBe('utf-8-bom');
    if (!decoded.ok) return;
    expect(decoded.text).toBe(plan);
    const x = extract(decoded.text);
    expect(x.fields.funds_total_yuan!.start).toBe(plan.indexOf('2200万元'));
    expect(quoteOf(plan, x.fields.funds_central_yuan)).toBe('1500万元');
    // the published rows, through the pipeline's own reader
    const r = readPlan('bom', 'bom.txt', bytes, null);
    expect(rowsOf(r, DOCUMENTS)[0]).toMatchObject({
      status: 'ok',
      encoding: 'utf-8-bom',
      chars: plan.length,
    });
    const amounts = rowsOf(r, AMOUNTS);
    expect(amounts.map((a) => a.quote)).toEqual(['2200万元', '1500万元']);
    for (const a of amounts) expect(a.span_start).toBe(plan.indexOf(a.quote as string));
  });

  it('decodeDocument(bytes) reads UTF-16LE and UTF-16BE with a BOM', () => {
    const plan = `${HEAD}项目总投资2200万元。\n`;
    const le = Buffer.from(plan, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bom, body, encoding] of [
      [[0xff, 0xfe], le, 'utf-16le-bom'],
      [[0xfe, 0xff], be, 'utf-16be-bom'],
    ] as const) {
      const decoded = decodeDocument(new Uint8Array([...bom, ...body]));
      expect(decoded.ok && decoded.encoding).toBe(encoding);
      expect(decoded.ok && decoded.text).toBe(plan);
    }
  });

  it('decodeDocument(bytes) refuses empty and whitespace-only files with a reason', () => {
    for (const bytes of [new Uint8Array(), utf8(' \n\u3000\n'), new Uint8Array([0xef, 0xbb, 0xbf])]) {
      const r = decodeDocument(bytes);
      expect(r).toMatchObject({ ok: false, bytes: bytes.length });
      expect(r.ok === false && r.reason).toMatch(/empty|no text/);
    }
  });

  it('decodeDocument(bytes) refuses a binary file (PNG) with the offset of its first NUL byte', () => {
    const r = decodeDocument(hex('89504e470d0a1a0a0000000d49484452'));
    expect(r).toMatchObject({ ok: false, offset: 8 });
    expect(r.ok === false && r.reason).toMatch(/binary/);
  });

  it('decodeDocument(bytes) refuses bytes that are neither UTF-8 nor GB18030 with the offset where the bad sequence starts', () => {
    // Latin-1 “café 2019”: é is the byte 0xE9 at offset 9, a UTF-8 lead byte followed by a space
    const latin1 = decodeDocument(hex('506c616e3a20636166e92032303139'));
    expect(latin1).toMatchObject({ ok: false, offset: 9 });
    expect(latin1.ok === false && latin1.reason).toMatch(/neither UTF-8 nor GB18030/);
    // UTF-8 with one damaged byte (五台县 is bytes 0–8)
    const damaged = utf8(`五台县${HEAD}`);
    damaged[9] = 0xff;
    expect(decodeDocument(damaged)).toMatchObject({ ok: false, offset: 9 });
  });

  it('extract(text) ignores a BOM or zero-width space in the middle of the text, keeping spans on the original', () => {
    const text = `${HEAD}项目总投资\uFEFF2200万元，其中中央财政资\u200b金1500万元。\n`;
    const x = extract(text);
    expect(fundsOf(x)).toMatchObject({ total: 22_000_000, central: 15_000_000 });
    expect(quoteOf(text, x.fields.funds_total_yuan)).toBe('2200万元');
    expectSpansReadBack(text, x);
  });
});

describe('characters', () => {
  it('extract(text) reads Traditional characters (總投資 1,500 萬元) into yuan and cites the county as written (樟樹市)', () => {
    const text =
      '樟樹市電子商務進農村綜合示範項目實施方案\n\n' +
      '項目總投資 1,500 萬元，其中中央財政資金 1,000 萬元，市級財政配套資金 500 萬元。\n';
    const x = extract(text);
    expect(fundsOf(x)).toEqual({ total: 15_000_000, central: 10_000_000, local: 5_000_000 });
    expect(x.fields.county_name?.value).toBe('樟樹市');
    expect(quoteOf(text, x.fields.county_name)).toBe('樟樹市');
    expect(quoteOf(text, x.fields.funds_total_yuan)).toBe('1,500 萬元');
    expect(x.fields.doc_type.value).toBe('plan');
    expectSpansReadBack(text, x);
  });

  it('extract(text) reads full-width digits (项目总投资２２００万元, ９０％, ３０００人次)', () => {
    const text = `${HEAD}项目总投资２２００万元，其中中央财政资金１５００万元。村级电商服务站点覆盖率达到９０％以上，培训３０００人次以上。\n`;
    const x = extract(text);
    expect(fundsOf(x)).toMatchObject({ total: 22_000_000, central: 15_000_000 });
    expect(quoteOf(text, x.fields.funds_total_yuan)).toBe('２２００万元');
    expect(targetsOf(x)).toEqual([
      ['village_coverage_pct', 90, '>='],
      ['training_person_times', 3000, '>='],
    ]);
    expectSpansReadBack(text, x);
  });

  // The Chinese comma ， also separates numbers in running text (3000，1500万元): it is read as a thousands separator
  // only in strict groups of three directly before the money unit (２，２００万元).
  it('extract(text) reads a full-width thousands separator inside full-width digits (２，２００万元)', () => {
    const text = `${HEAD}项目总投资２，２００万元。\n`;
    const x = extract(text);
    expect(x.amounts.map((a) => a.yuan)).toEqual([22_000_000]);
    expect(x.fields.funds_total_yuan?.value).toBe(22_000_000);
  });
});

describe('layout', () => {
  it('extract(text) joins a number and its unit across a page break (总投资 350\\n\\n万元, 72\\n\\n小时内)', () => {
    const text =
      `${HEAD}为加快推进农村电子商务发展，完善县乡村三级物流配送体系，本项目总投资 350\n\n万元，其中中央财政资金 300 万元。` +
      '建设县级物流配送中心，实现从县城到村级服务站点的快递包裹72\n\n小时内送达。\n';
    const x = extract(text);
    expect(fundsOf(x)).toMatchObject({ total: 3_500_000, central: 3_000_000 });
    expect(quoteOf(text, x.fields.funds_total_yuan)).toBe('350\n\n万元');
    const delivery = x.targets.find((t) => t.metric === 'delivery_hours_to_village');
    expect(delivery).toMatchObject({ value: 72, comparator: '<=' });
    expect(quoteOf(text, delivery)).toContain('72\n\n小时内');
    expectSpansReadBack(text, x);
  });

  it('extract(text) joins a word broken across a page break mid-sentence (电商服\\n\\n务站50个)', () => {
    const text = `${HEAD}加快推进农村电子商务发展，完善县乡村三级物流配送体系，新建村级电商服\n\n务站50个。\n`;
    const x = extract(text);
    expect(targetsOf(x)).toEqual([['village_station_count_new', 50, '=']]);
    expect(quoteOf(text, x.targets[0])).toBe('新建村级电商服\n\n务站50个');
  });

  // a page-number line (— 3 —, 第 3 页) between a number and its unit is read as part of the page break
  it('extract(text) joins a number and its unit across a page break with a page number (350\\n\\n— 3 —\\n\\n万元)', () => {
    const text = `${HEAD}为加快推进农村电子商务发展，完善县乡村三级物流配送体系，本项目总投资 350\n\n— 3 —\n\n万元，其中中央财政资金 300 万元。\n`;
    const x = extract(text);
    expect(fundsOf(x)).toMatchObject({ total: 3_500_000, central: 3_000_000 });
    expect(x.amounts.filter((a) => a.accountedBy === null)).toEqual([]);
  });

  it('extract(text) reads through a footer page number written 第 3 页 共 12 页, and keeps a lone line that is a sentence', () => {
    const text = `${HEAD}本项目总投资 350\n第 3 页 共 12 页\n万元，其中中央财政资金 300 万元。\n`;
    expect(fundsOf(extract(text))).toMatchObject({ total: 3_500_000, central: 3_000_000 });
  });

  it('extract(text) reads spaced-out cells (忻 州 市 商 务 局, 中 央 财 政 资 金, table headers and labels)', () => {
    const text =
      '忻 州 市 商 务 局 文 件\n\n忻州市电子商务进农村综合示范项目实施方案\n\n' +
      '项目总投资300万元，其中中 央 财 政 资 金 200 万元，市 级 财 政 配 套 资 金 100 万元。\n' +
      '金额单位：万元\n' +
      '序号\t项 目 名 称\t合 计\t中 央 财 政\t市 级 财 政\n' +
      '1\t物 流 体 系 建 设\t100\t80\t20\n' +
      '2\t公 共 服 务 中 心\t200\t120\t80\n';
    const x = extract(text);
    expect(x.fields.issuer?.value).toBe('忻州市商务局');
    expect(quoteOf(text, x.fields.issuer)).toBe('忻 州 市 商 务 局');
    expect(fundsOf(x)).toEqual({ total: 3_000_000, central: 2_000_000, local: 1_000_000 });
    expect(x.allocations.map((a) => [a.label, a.amounts.amount, a.amounts.central, a.amounts.local])).toEqual(
      [
        ['物流体系建设', 1_000_000, 800_000, 200_000],
        ['公共服务中心', 2_000_000, 1_200_000, 800_000],
      ],
    );
    expect(text.slice(x.allocations[0]!.labelSpan.start, x.allocations[0]!.labelSpan.end)).toBe(
      '物 流 体 系 建 设',
    );
  });
});

describe('numerals', () => {
  it('extract(text) reads Chinese numerals in targets (建设一个…中心, 培训一千五百人次以上, 两个…服务站)', () => {
    const text = `${HEAD}建设一个县级电子商务公共服务中心。全年培训一千五百人次以上。建设两个乡镇级电商服务站。\n`;
    expect(targetsOf(extract(text))).toEqual([
      ['county_service_center_count', 1, '='],
      ['training_person_times', 1500, '>='],
      ['township_station_count', 2, '='],
    ]);
  });

  it('extract(text) reads Chinese-numeral amounts (总投资一千五百万元，其中中央财政资金一千万元)', () => {
    const text = `${HEAD}项目总投资一千五百万元，其中中央财政资金一千万元。\n`;
    const x = extract(text);
    expect(fundsOf(x)).toMatchObject({ total: 15_000_000, central: 10_000_000 });
    expect(quoteOf(text, x.fields.funds_total_yuan)).toBe('一千五百万元');
  });

  it('extract(text) keeps a target beside a range of years (2019-2021年培训3000人次以上)', () => {
    expect(targetsOf(extract(`${HEAD}2019-2021年培训3000人次以上。\n`))).toEqual([
      ['training_person_times', 3000, '>='],
    ]);
  });

  it('extract(text) reads a plan’s sources as written in reports and rules: 县(市、区)财政配套资金, 政府配套资金, 社会资本', () => {
    // kind: a progress report or fund rule restating the plan's budget
    const a = extract(
      `${HEAD}项目预计总投资2000万元，其中中央财政资金1500万元，县（市、区）财政配套资金500万元。\n`,
    );
    expect(fundsOf(a)).toEqual({ total: 20_000_000, central: 15_000_000, local: 5_000_000 });
    expect(a.allocations).toEqual([]);
    const b = extract(
      `${HEAD}项目总投资3000万元，其中中央资金2000万元，政府配套资金500万元，社会资本500万元。\n`,
    );
    expect(fundsOf(b)).toEqual({ total: 30_000_000, central: 20_000_000, local: 5_000_000 });
    expect(b.fields.funds_other_yuan?.value).toBe(5_000_000);
    expect(b.allocations).toEqual([]);
  });

  it('extract(text) does not take money spent or paid so far (已拨付, 已使用, 累计完成投资) as the plan’s funds', () => {
    const x = extract(`${HEAD}截至目前，中央财政资金已拨付1200万元，已使用800万元，累计完成投资1500万元。\n`);
    expect(fundsOf(x)).toEqual({ total: null, central: null, local: null });
    expect(x.allocations).toEqual([]);
  });

  it('extract(text) reads a 文号 garbled by conversion (某政发〔201912: bracket lost, digits run together) as 某政发〔2019〕12号', () => {
    const x = extract('某县电子商务进农村综合示范项目实施方案\n某政发〔201912\n\n项目总投资100万元。\n');
    expect(x.fields.doc_number?.value).toBe('某政发〔2019〕12号');
    // the span quotes what was printed
    expect(
      x.fields.doc_number &&
        '某县电子商务进农村综合示范项目实施方案\n某政发〔201912\n'.slice(
          x.fields.doc_number.start,
          x.fields.doc_number.end,
        ),
    ).toBe('某政发〔201912');
  });

  it('extract(text) gives no target for ranges written with 万, separators or a unit on each side', () => {
    for (const t of ['培训1万至1.5万人次。', '培训1,000-2,000人次。', '新建2个至3个乡镇级电商服务站。'])
      expect(extract(`${HEAD}${t}\n`).targets, t).toEqual([]);
  });

  it('extract(text) keeps funds a plan has secured (县财政已落实配套资金300万元) as its local funds', () => {
    const x = extract(`${HEAD}项目总投资1000万元，其中中央财政资金700万元，县财政已落实配套资金300万元。\n`);
    expect(fundsOf(x)).toEqual({ total: 10_000_000, central: 7_000_000, local: 3_000_000 });
  });

  it('extract(text) does not read 城乡二元结构 (a dual structure) as an amount of 2 yuan', () => {
    const text = `${HEAD}项目总投资2200万元。着力破除城乡二元结构，推动多元化发展。\n`;
    const x = extract(text);
    expect(x.amounts.map((a) => a.yuan)).toEqual([22_000_000]);
    expect(x.allocations).toEqual([]);
  });

  // a range (2-3个, 60%-70%) is not an exact value: the target is left out rather than read as its upper bound
  it('extract(text) gives no wrong target for a range (2-3个, 2～3个, 二至三个, 1-2个, 60%-70%)', () => {
    // a range is not an exact value: nothing, its lower bound as >=, or its upper bound as <= are all right
    const cases: [string, number, number][] = [
      ['新建2-3个乡镇级电商服务站。', 2, 3],
      ['新建2～3个乡镇级电商服务站。', 2, 3],
      ['新建二至三个乡镇级电商服务站。', 2, 3],
      ['建设1-2个县级仓储物流配送中心。', 1, 2],
      ['村级电商服务站点覆盖率达到60%-70%。', 60, 70],
    ];
    const wrong: string[] = [];
    for (const [sentence, low, high] of cases) {
      for (const t of extract(`${HEAD}${sentence}\n`).targets) {
        const right =
          (t.value === low && t.comparator === '>=') || (t.value === high && t.comparator === '<=');
        if (!right) wrong.push(`${sentence} → ${t.metric} ${t.comparator} ${t.value}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('markup', () => {
  const page =
    '<html><head><style>p { margin: 12px; }</style></head><body>\n' +
    '<h2 style="text-align:center">某某县电子商务进农村综合示范项目实施方案</h2>\n' +
    '<p>项目总投资2200&nbsp;万元，其中中央财政资金<span style="color:#333">1500</span>万元。</p>\n' +
    '<p>主要建设内容：</p><ol style="list-style-type: decimal; margin-left: 24px">' +
    '<li>建设村级电商服务站124个</li><li>培训3000人次以上</li>' +
    '<li>物流体系建设800万元</li><li>公共服务中心建设700万元</li></ol>\n' +
    '<script>alert(1)</script><script>var budget = "500万元";</script>\n</body></html>';

  it('extract(text) reads facts through inline tags and entities (2200&nbsp;万元, <span>1500</span>万元), spans on the original', () => {
    const x = extract(page);
    expect(x.fields.title?.value).toBe('某某县电子商务进农村综合示范项目实施方案');
    expect(fundsOf(x)).toMatchObject({ total: 22_000_000, central: 15_000_000 });
    expect(quoteOf(page, x.fields.funds_total_yuan)).toBe('2200&nbsp;万元');
    expect(quoteOf(page, x.fields.funds_central_yuan)).toBe('1500</span>万元');
    expect(targetsOf(x)).toEqual([
      ['village_station_count', 124, '='],
      ['training_person_times', 3000, '>='],
    ]);
    expectSpansReadBack(page, x);
  });

  // list tags end a line outside a table cell; a list inside a <td> stays in its row (next test)
  it('extract(text) reads each <li> of a list as its own item (label and span stay inside the <li>)', () => {
    const x = extract(page);
    expect(x.allocations.map((a) => [a.label, a.amounts.amount])).toEqual([
      ['物流体系建设', 8_000_000],
      ['公共服务中心建设', 7_000_000],
    ]);
    const items = [...page.matchAll(/<li>(.*?)<\/li>/g)].map((m) => ({
      start: m.index + 4,
      end: m.index + 4 + m[1]!.length,
    }));
    for (const c of cited(page, x).filter(
      (c) => c.what.startsWith('target') || c.what.startsWith('allocation'),
    )) {
      const inside = items.some((i) => i.start <= c.start && c.end <= i.end);
      expect(inside, `${c.what}: “${c.quote}” crosses a <li>`).toBe(true);
    }
  });

  it('normalize(text) keeps a list inside a table cell in its row, and ends a line at each <li> outside one', () => {
    const row =
      '<table><tr><td>物流体系建设<ul><li>仓储中心</li><li>配送车辆</li></ul></td><td>800万元</td></tr></table>' +
      '<ul><li>培训3000人次</li><li>服务站124个</li></ul>';
    const lines = normalize(row).text.split('\n').filter(Boolean);
    expect(lines.find((l) => l.includes('仓储中心'))).toMatch(/配送车辆.*800万元/);
    expect(lines).toContain('培训3000人次');
    expect(lines).toContain('服务站124个');
  });

  it('extract(text) reads nothing inside <script> or <style>', () => {
    const x = extract(page);
    const hidden = [...page.matchAll(/<(script|style)>[\s\S]*?<\/\1>/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    const inside = cited(page, x).filter((c) => hidden.some((h) => c.start < h.end && h.start < c.end));
    expect(inside.map((c) => `${c.what}: ${c.quote}`)).toEqual([]);
    expect(x.amounts.map((a) => a.yuan)).not.toContain(5_000_000);
  });
});

describe('document numbers', () => {
  const withNumber = (printed: string) =>
    `乳源瑶族自治县人民政府办公室文件\n\n${printed}\n\n乳源瑶族自治县电子商务进农村综合示范项目实施方案\n\n` +
    '根据《财政部 商务部 国务院扶贫办关于开展电子商务进农村综合示范工作的通知》（财建〔2019〕50号）精神，' +
    '结合我县实际，制定本方案。项目总投资2000万元，其中中央财政资金1500万元，县级财政配套资金500万元。\n';

  it('extract(text) reads garbled document numbers in the header as 乳府办〔2021〕47号, quoting them as printed', () => {
    for (const printed of [
      '乳府办[2021]47号',
      '乳府办（2021）47号',
      '乳府办﹝2O21﹞47号',
      '乳府办【2021】47号',
      '乳府办〔２０２１〕４７号',
      '乳府办 〔2021〕 47 号',
      '乳府办〔2021〕第47号',
    ]) {
      const text = withNumber(printed);
      const x = extract(text);
      expect(x.fields.doc_number?.value, printed).toBe('乳府办〔2021〕47号');
      expect(quoteOf(text, x.fields.doc_number), printed).toBe(printed);
    }
  });

  it('extract(text) does not read a cited notice number (财建〔2019〕50号) as an amount', () => {
    const text = withNumber('乳府办〔2021〕47号');
    const x = extract(text);
    const yuan = [
      ...x.amounts.map((a) => a.yuan),
      ...x.allocations.flatMap((a) => Object.values(a.amounts)),
      ...Object.values(fundsOf(x)),
    ];
    for (const n of [50, 500_000, 2019]) expect(yuan).not.toContain(n);
    expect(x.amounts.map((a) => a.yuan)).toEqual([20_000_000, 15_000_000, 5_000_000]);
    expect(x.fields.doc_number?.value).toBe('乳府办〔2021〕47号');
  });
});

describe('documents that are not plans', () => {
  it('extract(text) reads a 资金管理办法 as fund_rules and invents no allocations from cited notice numbers', () => {
    const text =
      '某某县电子商务进农村综合示范项目资金管理办法\n\n' +
      '第一条 为规范和加强电子商务进农村综合示范项目资金管理，根据《财政部办公厅 商务部办公厅关于开展2019年电子商务进农村综合示范工作的通知》（财办建〔2019〕50号）、' +
      '《关于下达2019年电子商务进农村综合示范资金的通知》（晋财建一[2019]120号）和财建（2020）8号文件精神，制定本办法。\n' +
      '第二条 专项资金按照财建〔2019〕50号第三条规定的支持方向使用。\n' +
      '第三条 村级电商服务站点建设，每个站点补助不超过2万元。\n';
    const x = extract(text);
    expect(x.fields.doc_type.value).toBe('fund_rules');
    expect(x.allocations).toEqual([]);
    expect(fundsOf(x)).toEqual({ total: null, central: null, local: null });
    expect(x.amounts.map((a) => [a.yuan, a.accountedBy, a.note])).toEqual([[20_000, null, 'threshold']]);
  });

  it('extract(text) reads a news item (本报讯，记者…报道) as news', () => {
    const text =
      '我县电商进农村工作取得新进展\n\n' +
      '本报讯（记者 张三 通讯员 李四）近日，某某县召开电子商务进农村综合示范工作推进会。据县商务局介绍，全县已建成村级电商服务站50个。\n';
    expect(extract(text).fields.doc_type.value).toBe('news');
  });

  it('extract(text) reads a 调整方案 as revision', () => {
    const text =
      '某某县电子商务进农村综合示范项目调整方案\n\n根据工作需要，对原实施方案部分项目及资金进行调整。\n';
    expect(extract(text).fields.doc_type.value).toBe('revision');
  });

  it('extract(text) reads a 绩效自评报告 as report', () => {
    const text = '某某县2019年电子商务进农村综合示范项目绩效自评报告\n\n现将项目绩效自评情况报告如下。\n';
    expect(extract(text).fields.doc_type.value).toBe('report');
  });

  it('readPlan(…) gives a no_facts finding for a document with no recognisable facts', () => {
    const text = '关于做好春节期间值班工作的通知\n\n各单位：请认真做好节日期间值班工作，确保安全稳定。\n';
    const r = readPlan('duty', 'duty.txt', utf8(text), null);
    expect(r.ok).toBe(true);
    expect(rowsOf(r, DOCUMENTS)[0]).toMatchObject({ status: 'ok', doc_type: 'other' });
    expect(rowsOf(r, FINDINGS).map((f) => [f.check, f.severity])).toEqual([['no_facts', 'review']]);
  });
});

// —— through the real CLI ——

type Csv = Record<string, string>[];
/** A published CSV read back: UTF-8 with a BOM, a header row, no parse errors. */
function readCsv(dir: string, name: string): Csv {
  const raw = readFileSync(join(dir, `${name}.csv`), 'utf8');
  expect(raw.startsWith('\uFEFF'), `${name}.csv starts with a BOM`).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(raw.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** Runs `node pipelines/cli.ts` on a folder; returns its exit code and output. */
function runCli(args: string[]) {
  const r = spawnSync(NODE, ['pipelines/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run data -- --plans DIR --out DIR, with bad files', () => {
  let tmp: string;
  let plans: string;
  let out: string;
  let run: ReturnType<typeof runCli>;
  const bad: Record<string, Uint8Array> = {
    'empty.txt': new Uint8Array(),
    'blank.txt': utf8(' \n\u3000\n'),
    'image.txt': hex('89504e470d0a1a0a0000000d49484452'),
    'latin1.txt': hex('506c616e3a20636166e92032303139'), // “Plan: café 2019” in Latin-1
    'bad name!.txt': readFileSync(join(RAW, 'wutai-2019.txt')),
  };

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'plan-atlas-robust-'));
    plans = join(tmp, 'plans');
    out = join(tmp, 'out');
    mkdirSync(plans);
    copyFileSync(join(RAW, 'wutai-2019.txt'), join(plans, 'wutai-2019.txt'));
    for (const [name, bytes] of Object.entries(bad)) writeFileSync(join(plans, name), bytes);
    // a PDF cut short after its header: refused by name like the other bad files
    writeFileSync(join(plans, 'scan.pdf'), '%PDF-1.4\n%âãÏÓ\n');
    run = runCli(['--plans', plans, '--out', out]);
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('exits with code 1 when any document failed', () => {
    expect(run.status, run.stderr).toBe(1);
  });

  it('names each bad file on stderr, with the byte offset where it could not be decoded', () => {
    const lines = run.stderr.split('\n');
    const lineOf = (name: string) => lines.find((l) => l.includes(join(plans, name)));
    for (const name of [...Object.keys(bad), 'scan.pdf']) expect(lineOf(name), name).toBeDefined();
    expect(lineOf('image.txt')).toContain('at byte 8');
    expect(lineOf('latin1.txt')).toContain('at byte 9');
    expect(lineOf('empty.txt')).toMatch(/empty/);
    expect(lineOf('bad name!.txt')).toContain('bad name!.txt');
    expect(lineOf('wutai-2019.txt')).toBeUndefined();
  });

  it('still writes the good document', () => {
    const wutai = readCsv(out, 'documents').find((d) => d.doc_id === 'wutai-2019');
    expect(wutai).toMatchObject({ status: 'ok', error: '', doc_type: 'plan', county_name: '五台县' });
    expect(readCsv(out, 'allocations').filter((a) => a.doc_id === 'wutai-2019').length).toBeGreaterThan(0);
    expect(run.stdout).toContain('documents read      1 of 7');
  });

  it('gives each bad file a documents row with status error and a read_error finding', () => {
    const docs = readCsv(out, 'documents');
    const findings = readCsv(out, 'findings');
    for (const name of Object.keys(bad)) {
      const id = name.slice(0, -4);
      const row = docs.find((d) => d.doc_id === id);
      expect(row, name).toMatchObject({ status: 'error', source_file: name });
      expect(row?.error, name).toMatch(/\S/);
      expect(row?.sha256, name).toMatch(/^[0-9a-f]{64}$/);
      const own = findings.filter((f) => f.doc_id === id);
      expect(
        own.map((f) => [f.check, f.severity]),
        name,
      ).toEqual([['read_error', 'fail']]);
      expect(own[0]!.message_en).toContain(name);
    }
  });

  it('drops nothing silently: one documents row per document file', () => {
    const docs = readCsv(out, 'documents');
    expect(docs.map((d) => d.doc_id).sort()).toEqual(
      ['wutai-2019', 'scan', ...Object.keys(bad).map((n) => n.slice(0, -4))].sort(),
    );
  });
});

describe('npm run data -- --plans DIR --meta DIR --out DIR, with curated corrections', () => {
  let tmp: string;
  let plans: string;
  let meta: string;
  let out: string;
  let run: ReturnType<typeof runCli>;
  const plan =
    `${HEAD}项目总投资2200万元，其中中央财政资金1500万元，县级财政配套资金700万元。\n` +
    '建设村级电商服务站124个，培训3000人次以上。\n本方案自2019年11月13日起施行。\n';
  const correction = (quote: string) =>
    [
      'source_url: https://example.org/plan.html',
      'corrections:',
      '  - field: issued_on',
      "    value: '2019-11-13'",
      `    quote: ${quote}`,
      '    reason: 文件未另列印发日期，以施行日期为准',
      '',
    ].join('\n');

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'plan-atlas-meta-'));
    plans = join(tmp, 'plans');
    meta = join(tmp, 'meta');
    out = join(tmp, 'out');
    mkdirSync(plans);
    mkdirSync(meta);
    for (const id of ['corrected', 'bad-quote', 'broken-yaml', 'plain'])
      writeFileSync(join(plans, `${id}.txt`), plan);
    writeFileSync(join(meta, 'corrected.yaml'), correction('自2019年11月13日起施行'));
    writeFileSync(join(meta, 'bad-quote.yaml'), correction('自2020年1月1日起施行'));
    writeFileSync(join(meta, 'broken-yaml.yaml'), 'corrections: [\n  - field: issued_on\n');
    run = runCli(['--plans', plans, '--meta', meta, '--out', out]);
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('records a correction with its reason and quote, and marks the field corrected', () => {
    const quote = '自2019年11月13日起施行';
    const corrections = readCsv(out, 'corrections').filter((c) => c.doc_id === 'corrected');
    expect(corrections).toEqual([
      expect.objectContaining({
        target: 'documents.issued_on',
        action: 'set',
        extracted_value: '',
        corrected_value: '2019-11-13',
        reason: '文件未另列印发日期，以施行日期为准',
        span_start: String(plan.indexOf(quote)),
        span_end: String(plan.indexOf(quote) + quote.length),
        quote,
      }),
    ]);
    const fields = readCsv(out, 'document_fields').filter((f) => f.doc_id === 'corrected');
    expect(fields.find((f) => f.field === 'issued_on')).toMatchObject({
      value: '2019-11-13',
      corrected: 'true',
      quote,
    });
    expect(fields.filter((f) => f.corrected === 'true').map((f) => f.field)).toEqual(['issued_on']);
    const doc = readCsv(out, 'documents').find((d) => d.doc_id === 'corrected');
    expect(doc).toMatchObject({
      status: 'ok',
      issued_on: '2019-11-13',
      corrections: '1',
      source_url: 'https://example.org/plan.html',
    });
  });

  it('fails a document whose correction quotes text that is not in it, naming the YAML file', () => {
    const doc = readCsv(out, 'documents').find((d) => d.doc_id === 'bad-quote');
    expect(doc?.status).toBe('error');
    expect(doc?.error).toContain('bad-quote.yaml');
    expect(doc?.error).toContain('自2020年1月1日起施行');
    expect(run.stderr).toContain('bad-quote.yaml');
    const findings = readCsv(out, 'findings').filter((f) => f.doc_id === 'bad-quote');
    expect(findings.map((f) => f.check)).toEqual(['read_error']);
    expect(readCsv(out, 'corrections').filter((c) => c.doc_id === 'bad-quote')).toEqual([]);
  });

  it('fails a document whose sidecar is not valid YAML, naming the YAML file', () => {
    const doc = readCsv(out, 'documents').find((d) => d.doc_id === 'broken-yaml');
    expect(doc?.status).toBe('error');
    expect(doc?.error).toContain(join(meta, 'broken-yaml.yaml'));
  });

  it('still writes the other documents and exits with code 1', () => {
    expect(run.status, run.stderr).toBe(1);
    const docs = readCsv(out, 'documents');
    expect(docs.map((d) => [d.doc_id, d.status])).toEqual([
      ['bad-quote', 'error'],
      ['broken-yaml', 'error'],
      ['corrected', 'ok'],
      ['plain', 'ok'],
    ]);
    expect(docs.find((d) => d.doc_id === 'plain')).toMatchObject({
      funds_total_yuan: '22000000',
      issued_on: '',
      corrections: '0',
    });
  });
});
