/**
 * Text in one language that quotes another: an English finding that names a phase (“启动阶段”), a field's
 * description that gives the Chinese term. Each run of Chinese is cut out, so that it can be marked lang="zh-CN"
 * and read as Chinese (components/Mixed.astro).
 */

/** A run of text, and whether it is Chinese. */
export interface Run {
  text: string;
  zh: boolean;
}

// a Chinese run: Han characters and Chinese punctuation, with the digits, spaces and dashes between them
// (2023年统计用区划代码, 财办建〔2019〕58号), so that one name is one run
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff60';
const RUN = new RegExp(`[${CJK}](?:[${CJK}\\d]|[\\s\\d.\\-–/]+(?=[\\d]*[${CJK}]))*`, 'gu');

/** The text as runs, Chinese and not, in order; concatenated they give the text back. */
export function runs(text: string): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), zh: false });
    out.push({ text: m[0], zh: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), zh: false });
  return out;
}

// where text is not to be touched: code and styles, form controls' own text, and what is marked already
const KEEP = 'script, style, textarea, [contenteditable], [lang^="zh"]';

/**
 * Marks every Chinese run in the text under `root` lang="zh-CN", as Mixed.astro does for the pages built ahead:
 * an element whose only text is Chinese gets the attribute itself (an <option> too), a run inside other text is
 * wrapped in a <span> (a <tspan> in SVG). For what the browser draws on English pages: county names in tables,
 * Pagefind's excerpts, the citation line.
 */
export function markChineseRuns(root: Element) {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (/\p{Script=Han}/u.test(t.data) && t.parentElement && !t.parentElement.closest(KEEP)) texts.push(t);
  }
  for (const t of texts) {
    const parent = t.parentElement!;
    const parts = runs(t.data);
    const latin = parts.some((r) => !r.zh && /\p{L}/u.test(r.text));
    if ((!latin && parent.childNodes.length === 1) || parent.localName === 'option') {
      if (!latin) parent.setAttribute('lang', 'zh-CN');
      continue;
    }
    const svg = parent.namespaceURI === 'http://www.w3.org/2000/svg';
    t.replaceWith(
      ...parts.map((r) => {
        if (!r.zh) return r.text;
        const run = svg ? doc.createElementNS(parent.namespaceURI, 'tspan') : doc.createElement('span');
        run.setAttribute('lang', 'zh-CN');
        run.textContent = r.text;
        return run;
      }),
    );
  }
}
