import { yuanEn, yuanZh } from '../../contract/format.ts';
import { CATEGORY, type Category } from '../../contract/vocab.ts';
import type { Allocation, Extraction } from '../../extract/types.ts';
import type { Rule } from '../../reference/rules.ts';
import { type Finding, spanOf } from '../finding.ts';
import { fundTree } from '../fund-tree.ts';
import type { Place } from '../place.ts';
import { type RuleContext, ruleContext } from './context.ts';

/** The items a share counts, named for the messages; `missing` says why none can be counted (zh, en), if so. */
interface Selection {
  selected: Allocation[];
  zh: string;
  en: string;
  missing: [string, string] | null;
}

/**
 * The items whose label matches the rule's pattern (and not its exclusion), outermost only: an item under a
 * matching group is part of the group's amount, so counting both would count it twice.
 */
function byLabel(rule: Rule, x: Extraction): Selection {
  const pattern = rule.label_pattern!;
  const re = new RegExp(pattern);
  const exclude = rule.label_exclude ? new RegExp(rule.label_exclude) : null;
  const hit = (a: Allocation) => re.test(a.label) && !exclude?.test(a.label);
  const byId = new Map(x.allocations.map((a) => [a.itemId, a]));
  const ancestorHit = (a: Allocation): boolean => {
    const p = a.parentItemId ? byId.get(a.parentItemId) : undefined;
    return p ? hit(p) || ancestorHit(p) : false;
  };
  const selected = x.allocations.filter((a) => hit(a) && !ancestorHit(a));
  const zh = pattern.replace(/\|/g, '/');
  const en = pattern.replace(/\|/g, ' or ');
  return {
    selected,
    zh: `名称含“${zh}”的分项`,
    en: `items whose label names ${en}`,
    missing:
      selected.length === 0 ? [`没有名称含“${zh}”的资金分项`, `no fund item’s label names ${en}`] : null,
  };
}

/** The leaf items (no items of their own) in the rule's categories: a group's amount is its items' amounts. */
function byCategory(rule: Rule, x: Extraction, tree: ReturnType<typeof fundTree>): Selection {
  const cats = new Set<string>(rule.categories);
  return {
    selected: x.allocations.filter(
      (a) => !tree.children.has(a.itemId) && a.category !== null && cats.has(a.category),
    ),
    zh: `${rule.categories!.map((c) => CATEGORY[c as Category].zh).join('、')}类分项`,
    en: `items in the categories ${rule.categories!.map((c) => CATEGORY[c as Category].en).join(', ')}`,
    missing:
      x.allocations.length === 0
        ? ['文件中未识别到资金分项', 'no fund items were read from the document']
        : null,
  };
}

/**
 * A share_of_central rule: the central funds of the items it names (by label pattern, else by this site's
 * categories) as a share of the document's central funds, against the bound.
 */
export function shareOfCentral(
  rule: Rule,
  x: Extraction,
  _place: Place | null = null,
  { notEnough, bounded }: RuleContext = ruleContext(rule),
): Finding {
  const tree = fundTree(x);
  const stated = x.fields.funds_central_yuan;
  if (!stated) return notEnough('文件未列中央财政资金', 'the document states no central funds');
  const total = stated.value;
  const s = rule.label_pattern ? byLabel(rule, x) : byCategory(rule, x, tree);
  if (s.missing) return notEnough(s.missing[0], s.missing[1], [spanOf(stated)]);
  const values = s.selected.map((a) => tree.central(a));
  const evidence = [spanOf(stated), ...s.selected.map(spanOf)];
  if (values.some((v) => v === null))
    return notEnough(`${s.zh}未全部列出中央财政资金`, `not all ${s.en} state their central funds`, evidence);
  const sum = values.reduce<number>((acc, v) => acc + v!, 0);
  return bounded(
    sum / total,
    sum,
    total,
    `按本站分类，${s.zh}的中央财政资金合计 ${yuanZh(sum)}，占中央财政资金 ${yuanZh(total)} 的比例`,
    `By this site’s categories, the central funds of ${s.en} total ${yuanEn(sum)}; their share of the ${yuanEn(total)} central funds`,
    evidence,
  );
}
