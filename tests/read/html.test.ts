/**
 * Saved web pages (issue 15, formats): a county government site's article page is read for its article alone,
 * the site chrome dropped (当前位置, 【打印】【关闭】, 无障碍, 点击率, the footer), and gives the same facts as the
 * same text saved as .txt. The fixture stands for the kind "a plan published as an article on a county portal": its
 * structure and chrome are written here from how such pages are built, not copied from one.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FIELDS, DOCUMENT_TEXTS, DOCUMENTS } from '../../pipelines/contract/schema.ts';
import { readPlan } from '../../pipelines/plan/plan.ts';
import { articleText } from '../../pipelines/read/html.ts';
import { rowsOf } from '../helpers.ts';

const BODY = [
  '为推进我县电子商务进农村综合示范工作，制定本方案。',
  '一、总体目标',
  '建设村级电商服务站不少于60个，开展电商培训不少于2000人次。',
  '二、资金安排',
  '项目总投资1500万元，其中中央财政资金1000万元。',
];

const PAGE = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>峨边彝族自治县电子商务进农村综合示范项目实施方案_峨边彝族自治县人民政府</title>
<script>var _hmt = [];</script><style>.nav{color:red}</style></head>
<body>
<div class="top"><a href="/">无障碍阅读</a> <a href="/">长者模式</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/xwzx">新闻中心</a></li><li><a href="/bsfw">办事服务</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 通知公告</div>
<div class="article">
  <h1>峨边彝族自治县电子商务进农村综合示范项目实施方案</h1>
  <div class="info">来源：县商务局　发布时间：2021-06-08 09:30　点击率：1024　【字体：大 中 小】</div>
  <div class="TRS_Editor" id="zoom">
    ${BODY.map((p) => `<p style="text-indent:2em">${p}</p>`).join('\n    ')}
    <table><tr><td>项目</td><td>金额</td></tr><tr><td>村级服务站</td><td>300万元</td></tr></table>
  </div>
  <div class="tools">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】 分享到：</div>
</div>
<div class="links"><a href="http://www.gov.cn">中国政府网</a> <a href="http://www.sc.gov.cn">四川省人民政府</a></div>
<div class="footer">主办：峨边彝族自治县人民政府办公室　网站标识码：5111320001　蜀ICP备00000000号</div>
</body></html>`;

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('articleText(html)', () => {
  it('keeps the title, the source line and the article, in order, and drops the site chrome', () => {
    const text = articleText(PAGE);
    const lines = text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('峨边彝族自治县电子商务进农村综合示范项目实施方案');
    for (const p of BODY) expect(lines).toContain(p);
    for (const chrome of [
      '当前位置',
      '打印',
      '关闭',
      '无障碍',
      '点击率',
      '网站标识码',
      '首页',
      '中国政府网',
      '_hmt',
      'color:red',
    ])
      expect(text, chrome).not.toContain(chrome);
    // a table row stays one line, its cells apart
    expect(lines).toContain('村级服务站\t300万元');
  });
});

describe('articleText on other page layouts', () => {
  it('keeps a title with a dash, an ASP.NET form around everything, and an article line that starts with 资金来源', () => {
    const page = `<html><head><title>某县电子商务进农村综合示范项目实施方案（2019—2021年）_某县人民政府</title></head><body><form id="form1"><h1 class="logo">某县人民政府</h1><div id="zoom"><p>为推进我县电子商务进农村综合示范工作，制定本方案，请各部门认真抓好落实，确保项目按期完成。</p><p>资金来源：中央财政资金1500万元。</p><p>实施时间：2019年1月—2020年12月。</p></div></form></body></html>`;
    const lines = articleText(page).split('\n').filter(Boolean);
    expect(lines[0]).toBe('某县电子商务进农村综合示范项目实施方案（2019—2021年）');
    expect(lines).toContain('资金来源：中央财政资金1500万元。');
    expect(lines).toContain('实施时间：2019年1月—2020年12月。');
    expect(lines).not.toContain('某县人民政府');
  });
});

describe('articleText keeps a table beside the prose', () => {
  it('a funds table next to the article’s main block stays in the text', () => {
    const prose =
      '为推进我县电子商务进农村综合示范工作，制定本方案，请各部门认真抓好落实，确保项目按期完成。'.repeat(4);
    const page = `<html><body><div id="zoom"><div><p>${prose}</p></div><table><tr><td>物流体系建设</td><td>300万元</td></tr></table></div></body></html>`;
    expect(articleText(page).split('\n')).toContain('物流体系建设\t300万元');
  });
});

describe('readPlan on a saved web page', () => {
  it('gives the same county, funds and targets as the article saved as .txt', () => {
    const html = readPlan('ebian', 'ebian.html', utf8(PAGE), null);
    const txt = readPlan(
      'ebian',
      'ebian.txt',
      utf8(`峨边彝族自治县电子商务进农村综合示范项目实施方案\n\n${BODY.join('\n')}\n`),
      null,
    );
    expect(html.ok).toBe(true);
    const doc = rowsOf(html, DOCUMENTS)[0]!;
    expect(doc).toMatchObject({
      county_code: '511132',
      funds_total_yuan: 15_000_000,
      funds_central_yuan: 10_000_000,
    });
    expect(doc.source_file).toBe('ebian.html');
    const facts = (r: typeof html) =>
      rowsOf(r, DOCUMENT_FIELDS)
        .filter((f) => !['issued_on', 'published_on', 'published_by'].includes(String(f.field)))
        .map((f) => [f.field, f.value]);
    expect(facts(html)).toEqual(facts(txt));
    // the reader shows the article's text, not the page's markup
    const shown = String(rowsOf(html, DOCUMENT_TEXTS)[0]!.text);
    expect(shown).not.toContain('<');
    expect(shown).not.toContain('当前位置');
  });
});

describe('a web page’s source and publication time', () => {
  it('are kept as document fields, cited to the 来源/发布时间 line, and apart from the date of issue', () => {
    const html = readPlan('ebian', 'ebian.html', utf8(PAGE), null);
    const doc = rowsOf(html, DOCUMENTS)[0]!;
    // the page says 来源：县商务局　发布时间：2021-06-08 09:30, and the article states no date of issue
    expect(doc.published_on).toBe('2021-06-08');
    expect(doc.published_by).toBe('县商务局');
    expect(doc.issued_on).toBeNull();
    const field = (name: string) => rowsOf(html, DOCUMENT_FIELDS).find((f) => f.field === name)!;
    expect(field('published_on').quote).toBe('发布时间：2021-06-08');
    expect(field('published_by').quote).toBe('来源：县商务局');
  });

  it('a page that gives only 发布日期 with a Chinese date, and a signed date in the article, keeps both apart', () => {
    const page = PAGE.replace(
      '来源：县商务局　发布时间：2021-06-08 09:30',
      '发布日期：2021年06月08日',
    ).replace('</table>', '</table><p>峨边彝族自治县人民政府</p><p>2021年5月20日</p>');
    const doc = rowsOf(readPlan('ebian', 'ebian.html', utf8(page), null), DOCUMENTS)[0]!;
    expect(doc.published_on).toBe('2021-06-08');
    expect(doc.published_by).toBeNull();
    expect(doc.issued_on).toBe('2021-05-20');
  });
});
