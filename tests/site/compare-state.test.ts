/** The compare page's state in its address: which counties and metric a URL asks for, checked against lists. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_METRIC, parseState, stateQuery } from '../../src/client/compare/state.ts';

const VALID = new Set(['469001', '440232', '140922', '210681', '511113', '110101', '110102']);
const METRICS = new Set(['online_retail_sales_yuan', 'express_parcels']);
const at = (query: string) => parseState(`https://example.org/compare/${query}`, VALID, METRICS);

describe('parseState', () => {
  it('parseState("?c=469001,440232&m=express_parcels") gives both counties and the metric', () => {
    expect(at('?c=469001,440232&m=express_parcels')).toEqual({
      codes: ['469001', '440232'],
      unknown: [],
      metric: 'express_parcels',
    });
  });

  it('parseState("?c=469001,469001, 440232") keeps each county once, in the order asked, spaces trimmed', () => {
    expect(at('?c=469001,469001,%20440232').codes).toEqual(['469001', '440232']);
  });

  it('parseState drops codes not in the list, reporting them cut to 24 characters', () => {
    const long = 'x'.repeat(30);
    const s = at(`?c=469001,${encodeURIComponent("'); DROP VIEW x; --")},${long}`);
    expect(s.codes).toEqual(['469001']);
    expect(s.unknown).toEqual(["'); DROP VIEW x; --", `${'x'.repeat(24)}…`]);
  });

  it('parseState keeps at most six counties and says how many were left out', () => {
    const s = at(`?c=${[...VALID].join(',')}`);
    expect(s.codes).toEqual([...VALID].slice(0, 6));
    expect(s.unknown).toEqual(['(1 > 6)']);
  });

  it('parseState falls back to the default metric for a missing, unknown or inherited name', () => {
    for (const q of ['?c=469001', '?m=nope', '?m=constructor', `?m=${encodeURIComponent("x' OR 1=1")}`])
      expect(at(q).metric, q).toBe(DEFAULT_METRIC);
  });

  it('parseState of an address without ?c= asks for no county', () => {
    expect(at('').codes).toEqual([]);
  });
});

describe('stateQuery', () => {
  it('stateQuery(["469001", "440232"], "express_parcels") keeps the commas as commas', () => {
    expect(stateQuery(['469001', '440232'], 'express_parcels')).toBe('?c=469001,440232&m=express_parcels');
  });

  it('stateQuery(…, "funds") adds the chart an embed page shows alone', () => {
    expect(stateQuery(['469001'], DEFAULT_METRIC, 'funds')).toBe(`?c=469001&m=${DEFAULT_METRIC}&chart=funds`);
  });

  it('stateQuery round-trips through parseState', () => {
    const q = stateQuery(['440232', '469001'], 'express_parcels');
    expect(at(q)).toEqual({ codes: ['440232', '469001'], unknown: [], metric: 'express_parcels' });
  });
});
