import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastAtMost } from '../../../src/data/engine/last-at-most';

describe('lastAtMost', () => {
  it.each([
    ['value before every entry', [0, 5, 9], 0, 3, 0],
    ['value equal to an entry', [0, 5, 9], 5, 3, 1],
    ['value between entries', [0, 5, 9], 7, 3, 1],
    ['value past every entry', [0, 5, 9], 100, 3, 2],
    ['entries past `end` are not read', [0, 5, 9], 100, 2, 1],
    ['equal entries (empty blocks): the last of them', [0, 4, 4, 4, 8], 4, 5, 3],
    ['one entry', [0], 3, 1, 0],
  ])('%s', (_what, sorted, value, end, want) => {
    expect(lastAtMost(sorted, value, end)).toBe(want);
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 40 }),
        fc.nat({ max: 60 }),
        (raw, value) => {
          const sorted = [0, ...raw].sort((a, b) => a - b);
          let want = 0;
          sorted.forEach((entry, i) => {
            if (entry <= value) want = i;
          });
          expect(lastAtMost(sorted, value, sorted.length)).toBe(want);
        },
      ),
    );
  });
});
