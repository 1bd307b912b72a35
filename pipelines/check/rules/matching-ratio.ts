import { yuanEn, yuanZh } from '../../contract/format.ts';
import type { Extraction } from '../../extract/types.ts';
import type { Rule } from '../../reference/rules.ts';
import { type Finding, spanOf } from '../finding.ts';
import type { Place } from '../place.ts';
import { type RuleContext, ruleContext } from './context.ts';

/** A matching_ratio rule: the document's local matching funds as a share of its central funds, against the bound. */
export function matchingRatio(
  rule: Rule,
  x: Extraction,
  _place: Place | null = null,
  { notEnough, bounded }: RuleContext = ruleContext(rule),
): Finding {
  const central = x.fields.funds_central_yuan;
  const local = x.fields.funds_local_yuan;
  if (!central) return notEnough('文件未列中央财政资金', 'the document states no central funds');
  if (!local)
    return notEnough('文件未列县级配套资金', 'the document states no local matching funds', [
      spanOf(central),
    ]);
  return bounded(
    local.value / central.value,
    local.value,
    central.value,
    `县级配套资金 ${yuanZh(local.value)} 占中央财政资金 ${yuanZh(central.value)} 的比例`,
    `Local matching funds of ${yuanEn(local.value)} against central funds of ${yuanEn(central.value)}`,
    [spanOf(local), spanOf(central)],
  );
}
