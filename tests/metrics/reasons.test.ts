/** The wording of rejections: a cell_count rejection names both counts and says what to do. */
import { describe, expect, it } from 'vitest';
import { cellCountWording, cellsEn, mergedWording, REASONS } from '../../pipelines/metrics/reasons.ts';

describe('cellCountWording(cells, headerCells)', () => {
  it('cellCountWording(3, 4) names 3 cells and the header’s 4, and says to add the missing commas', () => {
    const [zh, en] = cellCountWording(3, 4);
    expect(zh).toContain('该行有 3 格，表头有 4 格');
    expect(zh).toContain('补上逗号');
    expect(en).toContain('the row has 3 cells and the header 4');
    expect(en).toContain('add their commas');
  });

  it('cellCountWording(5, 4) says 1,234 without quotes is two cells and to remove the extra commas', () => {
    const [zh, en] = cellCountWording(5, 4);
    expect(zh).toContain('该行有 5 格，表头有 4 格');
    expect(zh).toContain('删去多余的逗号');
    expect(en).toContain('1,234 without quotes is two cells');
    expect(en).toContain('remove their commas');
  });

  it('cellCountWording(1, 2) says “1 cell”, not “1 cells”', () => {
    expect(cellCountWording(1, 2)[1]).toContain('the row has 1 cell and the header 2');
    expect([cellsEn(0), cellsEn(1), cellsEn(2)]).toEqual(['0 cells', '1 cell', '2 cells']);
  });
});

describe('REASONS', () => {
  it('REASONS.cell_count is the general wording; a cell_count rejection of a row uses cellCountWording instead', () => {
    expect(REASONS.cell_count[1]).toBe(
      'the row has not as many cells as the header: which cell belongs to which column cannot be told',
    );
    expect(cellCountWording(3, 4)).not.toEqual(REASONS.cell_count);
  });

  it('REASONS.bad_month says what a month needs: its year, or a title or 年份 column that gives it', () => {
    expect(REASONS.bad_month[0]).toContain('须写明年份');
    expect(REASONS.bad_month[1]).toContain('a month needs its year');
  });

  it('mergedWording names the merged range', () => {
    expect(mergedWording('C2:C4')[0]).toContain('（合并单元格 C2:C4）');
    expect(mergedWording('C2:C4')[1]).toContain('(merged cells C2:C4)');
  });
});
