/**
 * The site in one language at a time (run after `npm run build`): every English page of dist/en/ shows Chinese only
 * inside an element marked lang="zh…" (a quote, a county's or a plan's own name, the data's Chinese text), every
 * Chinese page has Chinese titles, headings and table headers and none of the English UI strings, the two
 * dictionaries have the same keys, and the built pages are exactly the pages the data calls for.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { missingKeys, STRINGS } from '../src/i18n/index.ts';
import { ROOT } from './helpers.ts';

const DIST = join(ROOT, 'dist');
const HAN = /\p{Script=Han}/u;
/** Text that is not read as prose: code, the page's machinery. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'CODE', 'PRE']);
/** Attributes a reader meets as text (a screen reader reads them, a browser shows them as tooltips). */
const TEXT_ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder'];

/** Every index.html under dist/ as its path (/, /en/counties/469001/…). */
function builtPaths(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return builtPaths(path);
    return name === 'index.html' ? [`/${relative(DIST, dir)}/`.replace(/^\/\/$/, '/')] : [];
  });
}

const documentOf = (path: string) =>
  parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8')).document as unknown as Document;

/** The language an element is in: its own lang or its nearest ancestor's. */
const langOf = (el: Element | null): string => el?.closest('[lang]')?.getAttribute('lang') ?? '';

/** Whether an element or an ancestor is one whose text is not prose. */
const skipped = (el: Element | null): boolean => {
  for (let e = el; e; e = e.parentElement) if (SKIP.has(e.tagName.toUpperCase())) return true;
  return false;
};

/** Every piece of text of a page's body a reader meets, with the element it belongs to. */
function texts(doc: Document): { text: string; el: Element; where: string }[] {
  const out: { text: string; el: Element; where: string }[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        const el = child.parentElement as Element;
        if (!skipped(el)) out.push({ text: child.textContent ?? '', el, where: el.tagName.toLowerCase() });
      } else if (child.nodeType === 1) {
        const el = child as Element;
        for (const a of TEXT_ATTRIBUTES) {
          const v = el.getAttribute(a);
          if (v && !skipped(el)) out.push({ text: v, el, where: `${el.tagName.toLowerCase()}[${a}]` });
        }
        walk(el);
      }
    }
  };
  walk(doc.body);
  return out;
}

const PATHS = builtPaths().sort();
const EN = PATHS.filter((p) => p.startsWith('/en/'));
const ZH = PATHS.filter((p) => !p.startsWith('/en/') && !p.startsWith('/pagefind/'));

/** Chinese text of an English page outside an element marked lang="zh…", as `element: text`. */
const leaks = (doc: Document, inCharts: boolean) =>
  texts(doc)
    .filter((x) => HAN.test(x.text) && !langOf(x.el).startsWith('zh'))
    .filter((x) => Boolean(x.el.closest('figure.chart')) === inCharts)
    .map((x) => `${x.where}: ${x.text.trim().slice(0, 80)}`);

describe('an English page', () => {
  it.each(EN)('%s shows Chinese only inside an element marked lang="zh…"', (path) => {
    const doc = documentOf(path);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect([...new Set(leaks(doc, false))]).toEqual([]);
  });

  // a chart's source line (the plan's title), its SVG labels and its data table's row headers (phase names)
  it('charts mark their Chinese labels lang="zh…" too', () => {
    const all = EN.flatMap((path) => leaks(documentOf(path), true).map((l) => `${path} ${l}`));
    expect(all).toEqual([]);
  });
});

/** Proper names and formats that read the same in Chinese text. */
const AS_IS = /\b(Plan Atlas|SQL|CSV|Parquet|SHA-256|GB\/T 7714|APA|DuckDB)\b/g;

/** The text of an element without its code and its parts marked as another language. */
function chineseText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const e of copy.querySelectorAll('code, [lang]'))
    if (e.tagName.toUpperCase() === 'CODE' || !(e.getAttribute('lang') ?? '').startsWith('zh')) e.remove();
  return (copy.textContent ?? '').replace(AS_IS, '');
}

/** English UI strings that Chinese pages must not show: every English string of two words or more. */
const ENGLISH_UI = Object.entries(STRINGS.en)
  .filter(([k, v]) => v !== (STRINGS.zh as Record<string, string>)[k] && /\w+ \w+/.test(v.replace(AS_IS, '')))
  .map(([, v]) => v.replace(/<[^>]+>/g, ''));

