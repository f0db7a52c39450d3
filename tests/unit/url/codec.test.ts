import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeFacetValue, decodeViewState, encodeFacetValue, encodeViewState } from '../../../src/url/codec';
import {
  DEFAULT_VIEW_STATE,
  FACET_KEYS,
  SORT_COLUMNS,
  VIEW_MODES,
  compareCodeUnits,
  facetRecord,
  isDefaultViewState,
  normalizeViewState,
  type FacetKey,
  type FacetSelection,
  type ViewState,
} from '../../../src/url/view-state';

type StatePatch = Partial<Omit<ViewState, 'facets'>> & {
  facets?: Partial<Record<FacetKey, Partial<FacetSelection>>>;
};

function makeState(patch: StatePatch = {}): ViewState {
  const facets = facetRecord((key) => ({ include: [], exclude: [], ...patch.facets?.[key] }));
  return { ...DEFAULT_VIEW_STATE, ...patch, facets };
}

const HASH32 = 'abcdefghijklmnopqrstuvwxyz234567';

const inc = (...include: string[]) => ({ include });
const exc = (...exclude: string[]) => ({ exclude });

describe('decodeViewState', () => {
  // [query string, expected state (as a patch on the default), params of the expected notices]
  const cases: [string, StatePatch, string[]][] = [
    ['', {}, []],
    ['?', {}, []],
    [
      '?package=cmake&release=develop&stack=e4s',
      { tags: ['develop'], facets: { package: inc('cmake'), stack: inc('e4s') } },
      [],
    ],
    [`hash=${HASH32}`, { hash: HASH32 }, []],
    ['hash=ABCDEFG', { hash: 'abcdefg' }, []],
    ['hash=abcdef', {}, ['hash']],
    [`hash=${HASH32}a`, {}, ['hash']],
    ['hash=abcdefg1', {}, ['hash']],
    ['hash=abcdefg&hash=zz', { hash: 'abcdefg' }, ['hash']],
    ['tag=v0.23.0&release=develop&tag=develop&tag=b', { tags: ['b', 'develop', 'v0.23.0'] }, []],
    ['variant=!%2Bmpi', { facets: { variant: exc('+mpi') } }, []],
    [
      'variant=+mpi&variant=!~fortran',
      { facets: { variant: { include: ['+mpi'], exclude: ['~fortran'] } } },
      [],
    ],
    ['q=hdf5+mpi%20os=ubuntu24.04', { q: 'hdf5+mpi os=ubuntu24.04' }, []],
    ['variant=!+mpi', { facets: { variant: exc('+mpi') } }, []],
    ['package=!!x', { facets: { package: inc('!x') } }, []],
    ['package=!!!x', { facets: { package: exc('!x') } }, []],
    ['package=a!b', { facets: { package: inc('a!b') } }, []],
    ['package=!', {}, ['package']],
    ['variant=cuda_arch=80&variant=~cuda', { facets: { variant: inc('cuda_arch=80', '~cuda') } }, []],
    ['compiler=gcc@12.3.0&compiler=%25gcc', { facets: { compiler: inc('%gcc', 'gcc@12.3.0') } }, []],
    [
      'target=a,b&os=x/y&stack=a+b',
      { facets: { target: inc('a,b'), os: inc('x/y'), stack: inc('a+b') } },
      [],
    ],
    ['package=%zz&q=100%', { q: '100%', facets: { package: inc('%zz') } }, []],
    ['version=%E0%A4', { facets: { version: inc('%E0%A4') } }, []],
    ['os=linux&os=linux', { facets: { os: inc('linux') } }, []],
    ['package=cmake&package=!cmake', { facets: { package: exc('cmake') } }, ['package']],
    ['package=!cmake&package=cmake', { facets: { package: inc('cmake') } }, ['package']],
    ['package=&package', {}, ['package', 'package']],
    ['q=', {}, ['q']],
    ['foo=1&tag=develop', { tags: ['develop'] }, ['foo']],
    ['Package=cmake', {}, ['Package']],
    ['=x&&', {}, ['']],
    ['q=a&q=b', { q: 'b' }, ['q']],
    ['q=a&q=a', { q: 'a' }, []],
    ['sort=version', { sort: { column: 'version', desc: false } }, []],
    ['sort=-size', { sort: { column: 'size', desc: true } }, []],
    ['sort=colour', {}, ['sort']],
    ['sort=-', {}, ['sort']],
    ['sort=--size', {}, ['sort']],
    ['sort=size&sort=colour', { sort: { column: 'size', desc: false } }, ['sort']],
    ['view=specs', {}, []],
    ['view=packages', { view: 'packages' }, []],
    ['view=grid', {}, ['view']],
  ];

  it.each(cases)('%j', (search, state, notices) => {
    const decoded = decodeViewState(search);
    expect(decoded.state).toEqual(makeState(state));
    expect(decoded.notices.map((notice) => notice.param)).toEqual(notices);
  });

  it('reports the value and a message for each ignored param', () => {
    expect(decodeViewState('foo=1&q=a&q=b').notices).toEqual([
      { param: 'foo', value: '1', message: expect.stringContaining('foo') },
      { param: 'q', value: 'a', message: expect.stringContaining('more than once') },
    ]);
  });
});

