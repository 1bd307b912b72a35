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
