/**
 * A saved web page (.html, .htm) as the text of its article. Government sites wrap a document in site chrome:
 * accessibility and language bars, navigation, 当前位置 breadcrumbs, 来源/发布时间/点击率 lines, 【打印】【关闭】,
 * 分享到, related links and a footer with 网站标识码 and ICP numbers. What is kept: the page's title (its <h1>, or
 * the <title> before its site suffix), the 来源/发布时间 line (the source and publication time, citable, kept
 * apart from the date of issue), and the article: the element holding most of the page's Chinese prose outside
 * links. Paragraphs, headings and list items become lines; a table row becomes one line, its cells apart (tabs).
 * The result is the document's text: every span points into it.
 */
import { parseHTML } from 'linkedom';

// not <form> or <header>: an ASP.NET page wraps everything in a form, and an <article>'s header holds its title
const DROP = 'script, style, noscript, template, iframe, nav, footer, aside, select, button';
const BLOCK = /^(?:p|div|h[1-6]|li|tr|table|section|article|blockquote|pre|dd|dt|ul|ol|center)$/;
const HAN = /\p{Script=Han}/gu;
const HAS_HAN = /\p{Script=Han}/u;
// a line of site chrome, whichever element holds it
const CHROME =
  /^(?:当前位置|您现在的位置|您的位置|首页\s*[>＞»]|【?\s*(?:打印|关闭|收藏|返回顶部|关闭窗口|打印本页)\s*】?|分享到|无障碍|长者模式|字号|【?字体|扫一扫|网站标识码|主办[:：]|承办[:：]|ICP|.*ICP备)/;
// the line that says where the page comes from and when it was published
const SOURCE_LINE = /^(?:(?:信息)?来源|发布机构|发布时间|发布日期)[:：]/;

type El = Element & { children: HTMLCollection };

/** How much prose an element holds: its Chinese characters, less those inside links (menus, related links). */
function prose(el: Element): number {
  const all = el.textContent?.match(HAN)?.length ?? 0;
  const linked = [...el.querySelectorAll('a')].reduce(
    (n, a) => n + (a.textContent?.match(HAN)?.length ?? 0),
    0,
  );
  return all - 2 * linked;
}

/**
 * The element holding the article: the one with most prose, then down while one child holds nearly all of it,
 * but not past a table beside that child (a funds table holds numbers, not prose, and belongs to the article).
 */
function articleOf(body: Element): Element {
  let best = body;
  let score = prose(body);
  for (const el of body.querySelectorAll('article, main, section, div, td')) {
    const s = prose(el);
    if (s > score) [best, score] = [el, s];
  }
  for (;;) {
    const children = [...(best as El).children];
    const inner = children.find((c) => prose(c) >= 0.85 * score);
    const tableBeside = children.some(
      (c) => c !== inner && (c.localName === 'table' || c.querySelector('table')),
    );
    if (!inner || tableBeside) return best;
    best = inner;
  }
}

/** An element's text as lines: blocks and <br> break lines, table cells are joined by tabs. */
function linesOf(root: Element): string[] {
  const out: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\u00a0\u3000]+/g, (m) => (m.includes('\t') ? '\t' : ' ')).trim();
    if (t) out.push(t);
    line = '';
  };
  // inside a table cell, paragraphs and breaks run on with a space: the row stays one line
  const walk = (n: Node, inCell: boolean) => {
    if (n.nodeType === 3) {
      line += (n.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).localName;
    if (tag === 'br') {
      if (inCell) line += ' ';
      else flush();
      return;
    }
    if (tag === 'td' || tag === 'th') {
      if (line.trim()) line += '\t';
      for (const c of n.childNodes) walk(c, true);
      return;
    }
    const block = BLOCK.test(tag) && !inCell;
    if (block) flush();
    else if (inCell && BLOCK.test(tag) && line.trim() && !line.endsWith('\t')) line += ' ';
    for (const c of n.childNodes) walk(c, inCell);
    if (block) flush();
  };
  walk(root, false);
  flush();
  return out;
}

/**
 * The title of the page: a heading with Chinese inside the article or just before it (not the site's logo), else
 * the <title> without its site suffix (…实施方案（2019—2021年）_某县人民政府: only the last _ or | cuts).
 */
function titleOf(doc: Document, article: Element): string | null {
  const heading = (h: Element) => {
    const t = h.textContent?.replace(/\s+/g, '').trim();
    return t && HAS_HAN.test(t) && !/logo|brand|site/i.test(h.className) ? t : null;
  };
  for (const root of [article, article.parentElement])
    for (const h of root?.querySelectorAll('h1, h2, h3') ?? []) {
      const t = heading(h);
      if (t) return t;
    }
  const t = doc.querySelector('title')?.textContent?.trim();
  return t ? t.replace(/[_|｜][^_|｜]*$/, '').trim() || null : null;
}

/** Of a page's 来源/发布时间 line, the source and the publication time alone (no 点击率, no 【字体】). */
function sourceOf(line: string): string | null {
  const from = /(?:信息来源|来源|发布机构)[:：]\s*([^\s　:：]+)/.exec(line)?.[0];
  const when =
    /(?:发布时间|发布日期|时间)[:：]\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/.exec(
      line,
    )?.[0];
  const parts = [from, when].filter(Boolean);
  return parts.length ? parts.join('　') : null;
}

/** The lines of an HTML fragment's body, as they read (a converted Word document's, where there is no chrome). */
export function htmlLines(html: string): string[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return linesOf(document.body);
}

/** The text of a saved web page's article: its title, its 来源/发布时间 line, then the article's lines. */
export function articleText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll(DROP)) el.remove();
  const body = document.body ?? document.documentElement;
  const article = articleOf(body);
  const title = titleOf(document, article);
  // the source line is beside the title: outside the article's element or among its first lines, never further
  // down (an article's own 资金来源：… is prose)
  const articleLines = linesOf(article);
  const line = linesOf(body).find((l) => {
    if (!SOURCE_LINE.test(l) || l.length > 160) return false;
    const at = articleLines.indexOf(l);
    return at === -1 || at < 3;
  });
  const source = line ? sourceOf(line) : null;
  const kept = articleLines.filter((l) => !CHROME.test(l) && l !== title && l !== line);
  return `${[title, source, ...kept].filter((l): l is string => !!l).join('\n')}\n`;
}
