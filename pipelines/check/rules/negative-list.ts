import type { Allocation, Extraction } from '../../extract/types.ts';
import type { Rule } from '../../reference/rules.ts';
import { type Finding, spanOf } from '../finding.ts';
import { fundTree } from '../fund-tree.ts';
import type { Place } from '../place.ts';
import { type RuleContext, ruleContext } from './context.ts';

type Named = { a: Allocation; term: string };

/** The labels of the named items, one entry per label with its count: an item repeated per year is listed once. */
function distinct(ns: readonly Named[]): { label: string; n: number }[] {
  const counts = new Map<string, number>();
  for (const n of ns) counts.set(n.a.label, (counts.get(n.a.label) ?? 0) + 1);
  return [...counts].map(([label, n]) => ({ label, n }));
}

/** The named items quoted for a Chinese message. */
const listZh = (ns: readonly Named[]) =>
  distinct(ns)
    .map((d) => `“${d.label}”${d.n > 1 ? `（${d.n} 项）` : ''}`)
    .join('、');

/** The named items quoted for an English message. */
const listEn = (ns: readonly Named[]) =>
  distinct(ns)
    .map((d) => `“${d.label}”${d.n > 1 ? ` (${d.n} items)` : ''}`)
    .join(', ');

/**
 * A negative_list rule: fund items whose label names a listed term and that have central funds are for review;
 * a name is no breach, so the finding asks for a look at which funds pay, and passes items paid locally only.
 */
export function negativeList(
  rule: Rule,
  x: Extraction,
  _place: Place | null = null,
  { base: b, caveat, notEnough }: RuleContext = ruleContext(rule),
): Finding {
  const central = fundTree(x);
  const named = x.allocations
    .map((a) => ({ a, term: rule.terms!.find((t) => a.label.includes(t)) }))
    .filter((n): n is Named => n.term !== undefined);
  const withCentral = named.filter((n) => central.central(n.a) !== 0);
  const localOnly = named.filter((n) => central.central(n.a) === 0);
  const evidence = [...withCentral, ...localOnly].map((n) => spanOf(n.a));
  if (x.allocations.length === 0)
    return notEnough('文件中未识别到资金分项', 'no fund items were read from the document');
  if (withCentral.length === 0)
    return {
      ...b,
      severity: 'info',
      status: 'pass',
      numerator: 0,
      denominator: x.allocations.length,
      message_zh:
        localOnly.length === 0
          ? `${x.allocations.length} 个资金分项中，没有名称涉及负面清单（${rule.terms!.join('、')}）的项目。${caveat.zh}`
          : `名称涉及负面清单的分项 ${listZh(localOnly)} 仅列地方资金，未列中央财政资金。${caveat.zh}`,
      message_en:
        localOnly.length === 0
          ? `None of the ${x.allocations.length} fund items names a term of the negative list (${rule.terms!.join(', ')}).${caveat.en}`
          : `The items ${listEn(localOnly)} name a term of the negative list and are funded from local funds only.${caveat.en}`,
      evidence,
    };
  return {
    ...b,
    severity: 'review',
    status: 'fail',
    numerator: withCentral.length,
    denominator: x.allocations.length,
    message_zh: `资金分项 ${listZh(withCentral)} 的名称涉及中央财政资金负面清单，且未注明仅用地方资金；请核对资金来源。名称相符不等于违规。${caveat.zh}`,
    message_en: `The fund items ${listEn(withCentral)} name a term of the negative list for central funds and are not shown as locally funded; worth checking which funds pay for them. A matching name is not a breach.${caveat.en}`,
    evidence,
  };
}