describe('encodeViewState', () => {
  const allFacets = Object.fromEntries(FACET_KEYS.map((key) => [key, inc(key.slice(0, 2))]));
  // [what it shows, state (as a patch on the default), expected query string]
  const cases: [string, StatePatch, string][] = [
    ['default state', {}, ''],
    ['explicit defaults left out', { q: '', view: 'specs', hash: null, sort: null }, ''],
    [
      'canonical parameter order',
      {
        view: 'packages',
        sort: { column: 'size', desc: true },
        hash: 'abcdefg',
        q: 'z',
        facets: allFacets,
        tags: ['a'],
      },
      'tag=a&stack=st&package=pa&version=ve&compiler=co&os=os&platform=pl&target=ta&variant=va&q=z&hash=abcdefg&sort=-size&view=packages',
    ],
    ['escapes & = % # and spaces, keeps + readable', { q: 'a+b c&d=e%f#g' }, 'q=a+b%20c%26d%3De%25f%23g'],
    ['excluded +mpi', { facets: { variant: exc('+mpi') } }, 'variant=!+mpi'],
    ['keeps @ : readable', { facets: { compiler: inc('gcc@12:13') } }, 'compiler=gcc@12:13'],
    [
      "keeps / , ! readable, escapes ( ) ' *",
      { facets: { os: inc("a/b,c!(d)'*") } },
      'os=a/b,c!%28d%29%27%2A',
    ],
    ['include of a value starting with !', { facets: { package: inc('!x') } }, 'package=!!x'],
    ['exclude of a value starting with !', { facets: { package: exc('!x') } }, 'package=!!!x'],
    ['includes before excludes', { facets: { os: { include: ['b'], exclude: ['a'] } } }, 'os=b&os=!a'],
    ['sorts and dedupes sets', { tags: ['v1', 'develop', 'v1'] }, 'tag=develop&tag=v1'],
    [
      'overlap is only excluded',
      { facets: { os: { include: ['lin', 'mac'], exclude: ['lin'] } } },
      'os=mac&os=!lin',
    ],
    ['drops empty values', { tags: [''], facets: { os: inc('') } }, ''],
    ['lowercases the hash', { hash: 'ABCDEFG' }, 'hash=abcdefg'],
    ['drops an invalid hash', { hash: 'abc' }, ''],
    ['ascending sort', { sort: { column: 'version', desc: false } }, 'sort=version'],
    ['lone surrogates become U+FFFD', { q: '\uD800' }, 'q=%EF%BF%BD'],
  ];

  it.each(cases)('%s', (_name, state, search) => {
    expect(encodeViewState(makeState(state))).toBe(search);
  });

  it('isDefaultViewState agrees with the empty encoding', () => {
    expect(isDefaultViewState(DEFAULT_VIEW_STATE)).toBe(true);
    expect(isDefaultViewState(makeState({ tags: [''], hash: 'bad' }))).toBe(true);
    expect(isDefaultViewState(makeState({ view: 'packages' }))).toBe(false);
  });
});

describe('facet value escaping', () => {
  it.each([
    ['x', 'include', 'x'],
    ['x', 'exclude', '!x'],
    ['!x', 'include', '!!x'],
    ['!x', 'exclude', '!!!x'],
    ['!!', 'include', '!!!!'],
    ['a!', 'exclude', '!a!'],
  ] as const)('%s (%s) <-> %s', (value, mode, raw) => {
    expect(encodeFacetValue(value, mode)).toBe(raw);
    expect(decodeFacetValue(raw)).toEqual({ value, mode });
  });
});

const sorted = (values: string[]) => [...values].sort(compareCodeUnits);

const valueArb = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
  fc.string({
    unit: fc.constantFrom('!', '+', '=', ',', '~', '@', '%', '/', ' ', '&', '#', '?', 'a', '1'),
    minLength: 1,
  }),
  fc.constantFrom(
    'develop',
    'v0.23.0',
    'develop-2025-03-30',
    '+mpi',
    '~cuda',
    'cuda_arch=80',
    'gcc@12.3.0',
    '!x',
    '!!',
  ),
);
const setArb = fc.uniqueArray(valueArb, { maxLength: 4 }).map(sorted);
const canonicalFacetArb = fc.tuple(setArb, setArb).map(([include, exclude]) => ({
  include: include.filter((value) => !exclude.includes(value)),
  exclude,
}));
const facetsOf = (facet: fc.Arbitrary<FacetSelection>) =>
  fc.record({
    stack: facet,
    package: facet,
    version: facet,
    compiler: facet,
    os: facet,
    platform: facet,
    target: facet,
    variant: facet,
  });
