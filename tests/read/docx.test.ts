/**
 * Word documents (issue 15, formats): a .docx is read for its paragraphs and its tables (a row per line, cells
 * apart), and gives the same facts as the same text saved as .txt; a .doc is named as not read. The fixture is a
 * minimal .docx written here (WordprocessingML in a zip), standing for the kind "a county plan as a Word file": a
 * title paragraph, body paragraphs and a funds table.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_FIELDS, DOCUMENTS } from '../../pipelines/contract/schema.ts';
import { type DocResult, readPlans } from '../../pipelines/plan/plans.ts';
import { docxText } from '../../pipelines/read/docx.ts';
import { planDocx } from '../../pipelines/tools/plan-docx.ts';
import { ROOT, rowsOf } from '../helpers.ts';
import { facts } from './facts.ts';

const TITLE = '峨边彝族自治县电子商务进农村综合示范项目实施方案';
const BODY = [
  '为推进我县电子商务进农村综合示范工作，制定本方案。',
  '建设村级电商服务站不少于60个，开展电商培训不少于2000人次。',
  '项目总投资1500万元，其中中央财政资金1000万元。',
];
const TABLE = [
  ['项目', '金额'],
  ['村级服务站', '300万元'],
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const para = (t: string) => `<w:p><w:r><w:t>${esc(t)}</w:t></w:r></w:p>`;
const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${esc(t)}</w:t></w:r></w:p></w:tc>`;

/** A .docx with a title, paragraphs and a table, as Word stores them. */
async function docx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para(TITLE)}${BODY.map(para).join('')}<w:tbl>${TABLE.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

const tmp = mkdtempSync(join(tmpdir(), 'plan-atlas-docx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('docxText(bytes)', () => {
  it('gives the paragraphs as lines and a table row as one line, its cells apart', async () => {
    const lines = (await docxText(await docx())).split('\n').filter(Boolean);
    expect(lines).toEqual([TITLE, ...BODY, '项目\t金额', '村级服务站\t300万元']);
  });

  it('names a file that is not a Word document', async () => {
    await expect(docxText(new TextEncoder().encode('not a zip'))).rejects.toThrow(/\.docx/);
  });
});

describe('readPlans on a folder with a .docx and a .doc', () => {
  it('reads the .docx with the same facts as its .txt, and names the .doc as not read', async () => {
    const dir = join(tmp, 'plans');
    const other = join(tmp, 'txt');
    for (const d of [dir, other]) rmSync(d, { recursive: true, force: true });
    mkdirSync(dir);
    mkdirSync(other);
    writeFileSync(join(dir, 'ebian.docx'), await docx());
    writeFileSync(join(dir, 'old.doc'), 'binary');
    writeFileSync(
      join(other, 'ebian.txt'),
      `${TITLE}\n${BODY.join('\n')}\n${TABLE.map((r) => r.join('\t')).join('\n')}\n`,
    );
    const problems: string[] = [];
    const effects = { progress: () => {}, problem: (m: string) => problems.push(m) };
    const fromDocx = await readPlans(dir, null, effects);
    const fromTxt = await readPlans(other, null, effects);
    const [d, t] = [fromDocx.results[0]!, fromTxt.results[0]!];
    expect(d.ok).toBe(true);
    expect(rowsOf(d, DOCUMENTS)[0]).toMatchObject({
      doc_id: 'ebian',
      source_file: 'ebian.docx',
      county_code: '511132',
      funds_total_yuan: 15_000_000,
      encoding: 'docx',
    });
    const fields = (r: typeof d) => rowsOf(r, DOCUMENT_FIELDS).map((f) => [f.field, f.value, f.span_start]);
    expect(fields(d)).toEqual(fields(t));
    expect(problems.join('\n')).toMatch(/old\.doc: .*\.doc.*not read/);
  });
});

describe('the five plans written as Word files', () => {
  const raw = join(ROOT, 'data/plans/raw');
  const ids = readdirSync(raw)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => n.slice(0, -4))
    .sort();
  let fromDocx: DocResult[];
  let fromTxt: DocResult[];
  beforeAll(async () => {
    const dir = join(tmp, 'five');
    mkdirSync(dir);
    for (const id of ids)
      writeFileSync(join(dir, `${id}.docx`), await planDocx(readFileSync(join(raw, `${id}.txt`), 'utf8')));
    const effects = { progress: () => {}, problem: () => {} };
    fromDocx = (await readPlans(dir, null, effects)).results;
    fromTxt = (await readPlans(raw, null, effects)).results;
  });

  it.each(ids)('%s gives the facts of its .txt', (id) => {
    const docxResult = fromDocx.find((r) => r.docId === id)!;
    expect(docxResult.ok).toBe(true);
    expect(facts(docxResult)).toEqual(facts(fromTxt.find((r) => r.docId === id)!));
  });
});
