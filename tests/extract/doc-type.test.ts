/**
 * The kind of a document (issue 15, kinds): read from its title, else its body; a look-alike that is not this
 * programme (a city's rural e-commerce three-year plan, a 县域商业 fund rule, a 农村淘宝 news item) is `other`.
 * Each title stands for a kind and is written here, not copied.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../pipelines/extract/extract.ts';

const kind = (title: string, body: string) => extract(`${title}\n\n${body}\n`).fields.doc_type?.value;
const ABOUT = '为推进我县电子商务进农村综合示范工作，';

describe('doc_type', () => {
  it('reads each kind of this programme’s documents from its title', () => {
    expect(kind('某县电子商务进农村综合示范项目实施方案', `${ABOUT}制定本方案。`)).toBe('plan');
    expect(kind('某县电子商务进农村综合示范项目实施方案（调整）', `${ABOUT}调整如下。`)).toBe('revision');
    expect(kind('某县电子商务进农村综合示范项目专项资金管理办法', `第一条 ${ABOUT}制定本办法。`)).toBe(
      'fund_rules',
    );
    expect(kind('某县电子商务进农村综合示范项目绩效自评报告', `${ABOUT}现将自评情况报告如下。`)).toBe(
      'report',
    );
    expect(kind('某县电子商务进农村综合示范项目验收报告', `${ABOUT}验收组对项目进行了验收。`)).toBe(
      'acceptance',
    );
    expect(kind('某县电子商务进农村综合示范项目服务采购招标公告', `${ABOUT}现进行公开招标。`)).toBe('tender');
    expect(
      kind('关于某县电子商务进农村综合示范项目验收结果的公示', `${ABOUT}现将验收结果公示如下。\n特此公示`),
    ).toBe('acceptance');
    expect(
      kind('我县电子商务进农村综合示范项目通过验收', `近日，记者从县商务局获悉，${ABOUT}项目通过省级验收。`),
    ).toBe('news');
  });

  it('gives `other` to look-alikes that are not this programme', () => {
    expect(
      kind('某市农村电子商务发展三年行动计划（2021—2023年）', '为加快农村电子商务发展，制定本计划。'),
    ).toBe('other');
    expect(
      kind('某县县域商业体系建设专项资金管理办法', '第一条 为规范县域商业体系建设资金管理，制定本办法。'),
    ).toBe('other');
    expect(
      kind('农村淘宝落户我县 首批村级服务站开业', '近日，记者从县商务局获悉，农村淘宝项目正式落户我县。'),
    ).toBe('other');
  });
});
