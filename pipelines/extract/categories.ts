import type { Category } from './types.ts';

/**
 * The canonical categories, as ordered keyword rules on an item's label. Order matters: a station
 * (电子商务(物流)服务站) is public service before it is logistics; 农产品上行 names upstream before 物流 does.
 */
const RULES: [RegExp, Category][] = [
  [/培训|人才|带头人|培育.*(?:人|队伍)|讲师/, 'training'],
  [/商贸流通企业|流通企业|企业转型|传统企业|连锁化|数字化转型|下沉供应链|供应链下沉/, 'enterprise_upgrade'],
  [
    /租赁|租车|房租|工作经费|第三方服务|第三方机构|监理|审计|接待|考察|印刷|申报|专家费|验收|办公/,
    'operations',
  ],
  [/服务站|服务点|站点|服务网点/, 'public_service'],
  [/上行|供应链|品牌|标准化|标准体系|溯源|追溯|质量|品控|认证/, 'upstream'],
  [/物流|仓储|冷链|配送|快递|冷库|运输/, 'logistics'],
  [/公共服务|大数据|信息系统|数据|平台|网站|服务中心|服务体系|产业园|孵化/, 'public_service'],
  [/营销|加工|网销|推广|产品|农特|特色|直播|展销|包装/, 'upstream'],
  [/宣传|运营|管理/, 'operations'],
];

/**
 * The canonical category of a fund item from its label; “other” when no rule applies.
 * A group (an item with items under it) whose label names no category gets null: its items carry theirs.
 */
export function categorize(label: string, isGroup = false): Category | null {
  // a parenthetical qualifies the item (与…合并建设), it does not name it; (物流) inside a name is kept
  const name = label.replace(/[(（][^()（）]{5,}[)）]/g, '');
  for (const [re, category] of RULES) if (re.test(name)) return category;
  return isGroup ? null : 'other';
}
