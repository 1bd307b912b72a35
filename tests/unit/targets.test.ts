import { describe, expect, it } from 'vitest';
import { comparatorOf, targets } from '../../pipelines/extract/matchers/targets.ts';
import { prepare } from '../../pipelines/normalize/doc.ts';

const read = (text: string) => targets(prepare(text)).map((t) => [t.metric, t.value, t.comparator]);

describe('comparatorOf', () => {
  it('comparatorOf(phrase) is >= for 不低于, 不少于, 以上, 至少', () => {
    for (const p of ['不低于50', '不少于50', '50%以上', '至少3项', '达到90%及以上'])
      expect(comparatorOf(p)).toBe('>=');
  });
  it('comparatorOf(phrase) is <= for 不超过, 不得高于, 以内, 小时内', () => {
    for (const p of ['不超过15%', '不得高于15%', '48小时以内', '72小时内', '48小时完成'])
      expect(comparatorOf(p)).toBe('<=');
  });
  it('comparatorOf(phrase) is = otherwise', () => {
    expect(comparatorOf('覆盖率达100%')).toBe('=');
  });
});

describe('targets', () => {
  it('targets(doc) reads stations by tier, new and upgraded (改造 6 个…和新建 1 个…)', () => {
    expect(read('改造现有的6个乡镇级电子商务(物流)服务站和新建1个乡镇级电子商务(物流)服务站。')).toEqual([
      ['township_station_count_upgraded', 6, '='],
      ['township_station_count_new', 1, '='],
    ]);
  });
  it('targets(doc) reads a station count with its bound, before or after the number (服务站不少于60个, 不少于120个村级服务站)', () => {
    expect(read('建成村级电商服务站不少于60个。')).toEqual([['village_station_count', 60, '>=']]);
    expect(read('建设不少于120个村级服务站。')).toEqual([['village_station_count', 120, '>=']]);
    expect(read('建设村级服务站60个以上。')).toEqual([['village_station_count', 60, '>=']]);
  });
  it('targets(doc) reads coordinated station counts (6 个乡（镇）级和 124 个村级电商服务站)', () => {
    expect(read('整合建设6个乡（镇）级和124个村级电商服务站。')).toEqual([
      ['township_station_count', 6, '='],
      ['village_station_count', 124, '='],
    ]);
  });
  it('targets(doc) reads a count written after the noun (服务点 52 个) and Chinese numerals (一个)', () => {
    expect(read('升级建设行政村电子商务服务点52个。')).toEqual([['village_station_count_upgraded', 52, '=']]);
    expect(read('优化改建一个区级电子商务公共服务中心。')).toEqual([['county_service_center_count', 1, '=']]);
  });
  it('targets(doc) ignores showcase stations (重点打造 1 个镇级和 3 个村级服务站点)', () => {
    expect(read('重点打造1个镇级和3个村级服务站点，树立标杆。')).toEqual([]);
  });
  it('targets(doc) reads coverage, taking the tier from earlier in the sentence', () => {
    expect(read('建设村级电商服务站124个，电商服务覆盖率达60%以上。')).toContainEqual([
      'village_coverage_pct',
      60,
      '>=',
    ]);
  });
  it('targets(doc) ignores broadband and delivery-route coverage', () => {
    expect(read('实现乡镇宽带网络100%全覆盖，覆盖90%以上的行政村。行政村物流快递覆盖率达100%。')).toEqual([]);
  });
  it('targets(doc) reads the overall training target, not a course', () => {
    expect(read('计划开展电商培训3000人次以上。在各乡镇开展电商业务知识培训2400人次。')).toEqual([
      ['training_person_times', 3000, '>='],
    ]);
  });
  it('targets(doc) reads delivery hours to townships and to villages', () => {
    expect(
      read('市物流仓储配送中心到乡（镇）服务站48小时内完成配送，到村级服务站的物流配送在72小时内完成。'),
    ).toEqual([
      ['delivery_hours_to_township', 48, '<='],
      ['delivery_hours_to_village', 72, '<='],
    ]);
  });
  it('targets(doc) reads retail growth, farm-product growth apart', () => {
    expect(
      read('网络零售额同比增长35%以上，农产品网络零售额同比增长30%以上，服务型网络零售额同比增长35%以上。'),
    ).toEqual([
      ['online_retail_growth_pct', 35, '>='],
      ['agri_online_retail_growth_pct', 30, '>='],
    ]);
  });
  it('targets(doc) reads new online shops, incubation and training satisfaction', () => {
    expect(read('电商创就业孵化不少于50人，开设网店不低于20家，培训对象满意度90%以上。')).toEqual([
      ['incubated_entrepreneurs', 50, '>='],
      ['new_online_shops', 20, '>='],
      ['training_satisfaction_pct', 90, '>='],
    ]);
  });
  it('targets(doc) keeps a target stated twice with two values, once each', () => {
    expect(
      read('完成电商培训3000人次以上。电商培训累计达到2000人次以上。再次：完成电商培训3000人次以上。'),
    ).toEqual([
      ['training_person_times', 3000, '>='],
      ['training_person_times', 2000, '>='],
    ]);
  });
  it('targets(doc) gives spans whose original text states the value', () => {
    const doc = prepare('完成电商培训 3000\n\n人次以上');
    const [t] = targets(doc);
    expect(doc.original.slice(t!.start, t!.end)).toContain('3000');
  });
});

