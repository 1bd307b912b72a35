/**
 * A run of text pdf.js joined across a table's cells (村级服务站 300 124) is cut at each vertical rule that crosses
 * it, whatever order the page draws its rules in (pipelines/read/pdf.ts cutAtRules).
 */
import { describe, expect, it } from 'vitest';
import { cutAtRules, pdfText } from '../../pipelines/read/pdf.ts';

// 村级服务站 (5 ems) · space · 300 · space · 124 at 10 units an em from x = 100: the cells' rules at 152 and 172
const run = { str: '村级服务站 300 124', x: 100, y: 500, w: 90, h: 10 };
const rule = (x: number) => ({ x0: x - 0.25, x1: x + 0.25, y0: 480, y1: 530 });

describe('cutAtRules', () => {
  it('cuts a run at every rule crossing it, rules drawn left to right', () => {
    expect(cutAtRules([run], [rule(152), rule(172)]).map((r) => r.str)).toEqual(['村级服务站', '300', '124']);
  });

  it('cuts a run at every rule crossing it, rules drawn right to left', () => {
    expect(cutAtRules([run], [rule(172), rule(152)]).map((r) => r.str)).toEqual(['村级服务站', '300', '124']);
  });
});

/**
 * A one-page PDF written by hand: Helvetica text, and a content stream and form XObjects as given, so that a
 * table's rules can be drawn as a program would (one path for the whole grid, inside a form).
 */
function pdf(content: string, forms: { matrix: string; stream: string }[] = []): Uint8Array {
  const xobjects = forms.map((_, i) => `/G${i} ${6 + i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 400] /Resources << /Font << /F1 4 0 R >> /XObject << ${xobjects} >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...forms.map(
      (f) =>
        `<< /Type /XObject /Subtype /Form /BBox [0 0 400 400] /Matrix [${f.matrix}] /Length ${f.stream.length} >>\nstream\n${f.stream}\nendstream`,
    ),
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

// a table of two rows and two columns (rules at x 100, 158, 220 and y 300, 280, 260); "Stations" ends about 21 units
// before "300", too close to be two columns of free text: only the rule between them makes them two cells
const TEXT =
  'BT /F1 10 Tf 104 286 Td (Item) Tj 58 0 Td (Amount) Tj -58 -20 Td (Stations) Tj 58 0 Td (300) Tj ET';
const grid = (dx: number) =>
  [
    '0.5 w',
    ...[300, 280, 260].map((y) => `${100 + dx} ${y} m ${220 + dx} ${y} l`),
    ...[100, 158, 220].map((x) => `${x + dx} 300 m ${x + dx} 260 l`),
    'S',
  ].join(' ');

describe('the rules of a table drawn as one path', () => {
  const rowsOf = async (bytes: Uint8Array) => (await pdfText(bytes)).text.split('\n');

  it('a grid stroked as one path (every rule a segment of it) makes the table’s cells', async () => {
    expect(await rowsOf(pdf(`${TEXT}\n${grid(0)}`))).toContain('Stations\t300');
  });

  it('a grid drawn inside a form XObject is placed by the form’s matrix', async () => {
    // drawn 50 units to the left in the form's space, moved back by its matrix
    const lines = await rowsOf(pdf(`${TEXT}\n/G0 Do`, [{ matrix: '1 0 0 1 50 0', stream: grid(-50) }]));
    expect(lines).toContain('Stations\t300');
  });

  it('text without rules stays a line of text (the pieces too close for a tab)', async () => {
    expect(await rowsOf(pdf(TEXT))).toContain('Stations 300');
  });
});
