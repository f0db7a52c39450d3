import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { statusText, widestStatusText, type StatusParts } from '../../../src/app/status-line';

const base: StatusParts = { shown: 12, total: 1001, packages: null, loading: null };

describe('statusText', () => {
  it.each<[string, StatusParts, string]>([
    ['the spec view', base, '12 of 1,001 specs'],
    ['the package view', { ...base, packages: 3 }, '12 of 1,001 specs in 3 packages'],
    [
      'while more tags load',
      { ...base, loading: { tag: 'develop-2025-03-30', more: '2 more tags' } },
      '12 of 1,001 specs in develop-2025-03-30 · 2 more tags loading…',
    ],
    ['no match', { ...base, shown: 0 }, '0 of 1,001 specs'],
  ])('%s', (_, parts, text) => {
    expect(statusText(parts)).toBe(text);
  });
});

describe('widestStatusText', () => {
  it('counts every spec, and every package of the table in the package view', () => {
    expect(widestStatusText(base, 96)).toBe('1,001 of 1,001 specs');
    expect(widestStatusText({ ...base, packages: 3 }, 96)).toBe('1,001 of 1,001 specs in 96 packages');
  });

  it('is never shorter than a text the filters can lead to', () => {
    const parts = fc
      .record({ total: fc.nat({ max: 20_000_000 }), inTable: fc.nat({ max: 200_000 }), view: fc.boolean() })
      .chain(({ total, inTable, view }) =>
        fc.record({
          total: fc.constant(total),
          inTable: fc.constant(inTable),
          shown: fc.nat({ max: total }),
          packages: view ? fc.nat({ max: inTable }) : fc.constant(null),
        }),
      );
    fc.assert(
      fc.property(parts, ({ total, inTable, shown, packages }) => {
        const p: StatusParts = { shown, total, packages, loading: null };
        expect(statusText(p).length).toBeLessThanOrEqual(widestStatusText(p, inTable).length);
      }),
    );
  });
});
