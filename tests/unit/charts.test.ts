import { describe, expect, it } from 'vitest';
import { fitText, textWidth } from '../../src/lib/charts.ts';

describe('fitText (labels on a phone-width chart)', () => {
  it('leaves a label that fits alone', () => {
    expect(fitText('五台县', 100)).toBe('五台县');
  });
  it('shortens a long label to the room it has, keeping its start and its end', () => {
    const short = fitText('乐山市金口河区 · 项目实施阶段', 120);
    expect(textWidth(short)).toBeLessThanOrEqual(120);
    expect(short.startsWith('乐山')).toBe(true);
    expect(short.endsWith('阶段')).toBe(true);
    expect(short).toContain('…');
  });
  it('keeps apart two labels that differ only at the end', () => {
    const a = fitText('乳源瑶族自治县 · 项目筹备阶段', 110);
    const b = fitText('乳源瑶族自治县 · 项目实施阶段', 110);
    expect(a).not.toBe(b);
  });
  it('keeps the start of a sentence when asked', () => {
    const short = fitText('50%（农产品上行含物流，2019年规则）', 90, 'start');
    expect(short.startsWith('50%（农')).toBe(true);
    expect(short.endsWith('…')).toBe(true);
    expect(textWidth(short)).toBeLessThanOrEqual(90);
  });
  it('measures Chinese characters as about twice as wide as Latin ones', () => {
    expect(textWidth('县县')).toBeGreaterThan(textWidth('ab') * 1.5);
  });
});
