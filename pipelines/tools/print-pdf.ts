/**
 * PDF fixtures made the way counties make theirs: a plan's text laid out like a Word export (A4, 三号 body with a
 * two-character indent, a centred title, tables with ruled cells) and printed by headless Chromium with a running
 * header and a "— 3 —" page number in the footer. The five plans printed this way are what the PDF reader is tested
 * and benchmarked on (tests/read/pdf.test.ts, npm run bench:extract); the text comes from the .txt, so each PDF must
 * give the .txt's facts.
 *
 * Printed PDFs are kept in node_modules/.cache/plan-atlas-pdf, named by a hash of the text and of this layout, so a
 * second run reuses them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

const CACHE = join(import.meta.dirname, '../../node_modules/.cache/plan-atlas-pdf');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const STYLE = `
  @page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
  body { font-family: 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: 28pt; margin: 0; }
  p { margin: 0; text-indent: 2em; text-align: justify; }
  h1 { font-size: 22pt; line-height: 36pt; text-align: center; margin: 0 0 28pt; font-weight: bold; }
  table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 15pt; margin: 8pt 0; }
  td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; }
  tr { break-inside: auto; }
`;

/**
 * A plan's text as a printable page: its first line the title (when it is short enough to be one), each other line a paragraph, and each run of lines
 * with tabs a table (a row per line, a cell per tab).
 */
export function planHtml(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const out: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (rows.length) out.push(`<table>${rows.join('')}</table>`);
    rows = [];
  };
  for (const [i, line] of lines.entries()) {
    if (line.includes('\t')) {
      rows.push(
        `<tr>${line
          .split('\t')
          .map((c) => `<td>${escapeHtml(c.trim())}</td>`)
          .join('')}</tr>`,
      );
      continue;
    }
    flush();
    out.push(
      i === 0 && line.trim().length <= 40
        ? `<h1>${escapeHtml(line.trim())}</h1>`
        : `<p>${escapeHtml(line.trim())}</p>`,
    );
  }
  flush();
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>${STYLE}</style><body>${out.join('\n')}</body></html>`;
}

/** The running header (the document's first line) and the footer with the page number, as Word exports them. */
const header = (title: string) =>
  `<div style="width:100%;font-size:9pt;font-family:'Noto Serif CJK SC';text-align:center;color:#333;margin:0 2.6cm">${escapeHtml(title)}</div>`;
const FOOTER = `<div style="width:100%;font-size:12pt;font-family:'Noto Serif CJK SC';text-align:center">— <span class="pageNumber"></span> —</div>`;

/** Prints a page of HTML to PDF bytes with a running header (the title, or a template) and the page-number footer. */
export async function printHtml(
  browser: Browser,
  html: string,
  title: string,
  templates: { header?: string; footer?: string } = {},
): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: templates.header ?? header(title),
      footerTemplate: templates.footer ?? FOOTER,
    });
  } finally {
    await page.close();
  }
}

/** Launches Debian's Chromium for printing. */
export const launch = () => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/**
 * The PDF of each plan text (path → PDF path), printed once and cached; Chromium is launched only when a PDF is
 * not cached yet.
 */
export async function printedPlans(txtFiles: string[]): Promise<Map<string, string>> {
  mkdirSync(CACHE, { recursive: true });
  const layout = readFileSync(import.meta.filename);
  const out = new Map<string, string>();
  let browser: Browser | null = null;
  try {
    for (const file of txtFiles) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const hash = createHash('sha256').update(layout).update(text).digest('hex').slice(0, 16);
      const pdf = join(CACHE, `${hash}.pdf`);
      if (!existsSync(pdf)) {
        browser ??= await launch();
        const title =
          text
            .split(/\r?\n/)
            .find((l) => l.trim())
            ?.trim() ?? '';
        writeFileSync(pdf, await printHtml(browser, planHtml(text), title));
      }
      out.set(file, pdf);
    }
  } finally {
    await browser?.close();
  }
  return out;
}
