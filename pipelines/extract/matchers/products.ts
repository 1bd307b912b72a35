import type { Doc } from '../../normalize/doc.ts';
import type { Product } from '../types.ts';

/** A list that ends “…等特色农产品”, “…等地标产品”, “…等五台特色农产品”, “…等特色产业”. */
const LIST_END =
  /等(?:[\p{Script=Han}]{0,4}?)(?:特色|地标|优势|名优|特产)(?:农特|农副|农)?(?:产品|产业)(?:资源)?/gu;
/** Words that open a list: what stands before them is not part of it. */
const LEAD = /.*(?:以|主要以|整合|围绕|重点发展|重点围绕|发展|包括|例如|如|依托|打造|推广|对|将)/u;
/** A quoted product named as a geographic-indication product: 地标产品“五指山红茶”. */
const QUOTED = /(?:地标产品|地理标志产品|特色产品|特色农产品|公用品牌|区域品牌)“([^”]{2,12})”/gu;

/** List items that are kinds of activity or places, not products. */
const NOT_A_PRODUCT =
  /\d|不少于|个|等|推动|完善|新建|立足|为|含|旅游|民俗|文化|手工|工业|农副|服务|产业|电商|三品一标|(?:省|市|县|区)$/;

/**
 * The items of a list separated by 、 at the top level. An item with a parenthesised list (乳源三宝(腐竹、笋干、番薯干))
 * yields its parts too; other parentheses stay part of the item (中国贝(蛤)都). Quotes are not part of a name.
 */
function listItems(list: string, at: number): { name: string; nstart: number; nend: number }[] {
  const out: { name: string; nstart: number; nend: number }[] = [];
  const push = (s: number, e: number) => {
    let a = s;
    let b = e;
    while (a < b && /[\s“”"]/.test(list[a]!)) a++;
    while (b > a && /[\s“”"]/.test(list[b - 1]!)) b--;
    if (b > a) out.push({ name: list.slice(a, b), nstart: at + a, nend: at + b });
  };
  let depth = 0;
  let start = 0;
  let open = -1;
  for (let i = 0; i <= list.length; i++) {
    const c = list[i];
    if (c === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && open !== -1 && list.slice(open, i).includes('、')) {
        push(start, open);
        for (const part of listItems(list.slice(open + 1, i), at + open + 1)) out.push(part);
        start = i + 1;
        open = -1;
      }
    } else if (c === '“' && depth === 0 && list[i - 1] === '”') {
      push(start, i);
      start = i;
    } else if ((c === '、' && depth === 0) || i === list.length) {
      push(start, i);
      start = i + 1;
    }
  }
  return out;
}

/**
 * Featured products a plan names: the items of a list closed by “等特色农产品” (and similar), and a quoted
 * product after 地标产品. Parenthesised details (腐竹、笋干、番薯干) are read as products too.
 */
export function products(doc: Doc): Product[] {
  const text = doc.text;
  const found: { name: string; nstart: number; nend: number }[] = [];
  for (const m of text.matchAll(LIST_END)) {
    const clauseStart =
      Math.max(...[',', '，', '。', ';', '；', ':', '\n'].map((c) => text.lastIndexOf(c, m.index - 1))) + 1;
    let from = clauseStart;
    const lead = LEAD.exec(text.slice(clauseStart, m.index));
    if (lead) from = clauseStart + lead[0].length;
    for (const item of listItems(text.slice(from, m.index), from)) {
      if (item.name.length < 2 || item.name.length > 12 || NOT_A_PRODUCT.test(item.name)) continue;
      found.push(item);
    }
  }
  for (const m of text.matchAll(QUOTED)) {
    const s = m.index + m[0].indexOf('“') + 1;
    found.push({ name: m[1]!, nstart: s, nend: s + m[1]!.length });
  }
  const seen = new Set<string>();
  const out: Product[] = [];
  for (const f of found.sort((a, b) => a.nstart - b.nstart)) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    const span = doc.span(f.nstart, f.nend);
    out.push({
      name: doc.original.slice(span.start, span.end).replace(/\s+/g, ''),
      start: span.start,
      end: span.end,
    });
  }
  return out;
}
