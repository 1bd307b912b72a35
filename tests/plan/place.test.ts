/**
 * Where a document is (issue 15, county and place names): a county counts only where the document names its
 * place (title, issuing body, 我县（XX县）, the opening sentence), never from inside an ordinary word (合作市场,
 * 新建区级, 东方市场), and a document that names only 我县, or several counties, gets no county and a finding.
 * Each fixture stands for a kind of document and is written here, not copied; the expected places are read from
 * the fixtures and the 2023 division table.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENTS, FINDINGS } from '../../pipelines/contract/schema.ts';
import { readPlan } from '../../pipelines/plan/plan.ts';
import { rowsOf } from '../helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const place = (text: string) => {
  const r = readPlan('x', 'x.txt', utf8(text), null);
  const doc = rowsOf(r, DOCUMENTS)[0]!;
  const finding = rowsOf(r, FINDINGS).find((f) => f.check === 'county_unresolved');
  return { code: doc.county_code, name: doc.county_name, finding };
};

describe('a county is never taken from inside an ordinary word', () => {
  // kind: fund management rules (专项资金管理办法), the county named only as 我县, articles 第一条…
  const RULES = [
    '电子商务进农村综合示范项目专项资金管理办法',
    '',
    '第一条 为规范我县电子商务进农村综合示范项目专项资金管理，提高资金使用效益，制定本办法。',
    '第二条 专项资金用于建设合作市场、新建区级物流中心和改造东方市场等项目。',
    '第三条 县商务局会同县财政局负责资金的分配和监督。统筹县财政局与县商务局的工作。',
    '第四条 本办法自印发之日起施行。',
    '',
  ].join('\n');

  it('a fund rule that names only 我县 gets no county (not 合作市, 新建区 or 东方市) and a finding', () => {
    const { code, name, finding } = place(RULES);
    expect(code).toBeNull();
    expect(name).toBeNull();
    expect(finding?.message_zh).toContain('我县');
    expect(finding?.severity).toBe('review');
  });
});

describe('a title that opens with an ordinary word names no place', () => {
  it('东方市场… is not 东方市 (469007)', () => {
    const text = '东方市场电子商务服务体系建设方案\n\n为推进我县电子商务进农村综合示范工作，制定本方案。\n';
    expect(place(text).code).toBeNull();
  });
});

describe('a county is read where the document names its place', () => {
  it('a county followed by a word that starts with 村, 城, 乡 or 委 stays a county (乐山市金口河区村级…, 县委办公室)', () => {
    expect(
      place('乐山市金口河区村级电子商务服务站建设方案\n\n为推进电子商务进农村综合示范工作，制定本方案。\n'),
    ).toMatchObject({ code: '511113' });
    const notice =
      '中共峨边彝族自治县委办公室\n关于做好电子商务进农村综合示范工作的通知\n\n各乡镇：\n现就有关事项通知如下。\n';
    expect(place(notice)).toMatchObject({ code: '511132' });
  });

  it('本县（市、区） and 我县（以下简称“项目县”） name no county; the addressee line is not the opening sentence', () => {
    const text = [
      '电子商务进农村综合示范项目专项资金管理办法',
      '',
      '各乡（镇）人民政府，金口河区各部门：',
      '第一条 本县（市、区）及我县（以下简称“项目县”）按本办法管理资金。',
      '',
    ].join('\n');
    const { code, finding } = place(text);
    expect(code).toBeNull();
    expect(finding?.message_zh).toMatch(/只称“(本县|我县)”/);
  });

  it('社会资本市场化 does not read as 本市', () => {
    const text = '电子商务进农村综合示范项目专项资金管理办法\n\n第一条 推进社会资本市场化运作。\n';
    expect(place(text).finding).toBeUndefined();
  });

  it('a prefecture-level plan resolves at its level (乐山市 511100)', () => {
    // kind: a prefecture-level city's plan for the programme as a whole
    const text =
      '乐山市电子商务进农村综合示范工作方案\n\n为推进全市电子商务进农村综合示范工作，制定本方案。\n';
    const r = readPlan('x', 'x.txt', utf8(text), null);
    expect(rowsOf(r, DOCUMENTS)[0]).toMatchObject({ county_code: '511100', county_name: '乐山市' });
  });

  it('from the issuing body above a notice whose title names none (峨边彝族自治县人民政府办公室)', () => {
    // kind: a county government's notice publishing a plan, the plan's title without a place
    const text = [
      '峨边彝族自治县人民政府办公室',
      '关于印发电子商务进农村综合示范项目实施方案的通知',
      '',
      '各乡镇人民政府，县级各部门：',
      '现将《电子商务进农村综合示范项目实施方案》印发给你们，请认真贯彻执行。',
      '项目总投资2000万元，其中中央财政资金1500万元。',
      '',
    ].join('\n');
    expect(place(text)).toMatchObject({ code: '511132', name: '峨边彝族自治县' });
  });

  it('an autonomous county written short with 县 (峨边县) is the official 峨边彝族自治县', () => {
    const text =
      '峨边县电子商务进农村综合示范项目实施方案\n\n为推进我县电子商务发展，制定本方案。项目总投资2000万元。\n';
    expect(place(text)).toMatchObject({ code: '511132', name: '峨边彝族自治县' });
  });

  it('from 我县（金口河区） in the opening sentence of a plan whose title names no place', () => {
    const text =
      '电子商务进农村综合示范项目实施方案\n\n为推进我县（金口河区）电子商务进农村综合示范工作，制定本方案。\n项目总投资1000万元。\n';
    expect(place(text)).toMatchObject({ code: '511113', name: '金口河区' });
  });

  it('a document naming two counties as its place gets none, and a finding naming both', () => {
    // kind: a joint notice of two counties' offices
    const text = [
      '峨边彝族自治县商务局 马边彝族自治县商务局',
      '关于联合开展电子商务进农村综合示范工作的通知',
      '',
      '为推进两县电子商务进农村综合示范工作，现通知如下。',
      '',
    ].join('\n');
    const { code, finding } = place(text);
    expect(code).toBeNull();
    expect(finding?.message_zh).toContain('峨边彝族自治县');
    expect(finding?.message_zh).toContain('马边彝族自治县');
  });
});
