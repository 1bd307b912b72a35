/**
 * The .xlsx reader (pipelines/metrics/xlsx.ts): workbooks written part by part as Excel, WPS and LibreOffice write
 * them (shared strings with rich text and phonetic runs, namespace prefixes, cells without references, built-in
 * CJK date formats, the 1904 system, a stale dimension, chart and empty sheets), each cell's text as Excel shows it;
 * what it does not take falls back to SheetJS; and on workbooks SheetJS writes, the same rows as SheetJS reads.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { importMetrics } from '../../pipelines/metrics/publish.ts';
import { readWithSheetJS, readWorkbook, type Sheet } from '../../pipelines/metrics/workbook.ts';
import { readXlsx } from '../../pipelines/metrics/xlsx.ts';
import { loadReference, type Reference } from '../../pipelines/reference/index.ts';
import { readStaging, tempDir } from './files.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface Part {
  name: string;
  /** the sheet's XML (a worksheet's whole <worksheet>, or anything for a chart sheet) */
  xml: string;
  type?: 'worksheet' | 'chartsheet';
  state?: string;
}

/** An .xlsx file from its parts, written as Excel lays them out (deflated). */
async function xlsx(
  sheets: Part[],
  { sst, styles, workbookPr = '' }: { sst?: string[]; styles?: string; workbookPr?: string } = {},
): Promise<string> {
  const zip = new JSZip();
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${workbookPr}/><sheets>${sheets
      .map(
        (s, i) =>
          `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
      )
      .join('')}</sheets></workbook>`,
  );
  const rels = sheets.map((s, i) => {
    const type = s.type ?? 'worksheet';
    const target = `${type}s/sheet${i + 1}.xml`;
    zip.file(`xl/${target}`, s.xml);
    return `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${target}"/>`;
  });
  if (sst) {
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="${MAIN}">${sst.join('')}</sst>`);
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (styles) {
    zip.file('xl/styles.xml', `<?xml version="1.0"?><styleSheet xmlns="${MAIN}">${styles}</styleSheet>`);
    rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  }
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const overrides = [
    ['/xl/workbook.xml', 'sheet.main'],
    ...sheets.map((s, i) => [`/xl/${s.type ?? 'worksheet'}s/sheet${i + 1}.xml`, s.type ?? 'worksheet']),
    ...(sst ? [['/xl/sharedStrings.xml', 'sharedStrings']] : []),
    ...(styles ? [['/xl/styles.xml', 'styles']] : []),
  ];
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides
      .map(([part, type]) => `<Override PartName="${part}" ContentType="${ct}.${type}+xml"/>`)
      .join('')}</Types>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`,
  );
  const path = join(tempDir(), 'book.xlsx');
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

const worksheet = (data: string, head = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${head}<sheetData>${data}</sheetData></worksheet>`;

/** A sheet's rows as text, and its columns' letters. */
function table(sheet: Sheet | undefined) {
  if (!sheet || !('rows' in sheet)) return sheet;
  return {
    name: sheet.name,
    rows: sheet.rows.map((r) => [r.at, ...r.row]),
    columns: sheet.rows[0]!.row.map((_, i) => sheet.columnOf(i)),
  };
}

/** The rows of a sheet that is read, not skipped. */
function rowsOf(sheet: Sheet | undefined) {
  const t = table(sheet);
  if (!t || !('rows' in t)) throw new Error(`no rows: ${JSON.stringify(sheet)}`);
  return t.rows;
}

describe('cells as Excel shows them', () => {
  it('reads shared strings (rich text joined, phonetic runs left out, entities and _x000D_ decoded) and inline strings', async () => {
    const path = await xlsx(
      [
        {
          name: '月报',
          xml: worksheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>2021年3月</t></is></c></row>' +
              '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><r><t>快递</t></r><r><rPr><b/></rPr><t>业务量</t></r></is></c><c r="C2" t="s"><v>3</v></c></row>',
          ),
        },
      ],
      {
        sst: [
          '<si><t>东港市</t></si>',
          '<si><r><rPr><b/></rPr><t>网络零售额</t></r><r><t>（万元）</t></r><rPh sb="0" eb="2"><t>ふりがな</t></rPh></si>',
          '<si><t xml:space="preserve"> A&amp;B&#x4E00;_x000D_</t></si>',
          '<si/>',
        ],
      },
    );
    expect(table(readXlsx(path)![0])).toEqual({
      name: '月报',
      rows: [
        [1, '东港市', '网络零售额（万元）', '2021年3月'],
        [2, ' A&B一\r', '快递业务量', ''],
      ],
      columns: ['A', 'B', 'C'],
    });
  });

  it('reads numbers to the digits Excel shows, formulas as their cached values (none cached: the formula), booleans and errors', async () => {
    const path = await xlsx([
      {
        name: 'S',
        xml: worksheet(
          '<row r="1"><c r="A1"><v>120.5</v></c><c r="B1"><v>0.30000000000000004</v></c><c r="C1"><v>1E-3</v></c>' +
            '<c r="D1"><f>SUM(A1:C1)</f><v>120.801</v></c><c r="E1"><f>A1*2</f></c></row>' +
            '<row r="2"><c r="A2" t="str"><f>A1&amp;"万元"</f><v>120.5万元</v></c><c r="B2" t="b"><v>1</v></c>' +
            '<c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2"><v>5</v></c>' +
            '<c r="F2" t="n"><v></v></c></row>',
        ),
      },
    ]);
    // (SheetJS, which reads an .xlsx this reader leaves, reads E1 the same; its range, in a sheet stating none, also
    // holds F2, a cell without a value)
    expect(rowsOf(readWithSheetJS(path)[0])[0]!.slice(0, 6)).toEqual([
      1,
      '120.5',
      '0.3',
      '0.001',
      '120.801',
      '=A1*2',
    ]);
    expect(table(readXlsx(path)![0])).toEqual({
      name: 'S',
      rows: [
        // (E1's formula has no cached value: a program wrote it, Excel never computed it; not an empty cell)
        [1, '120.5', '0.3', '0.001', '120.801', '=A1*2'],
        [2, '120.5万元', 'true', 'false', '#DIV/0!', '5'],
      ],
      columns: ['A', 'B', 'C', 'D', 'E'],
    });
  });

  // styles 1-4 and 6 are dates: 14 (m/d/yy), 31 (yyyy"年"m"月"d"日" in Chinese Excel), 57 (yyyy"年"m"月"), the
  // custom yyyy"年"m"月" and 58; style 5 a custom number format, style 0 General
  const styles =
    '<numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="177" formatCode="0.00_ "/></numFmts>' +
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
    '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="31"/><xf numFmtId="57"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="58"/></cellXfs>';
  const serials = (v: number) =>
    `<row r="1">${[0, 1, 2, 3, 4, 5, 6].map((s, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>${v}</v></c>`).join('')}</row>` +
    `<row r="2"><c r="A2" s="1"><v>${v + 30.75}</v></c></row>`;

  it('reads a date cell as its day, by its style: built-in CJK formats (31, 57, 58) as well as written codes', async () => {
    const path = await xlsx([{ name: 'S', xml: worksheet(serials(44256)) }], { styles });
    // serial 44256 is 1 March 2021; 44286.75 is 31 March 2021 at 18:00
    expect(rowsOf(readXlsx(path)![0])).toEqual([
      [1, '44256', '2021-03-01', '2021-03-01', '2021-03-01', '2021-03-01', '44256', '2021-03-01'],
      [2, '2021-03-31', '', '', '', '', '', ''],
    ]);
  });

  it('counts a date from 1904 when the workbook says so (Excel for Mac): serial 42794 is 1 March 2021', async () => {
    const path = await xlsx([{ name: 'S', xml: worksheet(serials(42794)) }], {
      styles,
      workbookPr: ' date1904="1"',
    });
    expect(rowsOf(readXlsx(path)![0])[0]).toEqual([
      1,
      '42794',
      '2021-03-01',
      '2021-03-01',
      '2021-03-01',
      '2021-03-01',
      '42794',
      '2021-03-01',
    ]);
  });
});

describe('rows and columns', () => {
  it('reads elements with a namespace prefix (x:c), as some writers save them', async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:dimension ref="B2:C3"/><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2"><x:v>5</x:v></x:c></x:row><x:row r="3"><x:c r="C3"><x:v>6</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const path = await xlsx([{ name: 'S', xml }], { sst: ['<si><t>东港市</t></si>'] });
    expect(table(readXlsx(path)![0])).toEqual({
      name: 'S',
      rows: [
        [2, '东港市', '5'],
        [3, '', '6'],
      ],
      columns: ['B', 'C'],
    });
  });

  it('reads attributes written with spaces around =, two prefixes of one length, and CDATA text', async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}" xmlns:y="${MAIN}"><x:sheetData><x:row r="1"><x:c r = "A1" t = "s"><x:v>0</x:v></x:c><y:c r="B1" t="inlineStr"><y:is><y:t><![CDATA[a<b]]></y:t></y:is></y:c><x:c r="C1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const path = await xlsx([{ name: 'S', xml }], { sst: ['<si><t>东港市</t></si>'] });
    expect(rowsOf(readXlsx(path)![0])).toEqual([[1, '东港市', 'a<b', '7']]);
  });

  it('places cells without references after the one before, rows without numbers after the row before', async () => {
    const path = await xlsx([
      {
        name: 'S',
        xml: worksheet(
          '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c><c><v>4</v></c></row>',
        ),
      },
    ]);
    expect(rowsOf(readXlsx(path)![0])).toEqual([
      [1, '1', '2', ''],
      [2, '', '3', '4'],
    ]);
  });

  it('reads every cell of a sheet whose dimension is stale (A1:B2, with cells down to D5): nothing is lost', async () => {
    const path = await xlsx([
      {
        name: 'S',
        xml: worksheet(
          '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="5"><c r="D5"><v>9</v></c></row>',
          '<dimension ref="A1:B2"/>',
        ),
      },
    ]);
    expect(rowsOf(readXlsx(path)![0])).toEqual([
      [1, '1', '2', '', ''],
      [2, '', '', '', ''],
      [3, '', '', '', ''],
      [4, '', '', '', ''],
      [5, '', '', '', '9'],
    ]);
  });

  it('names columns past Z as Excel does (AA, ZZ, AAA)', async () => {
    const path = await xlsx([
      {
        name: 'S',
        xml: worksheet(
          '<row r="1"><c r="Z1"><v>1</v></c><c r="AA1"><v>2</v></c><c r="ZZ1"><v>3</v></c><c r="AAA1"><v>4</v></c></row>',
        ),
      },
    ]);
    const sheet = readXlsx(path)![0]!;
    if (!('rows' in sheet)) throw new Error('no rows');
    expect([0, 1, 26 * 26, 26 * 26 + 1].map((i) => [sheet.columnOf(i), sheet.rows[0]!.row[i]])).toEqual([
      ['Z', '1'],
      ['AA', '2'],
      ['ZZ', '3'],
      ['AAA', '4'],
    ]);
  });
});

describe('sheets', () => {
  it('names a chart sheet, an empty sheet (no cells, or only styled empty ones) and a hidden one, and skips them', async () => {
    const path = await xlsx([
      { name: '图表', xml: '<chartsheet/>', type: 'chartsheet' },
      { name: '空表', xml: worksheet('') },
      {
        name: '格式',
        xml: worksheet('<row r="1"><c r="A1" s="1"/><c r="B1" s="1"/></row>', '<dimension ref="A1:B1"/>'),
      },
      { name: '隐藏', xml: worksheet('<row r="1"><c r="A1"><v>7</v></c></row>'), state: 'hidden' },
    ]);
    expect(readXlsx(path)!.map(table)).toEqual([
      { name: '图表', skipped: 'a chart sheet, not a table / 图表工作表，不是表格' },
      { name: '空表', skipped: 'an empty sheet / 空工作表' },
      { name: '格式', skipped: 'an empty sheet / 空工作表' },
      {
        name: '隐藏',
        skipped: 'a hidden sheet, not part of the report shown / 隐藏的工作表，不属于所报报表',
      },
    ]);
  });
});

describe('what the reader leaves to SheetJS', () => {
  it('an ISO date cell (t="d"): null here, and read by SheetJS as its day, past a stale dimension too', async () => {
    const path = await xlsx([
      {
        name: 'S',
        xml: worksheet(
          '<row r="1"><c r="A1" t="d"><v>2021-03-01T00:00:00Z</v></c><c r="B1"><v>1</v></c></row><row r="3"><c r="B3"><v>7</v></c></row>',
          '<dimension ref="A1:A1"/>',
        ),
      },
    ]);
    expect(readXlsx(path)).toBeNull();
    expect(rowsOf((await readWorkbook(path))[0])).toEqual([
      [1, '2021-03-01', '1'],
      [2, '', ''],
      [3, '', '7'],
    ]);
  });

  it('a file that is not a zip archive (an encrypted workbook is an OLE file): null, and SheetJS refuses it by name', async () => {
    const path = join(tempDir(), 'locked.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]));
    expect(readXlsx(path)).toBeNull();
    await expect(readWorkbook(path)).rejects.toThrow(/not a readable Excel workbook/);
  });

  it('a sheet whose compressed bytes are damaged: refused, naming the file, not left to SheetJS (which never returns)', async () => {
    const path = await xlsx([
      { name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50)) },
    ]);
    const bytes = readFileSync(path);
    // the sheet's deflated data starts after its local header (30 bytes) and its name
    const at = bytes.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    bytes.fill(0xff, at, at + 16);
    writeFileSync(path, bytes);
    expect(() => readXlsx(path)).toThrow(/not a readable Excel workbook: invalid .*无法读取的 Excel 文件/);
    await expect(readWorkbook(path)).rejects.toThrow(/not a readable Excel workbook/);
  });

  it('a Strict OOXML workbook: null', async () => {
    const path = await xlsx([{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') }]);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const wb = (await zip.file('xl/workbook.xml')!.async('string')).replace(
      MAIN,
      'http://purl.oclc.org/ooxml/spreadsheetml/main',
    );
    zip.file('xl/workbook.xml', wb);
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(readXlsx(path)).toBeNull();
  });
});

describe('numbers whose format shows another number', () => {
  // styles: 1 built-in 0%, 2 built-in 0.00%, 3 0!.0000 (yuan shown as 万元), 4 #,##0.00,, (millions),
  // 5 0.0,"万" (thousands), 6 0"."0000, 7 #,##0.00 and 8 0.00_ (shown as they are)
  const styles =
    '<numFmts count="6"><numFmt numFmtId="176" formatCode="0!.0000"/><numFmt numFmtId="177" formatCode="#,##0.00,,"/>' +
    '<numFmt numFmtId="178" formatCode="0.0,&quot;万&quot;"/><numFmt numFmtId="179" formatCode="0&quot;.&quot;0000"/>' +
    '<numFmt numFmtId="180" formatCode="#,##0.00"/><numFmt numFmtId="181" formatCode="0.00_ "/></numFmts>' +
    '<cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/>' +
    '<xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="178"/><xf numFmtId="179"/><xf numFmtId="180"/><xf numFmtId="181"/></cellXfs>';
  const cells = [0.12, 0.125, 12345678, 8e9, 5000, 12345678, 1234.5, 7];

  it('a percent as Excel shows it (12%), a scaled number with its format; the others as they are, in both readers', async () => {
    const path = await xlsx(
      [
        {
          name: 'S',
          xml: worksheet(
            `<row r="1">${cells.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>${v}</v></c>`).join('')}</row>`,
          ),
        },
      ],
      { styles },
    );
    const expected = [
      [
        1,
        '12%',
        '12.5%',
        '12345678（数字格式 0!.0000）',
        '8000000000（数字格式 #,##0.00,,）',
        '5000（数字格式 0.0,"万"）',
        '12345678（数字格式 0"."0000）',
        '1234.5',
        '7',
      ],
    ];
    expect(rowsOf(readXlsx(path)![0])).toEqual(expected);
    expect(rowsOf(readWithSheetJS(path)[0])).toEqual(expected);
  });
});

describe('the same rows as SheetJS on the workbooks SheetJS writes', () => {
  // a report's kinds of cells: text (Chinese, with entities), numbers, dates with formats, booleans, errors, holes
  const grid = (seed: number) => {
    const rows: XLSX.CellObject[][] = [];
    let x = seed;
    const next = () => {
      x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
      return x / 2 ** 31;
    };
    for (let r = 0; r < 40; r++) {
      const row: XLSX.CellObject[] = [];
      for (let c = 0; c < 7; c++) {
        const k = next();
        row.push(
          k < 0.15
            ? { t: 'z' }
            : k < 0.35
              ? {
                  t: 's',
                  v: ['东港市', '网络零售额（万元）', 'a&b <c>', ' 合计 ', '2021年3月'][
                    Math.floor(next() * 5)
                  ]!,
                }
              : k < 0.65
                ? { t: 'n', v: Math.round(next() * 1e7) / 100 }
                : k < 0.8
                  ? {
                      t: 'n',
                      v: 44000 + Math.floor(next() * 1000),
                      z: ['yyyy-mm-dd', 'yyyy"年"m"月"', 'm/d/yy'][Math.floor(next() * 3)]!,
                    }
                  : k < 0.9
                    ? { t: 'b', v: next() < 0.5 }
                    : { t: 'e', v: 7, w: '#DIV/0!' },
        );
      }
      rows.push(row);
    }
    return rows;
  };

  for (const [label, options] of [
    ['shared strings, deflated', { bookSST: true, compression: true }],
    ['inline strings, stored', { bookSST: false, compression: false }],
  ] as const)
    it(`${label}: every sheet's rows, cells and columns`, () => {
      const book = XLSX.utils.book_new();
      for (const seed of [1, 2, 3]) {
        // the second sheet starts at C3, as a report with margins does
        const sheet = XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), grid(seed), {
          origin: seed === 2 ? 'C3' : 'A1',
        });
        XLSX.utils.book_append_sheet(book, sheet, `表${seed}`);
      }
      const path = join(tempDir(), 'sheetjs.xlsx');
      writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', ...options }));
      const ours = readXlsx(path);
      expect(ours).not.toBeNull();
      expect(ours!.map(table)).toEqual(readWithSheetJS(path).map(table));
    });
});

describe('a workbook through the importer', () => {
  let ref: Reference;
  beforeAll(() => {
    ref = loadReference();
  });

  it('a report whose dimension is stale (A1:C2) gives its values below row 2 too, and rejections by cell', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const path = await xlsx(
      [
        {
          name: '月报',
          xml: worksheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
              '<row r="2"><c r="A2"><v>469001</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>120.5</v></c></row>' +
              '<row r="3"><c r="A3"><v>469001</v></c><c r="B3" t="s"><v>4</v></c><c r="C3"><v>98</v></c></row>' +
              '<row r="4"><c r="A4"><v>469001</v></c><c r="B4" t="s"><v>5</v></c><c r="C4" t="s"><v>6</v></c></row>',
            '<dimension ref="A1:C2"/>',
          ),
        },
      ],
      {
        sst: ['县区代码', '统计月份', '网络零售额（万元）', '2021-01', '2021-02', '2021-03', '无'].map(
          (t) => `<si><t>${t}</t></si>`,
        ),
      },
    );
    const { renameSync } = await import('node:fs');
    renameSync(path, join(dir, 'in', 'report.xlsx'));
    const out = join(dir, 'out');
    await importMetrics(join(dir, 'in'), out, ref, () => {});
    const accepted = readStaging(join(out, 'metrics_monthly.csv')).map((a) => [a.month, a.value]);
    // 120.5 万元 and 98 万元
    expect(accepted).toEqual([
      ['2021-01', '1205000'],
      ['2021-02', '980000'],
    ]);
    const rejected = readStaging(join(out, 'metrics_rejected.csv')).filter((x) => x.scope === 'value');
    // (无: no figure given)
    expect(rejected.map((x) => [x.cell, x.raw_value, x.reason])).toEqual([['月报!C4', '无', 'no_data']]);
  });

  it('a formula never computed, a percent and a number shown scaled are rejected by cell, none published as a number', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const styles =
      '<numFmts count="1"><numFmt numFmtId="176" formatCode="0!.0000"/></numFmts>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="176"/></cellXfs>';
    const path = await xlsx(
      [
        {
          name: '月报',
          xml: worksheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
              '<row r="2"><c r="A2"><v>210681</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>100</v></c></row>' +
              '<row r="3"><c r="A3"><v>210682</v></c><c r="B3" t="s"><v>3</v></c><c r="C3"><f>C2*2</f></c></row>' +
              '<row r="4"><c r="A4"><v>210624</v></c><c r="B4" t="s"><v>3</v></c><c r="C4" s="1"><v>0.12</v></c></row>' +
              '<row r="5"><c r="A5"><v>210603</v></c><c r="B5" t="s"><v>3</v></c><c r="C5" s="2"><v>12345678</v></c></row>',
          ),
        },
      ],
      {
        sst: ['县区代码', '月份', '网络零售额（万元）', '2023-03'].map((t) => `<si><t>${t}</t></si>`),
        styles,
      },
    );
    const { renameSync } = await import('node:fs');
    renameSync(path, join(dir, 'in', 'report.xlsx'));
    const out = join(dir, 'out');
    await importMetrics(join(dir, 'in'), out, ref, () => {});
    // only 东港市's 100 万元
    expect(readStaging(join(out, 'metrics_monthly.csv')).map((a) => [a.county_code, a.value])).toEqual([
      ['210681', '1000000'],
    ]);
    const rejected = readStaging(join(out, 'metrics_rejected.csv')).filter((x) => x.scope === 'value');
    expect(rejected.map((x) => [x.cell, x.raw_value, x.reason])).toEqual([
      // (in the CSV after an apostrophe, so that a spreadsheet opening it does not run the formula)
      ['月报!C3', "'=C2*2", 'not_a_number'],
      ['月报!C4', '12%', 'not_a_number'],
      ['月报!C5', '12345678（数字格式 0!.0000）', 'not_a_number'],
    ]);
  });
});
