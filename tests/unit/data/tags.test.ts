import { describe, expect, it } from 'vitest';
import { compareTags, resolveTag } from '../../../src/data/tags';

describe('compareTags', () => {
  it('orders develop, dated snapshots newest first, releases by version, then other names', () => {
    const tags = [
      'v0.22.0',
      'zzz',
      'develop-2024-12-29',
      'v2026.03.0',
      'develop',
      'v0.23.0',
      'develop-2025-03-30',
      'abc',
      'v0.9.1',
    ];
    expect([...tags].sort(compareTags)).toEqual([
      'develop',
      'develop-2025-03-30',
      'develop-2024-12-29',
      'v2026.03.0',
      'v0.23.0',
      'v0.22.0',
      'v0.9.1',
      'abc',
      'zzz',
    ]);
  });
});

describe('resolveTag', () => {
  const known = ['develop-2024-12-29', 'develop-2025-03-30', 'v0.23.0'];
  it.each([
    ['v0.23.0', { tag: 'v0.23.0', note: null }],
    ['develop', { tag: 'develop-2025-03-30', note: expect.stringContaining('newest snapshot') }],
    ['v9', null],
    ['', null],
  ])('%j', (requested, expected) => expect(resolveTag(requested, known)).toEqual(expected));
  it('prefers an exact develop tag', () => {
    expect(resolveTag('develop', ['develop', 'develop-2025-03-30'])).toEqual({ tag: 'develop', note: null });
  });
  it('has nothing for develop without snapshots', () => {
    expect(resolveTag('develop', ['v0.23.0'])).toBeNull();
  });
});