describe('targets outside the vocabulary', () => {
  const others = (text: string) =>
    targets(prepare(text))
      .filter((t) => t.metric === 'other')
      .map((t) => [t.label, t.value, t.unit, t.comparator]);

  it('targets(doc) keeps a bounded figure the vocabulary lacks as other, with its label and unit as written', () => {
    expect(others('力争培训就业转化率不低于2%。')).toEqual([['培训就业转化率', 2, '%', '>=']]);
    expect(others('举办3场以上农产品产销对接会。')).toEqual([['农产品产销对接会', 3, '场', '>=']]);
    expect(others('新建不低于200平方米的冷库。')).toEqual([['冷库', 200, '平方米', '>=']]);
    expect(others('带动农民直接就业不少于80人。')).toEqual([['带动农民直接就业', 80, '人', '>=']]);
    expect(others('园区入驻企业达12家以上。')).toEqual([['园区入驻企业', 12, '家', '>=']]);
  });

  it('targets(doc) reads no other target from a per-item specification, a programme rule, money or a range', () => {
    expect(others('每个站点至少配备2名工作人员。')).toEqual([]);
    expect(others('支持农产品上行的资金比例原则上不低于50%。')).toEqual([]);
    expect(others('网络年销售额不低于8万元。')).toEqual([]);
    expect(others('举办2至3场对接会。')).toEqual([]);
  });

  it('targets(doc) reads a figure of the vocabulary as its metric, never also as other', () => {
    const all = targets(prepare('开设网店不低于30家，培训满意度90%以上。'));
    expect(all.map((t) => t.metric)).toEqual(['new_online_shops', 'training_satisfaction_pct']);
  });

  it('targets(doc) reads a delivery frequency as days between deliveries (每天配送, 3天配送一次)', () => {
    expect(read('县城至乡镇实现每天配送，乡镇至村实现3天配送一次。')).toEqual([
      ['delivery_interval_days_to_township', 1, '='],
      ['delivery_interval_days_to_village', 3, '='],
    ]);
  });

  it('targets(doc) reads one frequency given to two tiers at once (县到乡镇、乡镇到村实现每天配送) for both', () => {
    expect(read('县到乡镇、乡镇到村实现每天配送。')).toEqual([
      ['delivery_interval_days_to_township', 1, '='],
      ['delivery_interval_days_to_village', 1, '='],
    ]);
    expect(read('县至乡镇和乡镇至村2天配送一次。')).toEqual([
      ['delivery_interval_days_to_township', 2, '='],
      ['delivery_interval_days_to_village', 2, '='],
    ]);
  });
});

describe('targets outside the vocabulary: labels and units', () => {
  const others = (text: string) =>
    targets(prepare(text))
      .filter((t) => t.metric === 'other')
      .map((t) => [t.label, t.value, t.unit]);
  it('targets(doc) names what is counted, not the place (全县) nor the verb (支持), and writes ㎡ as 平方米', () => {
    expect(others('支持不少于3家企业开展直播。')).toEqual([['企业', 3, '家']]);
    expect(others('全县80%以上的贫困村实现电商帮扶。')).toEqual([['贫困村实现电商帮扶', 80, '%']]);
    expect(others('新建不低于200㎡的冷库。')).toEqual([['冷库', 200, '平方米']]);
  });
});