describe('a Chinese page', () => {
  it.each(ZH)('%s has Chinese titles, headings and table headers', (path) => {
    const doc = documentOf(path);
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelector('title')?.textContent, 'title').toMatch(HAN);
    const english = [...doc.querySelectorAll('h1, h2, h3, h4, th, caption, summary, label, button')]
      .filter((el) => !langOf(el).startsWith('en'))
      .map((el) => chineseText(el).trim())
      .filter((s) => /[A-Za-z]/.test(s) && !HAN.test(s));
    expect([...new Set(english)]).toEqual([]);
  });

  it.each(ZH)('%s shows no English UI string where a Chinese one exists', (path) => {
    const doc = documentOf(path);
    const prose = texts(doc)
      .filter((x) => !langOf(x.el).startsWith('en'))
      .map((x) => x.text)
      .join('\n');
    expect(ENGLISH_UI.filter((s) => prose.includes(s))).toEqual([]);
  });
});

describe('the dictionaries', () => {
  it('have the same keys, none of them empty, in both languages', () => {
    const zh = Object.keys(STRINGS.zh).sort();
    expect(Object.keys(STRINGS.en).sort()).toEqual(zh);
    expect(missingKeys(STRINGS)).toEqual([]);
  });

  it('fail on a key one language lacks or leaves empty, either way round', () => {
    expect(missingKeys({ zh: { a: '甲', b: '乙' }, en: { a: 'A' } })).toEqual(['en.b']);
    expect(missingKeys({ zh: { a: '甲' }, en: { a: 'A', b: 'B' } })).toEqual(['zh.b']);
    expect(missingKeys({ zh: { a: '' }, en: { a: 'A' } })).toEqual(['zh.a']);
  });

  // the chart code (Chart.astro, lib/charts.ts, lib/charts-ssr.ts) and the browser's code are another task's
  const CHARTS = /(^src\/components\/Chart\.astro|^src\/lib\/charts(-ssr)?\.ts)$/;
  const PAIR = /(\bzh|lang [!=]== '(zh|en)')\s*\?\s*['"`]|\bconst L = |\bL\(/;
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir)).flatMap((name) => {
      const path = `${dir}/${name}`;
      if (statSync(join(ROOT, path)).isDirectory()) return dir === 'src/lib' ? [] : sources(path);
      return /\.(ts|astro)$/.test(name) && !CHARTS.test(path) ? [path] : [];
    });

  it('are the one place UI strings live: no inline Chinese/English pair in the pages, layouts and lib', () => {
    const pairs = ['src/components', 'src/layouts', 'src/pages', 'src/lib'].flatMap(sources).flatMap((path) =>
      readFileSync(join(ROOT, path), 'utf8')
        .split('\n')
        .flatMap((line, i) => (PAIR.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(pairs).toEqual([]);
  });
});

describe('the built pages', () => {
  const documents = Papa.parse<Record<string, string>>(
    readFileSync(join(ROOT, 'public/data/documents.csv'), 'utf8').replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true },
  ).data.filter((d) => d.status === 'ok');
  const codes = [...new Set(documents.map((d) => d.county_code).filter(Boolean))];
  const FIXED = [
    '/',
    '/audit/',
    '/benchmarks/',
    '/compare/',
    '/data/',
    '/ledger/',
    '/methodology/',
    '/search/',
    '/sql/',
  ];
  const EMBEDS = ['/embed/benchmarks/', '/embed/compare/'];
  const chinese = [
    ...FIXED,
    ...EMBEDS,
    ...codes.flatMap((c) => [`/counties/${c}/`, `/embed/counties/${c}/`]),
    ...documents.map((d) => `/documents/${d.doc_id}/`),
  ];

  it('are one Chinese page and one English page (/en/…) for each page the data calls for', () => {
    const expected = chinese.flatMap((p) => [p, p === '/' ? '/en/' : `/en${p}`]).sort();
    expect(PATHS.filter((p) => !p.startsWith('/pagefind/'))).toEqual(expected);
  });

  it('keep the JSON endpoints where they were', () => {
    for (const file of ['compare/plans.json', 'benchmarks/measures.json'])
      expect(statSync(join(DIST, file)).isFile(), file).toBe(true);
  });
});
