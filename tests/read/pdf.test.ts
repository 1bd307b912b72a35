/**
 * PDFs (issue 15, formats). Two kinds of fixture, both printed here by headless Chromium with a CJK font:
 * - "a county plan exported from Word to PDF" (written for this test): a title page, a page with the funds, a page
 *   with a ruled table and a target; a running header with the issuing bureau, a "第 N 页 共 3 页" footer and a
 *   diagonal watermark on every page. Each statement is on a page of its own, so the expected page is known;
 * - the five plans printed as Word would export them (pipelines/tools/print-pdf.ts: running header, "— N —" page
 *   numbers, ruled tables, rows split across pages): each must give the facts of its .txt, each cited to the page
 *   its quote is printed on.
 * A scanned PDF (an image, no text layer) is named as such; a file that is not a PDF is refused by name.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOCATIONS, DOCUMENT_TEXTS, DOCUMENTS, PHASES, TARGETS } from '../../pipelines/contract/schema.ts';
import { unifyRadicals } from '../../pipelines/normalize/radicals.ts';
import { type DocResult, readPlans } from '../../pipelines/plan/plans.ts';
import { launch, printedPlans, printHtml } from '../../pipelines/tools/print-pdf.ts';
import { ROOT, rowsOf } from '../helpers.ts';
import { facts } from './facts.ts';

const tmp = mkdtempSync(join(tmpdir(), 'plan-atlas-pdf-'));
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const PAGE_BREAK = '<div style="break-after: page"></div>';
const STYLE = `<style>@page{size:A4;margin:3.5cm 2.6cm 3cm 2.8cm} body{font-family:'Noto Serif CJK SC';font-size:16pt;line-height:28pt}
  p{margin:0;text-indent:2em} h1{text-align:center;font-size:22pt}
  td{border:0.75pt solid #000;padding:2pt 4pt} table{border-collapse:collapse}
  .mark{position:fixed;top:40%;left:20%;font-size:40pt;color:#ddd;transform:rotate(-30deg)}</style>`;
const page = (body: string) => `<div class="mark">此件公开</div>${body}`;
/** The Word-exported plan: three pages, each statement on a known page. */
const WORD_PLAN = `<!doctype html><meta charset="utf-8">${STYLE}<body>${[
  page(
    '<h1>峨边彝族自治县电子商务进农村综合示范项目实施方案</h1><p>为推进我县电子商务进农村综合示范工作，结合我县实际，制定本方案。</p>',
  ),
  page('<p>一、资金安排</p><p>项目总投资1500万元，其中中央财政资金1000万元，县级财政配套资金500万元。</p>'),
  page(
    '<p>二、建设内容</p><p>建成村级电商服务站不少于60个。</p><p>金额单位：万元</p><table><tr><td>项目</td><td>金额</td></tr><tr><td>村级服务站建设</td><td>300</td></tr></table>',
  ),
].join(PAGE_BREAK)}</body>`;
const HEADER = `<div style="width:100%;text-align:center;font-size:9pt;font-family:'Noto Serif CJK SC'">峨边彝族自治县商务局</div>`;
const FOOTER = `<div style="width:100%;text-align:center;font-size:10pt;font-family:'Noto Serif CJK SC'">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`;

const effects = (problems: string[]) => ({ progress: () => {}, problem: (m: string) => problems.push(m) });
const only = (results: DocResult[], id: string) => results.find((r) => r.docId === id)!;

describe('a plan exported from Word to PDF', () => {
  let result: DocResult;
  let text: string;
  beforeAll(async () => {
    const dir = join(tmp, 'word');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'ebian.pdf'),
      await printHtml(browser, WORD_PLAN, '', { header: HEADER, footer: FOOTER }),
    );
    const { results } = await readPlans(dir, null, effects([]));
    result = only(results, 'ebian');
    text = String(rowsOf(result, DOCUMENT_TEXTS)[0]?.text ?? '');
  }, 60_000);

  it('is read, with the county and the funds of its text', () => {
    expect(result.ok).toBe(true);
    const d = rowsOf(result, DOCUMENTS)[0]!;
    expect(d.county_name).toBe('峨边彝族自治县');
    expect(d.funds_total_yuan).toBe(15_000_000);
    expect(d.funds_central_yuan).toBe(10_000_000);
    expect(d.pages).toBe(3);
  });

  it('cites each fact to the page it is printed on', () => {
    const fields = rowsOf(result, DOCUMENTS)[0]!;
    expect(fields.encoding).toBe('pdf');
    const target = rowsOf(result, TARGETS).find((t) => t.metric === 'village_station_count')!;
    expect(target.value).toBe(60);
    expect(target.comparator).toBe('>=');
    expect(target.page).toBe(3);
    const alloc = rowsOf(result, ALLOCATIONS).find((a) => String(a.label).includes('村级服务站'))!;
    expect(alloc.amount_yuan).toBe(3_000_000);
    expect(alloc.page).toBe(3);
  });

  it('leaves out the running header, the page-number footer and the watermark', () => {
    expect(text).not.toMatch(/商务局/);
    expect(text).not.toMatch(/第\s*\d\s*页/);
    expect(text).not.toMatch(/此件公开/);
  });

  it('keeps a table row as one line with its cells apart', () => {
    expect(text).toMatch(/^村级服务站建设\t300$/m);
  });
});

