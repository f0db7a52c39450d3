import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  compareVersions,
  formatVersionList,
  isEmptyRange,
  parseVersionList,
  satisfiesConstraint,
  satisfiesRange,
  versionHasPrefix,
  type VersionRange,
} from '../../../src/data/query/version-range';

const versionArb = fc.stringMatching(/^[0-9a-z][0-9a-z._-]{0,7}$/);
const realisticArb = fc.oneof(
  fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.')),
  fc.constantFrom('develop', 'main', 'master', 'v3.0.0', '2025.2.0-snapshot', '3.5a', '1.2-rc1', '1_2_3'),
);

describe('compareVersions', () => {
  const ordered: [string, string][] = [
    ['1.9', '1.10'],
    ['1.2', '1.2.0'],
    ['1.2', '1.2.1'],
    ['1.2.a', '1.2.1'],
    ['3.5a', '3.5.1'],
    ['9999', 'develop'],
    ['master', 'main'],
    ['main', 'develop'],
    ['stable', 'master'],
    ['1.2.3', '1.2.10'],
    ['2024.10.26', '2025.2.0-snapshot'],
    ['99999999999999999999', '100000000000000000000'],
    ['alpha', 'beta'],
    ['1.2-3', '1.2.3'],
    ['01', '1'],
  ];
  it.each(ordered)('%s < %s', (a, b) => {
    expect(compareVersions(a, b)).toBeLessThan(0);
    expect(compareVersions(b, a)).toBeGreaterThan(0);
  });

  it('is zero only for equal strings', () => {
    fc.assert(fc.property(versionArb, versionArb, (a, b) => (compareVersions(a, b) === 0) === (a === b)));
  });

  it('is antisymmetric and transitive', () => {
    const arb = fc.oneof(versionArb, realisticArb);
    fc.assert(
      fc.property(arb, arb, arb, (a, b, c) => {
        expect(Math.sign(compareVersions(a, b)) + Math.sign(compareVersions(b, a))).toBe(0);
        const sorted = [a, b, c].sort(compareVersions);
        const [x = '', y = '', z = ''] = sorted;
        expect(compareVersions(x, y)).toBeLessThanOrEqual(0);
        expect(compareVersions(y, z)).toBeLessThanOrEqual(0);
        expect(compareVersions(x, z)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('sorts a realistic list', () => {
    const input = ['develop', '1.10.0', '1.9.2', '1.14', 'main', '1.14.3', '1.2'];
    expect([...input].sort(compareVersions)).toEqual([
      '1.2',
      '1.9.2',
      '1.10.0',
      '1.14',
      '1.14.3',
      'main',
      'develop',
    ]);
  });
});

describe('versionHasPrefix', () => {
  const cases: [string, string, boolean][] = [
    ['1.14', '1.14', true],
    ['1.14.2', '1.14', true],
    ['1.14-rc1', '1.14', true],
    ['1.140', '1.14', false],
    ['1.1', '1.14', false],
    ['1.14', '1.14.0', false],
    ['2.0', '', true],
  ];
  it.each(cases)('%s has prefix %s: %s', (v, p, expected) => {
    expect(versionHasPrefix(v, p)).toBe(expected);
  });
});

describe('satisfiesRange', () => {
  const r = (low: string | null, high: string | null): VersionRange => ({ kind: 'range', low, high });
  const cases: [string, VersionRange, boolean][] = [
    ['1.2.3', { kind: 'exact', version: '1.2.3' }, true],
    ['1.2.3.1', { kind: 'exact', version: '1.2.3' }, false],
    ['1.2', { kind: 'exact', version: '1.2.3' }, false],
    ['1.14', { kind: 'prefix', version: '1.14' }, true],
    ['1.14.5', { kind: 'prefix', version: '1.14' }, true],
    ['1.15', { kind: 'prefix', version: '1.14' }, false],
    ['1.2', r('1.2', '1.4'), true],
    ['1.3.7', r('1.2', '1.4'), true],
    ['1.4', r('1.2', '1.4'), true],
    ['1.4.2', r('1.2', '1.4'), true],
    ['1.5', r('1.2', '1.4'), false],
    ['1.1.9', r('1.2', '1.4'), false],
    ['1.10', r('1.2', null), true],
    ['develop', r('1.2', null), true],
    ['0.9', r(null, '1.4'), true],
    ['1.4.9', r(null, '1.4'), true],
    ['develop', r(null, '1.4'), false],
    ['anything', r(null, null), true],
  ];
  it.each(cases)('%s in %j: %s', (v, range, expected) => {
    expect(satisfiesRange(v, range)).toBe(expected);
  });

  it('treats a list as a union', () => {
    const list = [
      { kind: 'prefix', version: '1.2' },
      { kind: 'prefix', version: '1.4' },
    ] satisfies VersionRange[];
    expect(satisfiesConstraint('1.2.1', list)).toBe(true);
    expect(satisfiesConstraint('1.4', list)).toBe(true);
    expect(satisfiesConstraint('1.3', list)).toBe(false);
  });

  it('a range is the conjunction of its bounds: low inclusive, high inclusive of high.x', () => {
    const sameSegments = (a: string, b: string) => versionHasPrefix(a, b) && versionHasPrefix(b, a);
    fc.assert(
      fc.property(realisticArb, realisticArb, realisticArb, (v, lo, hi) => {
        const aboveLow = compareVersions(v, lo) >= 0 || sameSegments(v, lo);
        const belowHigh = compareVersions(v, hi) <= 0 || versionHasPrefix(v, hi);
        expect(satisfiesRange(v, r(lo, null))).toBe(aboveLow);
        expect(satisfiesRange(v, r(null, hi))).toBe(belowHigh);
        expect(satisfiesRange(v, r(lo, hi))).toBe(aboveLow && belowHigh);
        if (isEmptyRange(lo, hi)) expect(satisfiesRange(v, r(lo, hi))).toBe(false);
      }),
    );
  });
});

describe('parseVersionList', () => {
  const ok: [string, VersionRange[]][] = [
    ['1.14', [{ kind: 'prefix', version: '1.14' }]],
    ['=1.2.3', [{ kind: 'exact', version: '1.2.3' }]],
    ['1.2:1.4', [{ kind: 'range', low: '1.2', high: '1.4' }]],
    ['1.2:', [{ kind: 'range', low: '1.2', high: null }]],
    [':1.4', [{ kind: 'range', low: null, high: '1.4' }]],
    [':', [{ kind: 'range', low: null, high: null }]],
    ['1.4.2:1.4', [{ kind: 'range', low: '1.4.2', high: '1.4' }]],
    [
      '1.2,=1.4,2:',
      [
        { kind: 'prefix', version: '1.2' },
        { kind: 'exact', version: '1.4' },
        { kind: 'range', low: '2', high: null },
      ],
    ],
  ];
  it.each(ok)('parses %s', (text, expected) => {
    expect(parseVersionList(text)).toEqual({ ok: true, constraint: expected });
    expect(formatVersionList(expected)).toBe(text);
  });

  const bad: [string, string, number, number][] = [
    ['1.4:1.2', 'empty version range: 1.4 is newer than 1.2', 0, 7],
    ['1.2,,1.4', 'empty version in a version list', 4, 5],
    ['1.2,', 'empty version in a version list', 3, 4],
    [',1.2', 'empty version in a version list', 0, 1],
    ['1:2:3', "a version range has a single ':'", 0, 5],
    ['=', "expected a version after '='", 0, 1],
    ['1.2,*', "invalid version '*'", 4, 5],
    ['.1', "invalid version '.1'", 0, 2],
  ];
  it.each(bad)('rejects %s', (text, message, start, end) => {
    expect(parseVersionList(text)).toEqual({ ok: false, message, start, end });
  });
});
