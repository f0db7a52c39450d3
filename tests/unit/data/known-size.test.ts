import { describe, expect, it } from 'vitest';
import { hasKnownSize } from '../../../src/data/spec-table';
import { hashOf, spec, tableOf } from '../engine/fixtures';

describe('hasKnownSize', () => {
  it.each([
    { name: 'no specs', sizes: [], known: false },
    { name: 'every size "-", as on real cache pages', sizes: ['-', '-'], known: false },
    { name: 'other text that is no byte count', sizes: ['-', 'n/a', '12 MB'], known: false },
    { name: 'one size in bytes among "-"', sizes: ['-', 0, '-'], known: true },
    { name: 'a byte count given as text', sizes: ['-', ' 2048 '], known: true },
  ])('$name: $known', ({ sizes, known }) => {
    const records = sizes.map((size, i) => spec({ hash: hashOf(`h${'bcdef'[i] ?? ''}`), size }));
    expect(hasKnownSize(tableOf([['v1', records]]))).toBe(known);
  });

  it('looks across every merged tag', () => {
    const table = tableOf([
      ['new', [spec({ hash: hashOf('b'), size: '-' })]],
      ['old', [spec({ hash: hashOf('c'), size: 4096 })]],
    ]);
    expect(hasKnownSize(table)).toBe(true);
  });
});