const hashArb = fc.string({ unit: fc.constantFrom(...HASH32), minLength: 7, maxLength: 32 });
const sortArb = fc.option(fc.record({ column: fc.constantFrom(...SORT_COLUMNS), desc: fc.boolean() }));

const canonicalStateArb: fc.Arbitrary<ViewState> = fc.record({
  tags: setArb,
  facets: facetsOf(canonicalFacetArb),
  q: fc.oneof(fc.constant(''), fc.string({ unit: 'binary' }), valueArb),
  hash: fc.option(hashArb),
  sort: sortArb,
  view: fc.constantFrom(...VIEW_MODES),
});

// Anything the type allows: duplicates, unsorted sets, overlaps, empty strings, lone surrogates, bad hashes.
const messyValueArb = fc.oneof(
  valueArb,
  fc.constant(''),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', 'a') }),
);
const messyListArb = fc.array(messyValueArb, { maxLength: 5 });
const anyStateArb: fc.Arbitrary<ViewState> = fc.record({
  tags: messyListArb,
  facets: facetsOf(fc.record({ include: messyListArb, exclude: messyListArb })),
  q: messyValueArb,
  hash: fc.option(
    fc.oneof(
      hashArb,
      hashArb.map((hash) => hash.toUpperCase()),
      messyValueArb,
    ),
  ),
  sort: sortArb,
  view: fc.constantFrom(...VIEW_MODES),
});

const searchArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDFFF', '%', 'a') }),
  fc
    .array(
      fc.constantFrom('&', '=', '%', '!', '?', '+', '-', '%2', '%zz', '%E0%A4', '%ED%A0%80', ...FACET_KEYS),
      { maxLength: 20 },
    )
    .map((parts) => parts.join('')),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('tag', 'release', 'q', 'hash', 'sort', 'view', 'foo', '', ...FACET_KEYS),
        fc.oneof(fc.constantFrom('', '!', '!!x', '-size', 'packages', 'abcdefg', '%', '+'), fc.string()),
      ),
      { maxLength: 8 },
    )
    .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&')),
);

describe('properties', () => {
  it('decode(encode(s)) is s for canonical states, without notices', () => {
    fc.assert(
      fc.property(canonicalStateArb, (state) => {
        expect(decodeViewState(encodeViewState(state))).toEqual({ state, notices: [] });
        expect(decodeViewState(`?${encodeViewState(state)}`).state).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('canonical states are fixed points of normalizeViewState', () => {
    fc.assert(
      fc.property(canonicalStateArb, (state) => {
        expect(normalizeViewState(state)).toEqual(state);
      }),
    );
  });

  it('decode(encode(s)) is normalize(s) for any state, and normalize is idempotent', () => {
    fc.assert(
      fc.property(anyStateArb, (state) => {
        const canonical = normalizeViewState(state);
        expect(decodeViewState(encodeViewState(state))).toEqual({ state: canonical, notices: [] });
        expect(normalizeViewState(canonical)).toEqual(canonical);
      }),
    );
  });

  it('encode is deterministic: order and duplicates in sets do not matter', () => {
    fc.assert(
      fc.property(canonicalStateArb, (state) => {
        const scrambled = makeState({
          ...state,
          tags: [...state.tags].reverse().concat(state.tags),
          facets: facetRecord((key) => ({
            include: [...state.facets[key].include, ...state.facets[key].include].reverse(),
            exclude: [...state.facets[key].exclude].reverse(),
          })),
        });
        expect(encodeViewState(scrambled)).toBe(encodeViewState(state));
      }),
    );
  });

  it('default values are left out and params come in canonical order', () => {
    const order = ['tag', ...FACET_KEYS, 'q', 'hash', 'sort', 'view'];
    fc.assert(
      fc.property(canonicalStateArb, (state) => {
        const search = encodeViewState(state);
        expect(search === '').toBe(isDefaultViewState(state));
        const pairs = search === '' ? [] : search.split('&').map((pair) => pair.split('='));
        for (const [, value] of pairs) expect(value).not.toBe('');
        expect(search).not.toMatch(/(^|&)view=specs($|&)/);
        const indices = pairs.map(([param]) => order.indexOf(param ?? ''));
        expect(indices.every((index) => index >= 0)).toBe(true);
        expect(indices).toEqual([...indices].sort((a, b) => a - b));
      }),
    );
  });

  it('decode never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(searchArb, (search) => {
        const { state, notices } = decodeViewState(search);
        expect(Array.isArray(notices)).toBe(true);
        expect(normalizeViewState(state)).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('encode(decode(x)) is a fixed point after one normalisation', () => {
    fc.assert(
      fc.property(searchArb, (search) => {
        const first = decodeViewState(search).state;
        const once = encodeViewState(first);
        const again = decodeViewState(once);
        expect(again).toEqual({ state: first, notices: [] });
        expect(encodeViewState(again.state)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