describe('PDFs that cannot be read', () => {
  it('names a scanned PDF (no text layer) as such, and a file that is not a PDF', async () => {
    const dir = join(tmp, 'bad');
    mkdirSync(dir);
    const scan = `<!doctype html><body><div style="width:500px;height:700px;background:linear-gradient(#555,#aaa)"></div></body>`;
    writeFileSync(
      join(dir, 'scan.pdf'),
      await printHtml(browser, scan, '', { header: '<span></span>', footer: '<span></span>' }),
    );
    writeFileSync(join(dir, 'renamed.pdf'), '这不是PDF文件');
    writeFileSync(join(dir, 'good.txt'), '某县电子商务进农村综合示范项目实施方案\n');
    const problems: string[] = [];
    const { results } = await readPlans(dir, null, effects(problems));
    expect(only(results, 'scan').ok).toBe(false);
    expect(only(results, 'scan').error).toMatch(/scanned PDF.*扫描/);
    expect(only(results, 'renamed').ok).toBe(false);
    expect(only(results, 'renamed').error).toMatch(/not a readable PDF/);
    // one bad file never stops the others
    expect(only(results, 'good').ok).toBe(true);
    expect(problems.join('\n')).toMatch(/scan\.pdf/);
  }, 60_000);
});

describe('the five plans printed to PDF', () => {
  const raw = join(ROOT, 'data/plans/raw');
  const txt = readdirSync(raw)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  let fromPdf: DocResult[];
  let fromTxt: DocResult[];
  const pdfs = new Map<string, string>();
  beforeAll(async () => {
    const printed = await printedPlans(txt.map((n) => join(raw, n)));
    const dir = join(tmp, 'five');
    mkdirSync(dir);
    for (const n of txt) {
      const pdf = join(dir, n.replace(/\.txt$/, '.pdf'));
      writeFileSync(pdf, readFileSync(printed.get(join(raw, n))!));
      pdfs.set(n.replace(/\.txt$/, ''), pdf);
    }
    fromPdf = (await readPlans(dir, null, effects([]))).results;
    fromTxt = (await readPlans(raw, null, effects([]))).results;
  }, 240_000);

  it.each(txt.map((n) => n.replace(/\.txt$/, '')))('%s gives the facts of its .txt', (id) => {
    const pdf = only(fromPdf, id);
    expect(pdf.ok).toBe(true);
    expect(facts(pdf)).toEqual(facts(only(fromTxt, id)));
  });

  it.each(txt.map((n) => n.replace(/\.txt$/, '')))(
    '%s cites every figure to the page its quote is printed on',
    async (id) => {
      const doc = await getDocumentProxy(new Uint8Array(readFileSync(pdfs.get(id)!)));
      // each page's text as pdf.js gives it, whitespace and radical characters aside: independent of the reader
      const pageText: string[] = [];
      for (let p = 1; p <= doc.numPages; p++) {
        const content = await (await doc.getPage(p)).getTextContent();
        pageText.push(
          content.items
            .map((i) => ('str' in i ? i.str : ''))
            .join('')
            .replace(/./gu, unifyRadicals)
            .normalize('NFKC')
            .replace(/[\s―—]/g, ''),
        );
      }
      const plain = (s: string) => s.normalize('NFKC').replace(/[\s―—]/g, '');
      const rows = [TARGETS, ALLOCATIONS, PHASES].flatMap((t) => rowsOf(only(fromPdf, id), t));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const page = row.page as number;
        expect(page, String(row.quote)).toBeGreaterThanOrEqual(1);
        // the quote's first characters are printed on its page (a quote may run on to the next page)
        const head = plain(String(row.quote)).slice(0, 6);
        expect(pageText[page - 1], `${id}: “${row.quote}” on page ${page}`).toContain(head);
      }
    },
    60_000,
  );
});

describe('a table cell with two numbers on two lines', () => {
  it('keeps them apart (300 200), never one number (300200)', async () => {
    const dir = join(tmp, 'cell');
    mkdirSync(dir);
    const html = `<!doctype html><meta charset="utf-8">${STYLE}<body><p>某县电子商务进农村综合示范项目实施方案</p><table style="width:100%"><tr><td>项目</td><td>金额</td></tr><tr><td>物流</td><td>300<br>200</td></tr></table></body>`;
    writeFileSync(
      join(dir, 'cell.pdf'),
      await printHtml(browser, html, '', { header: '<span></span>', footer: '<span></span>' }),
    );
    const { results } = await readPlans(dir, null, effects([]));
    const text = String(rowsOf(only(results, 'cell'), DOCUMENT_TEXTS)[0]?.text ?? '');
    expect(text).toMatch(/^物流\t300 200$/m);
  }, 60_000);
});
