import type { Heading } from '../../normalize/outline.ts';
import { fundSource } from '../matchers/money.ts';
import type { FundSource } from '../types.ts';

/** Section titles that hold fund items but are not an item themselves. */
const SECTION_TITLE =
  /资金|投资|预算|概算|安排|使用计划|建设内容|实施内容|工作内容|主要任务|项目内容|明细|支持重点|实施步骤/;

/** Whether a heading titles a section of fund items (资金安排, 建设内容…) rather than naming an item. */
export function isSectionTitle(h: Heading): boolean {
  return SECTION_TITLE.test(h.label);
}

/** The fund source named by a heading or the nearest of its ancestors that names one (二、中央财政资金使用), or null. */
export function sectionSource(h: Heading | null): FundSource | null {
  for (let x = h; x; x = x.parent) {
    const s = fundSource(x.label);
    if (s) return s;
  }
  return null;
}
