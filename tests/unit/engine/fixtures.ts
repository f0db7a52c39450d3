import fc from 'fast-check';
import { encodeShard } from '../../../src/data/encode';
import { mergeTables } from '../../../src/data/merge';
import { decodeShard, recordAt, type SpecRecord, type SpecTable } from '../../../src/data/spec-table';
import { Bitset } from '../../../src/data/engine/bitset';
import { FACETS, type FacetKey, type FacetSelection } from '../../../src/data/engine/facets';

export type Row = SpecRecord & { tag: string };

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A valid hash from a short seed, so hand-made tables read well and sort predictably. */
export function hashOf(seed: string): string {
  return (seed + 'a'.repeat(32)).slice(0, 32);
}

export function spec(overrides: Partial<SpecRecord> = {}): SpecRecord {
  return {
    hash: hashOf('a'),
    package: 'zlib',
    versions: ['1.3'],
    compiler: 'gcc@11.4.0',
    os: 'ubuntu22.04',
    platform: 'linux',
    target: 'x86_64_v3',
    variants: [],
    stacks: ['root'],
    size: '-',
    extra: {},
    ...overrides,
  };
}

/** Encode and decode like the app's loader does, one shard per tag, merged in the given order. */
export function tableOf(byTag: ReadonlyArray<readonly [string, readonly SpecRecord[]]>): SpecTable {
  return mergeTables(byTag.map(([tag, records]) => decodeShard(encodeShard(tag, 0, records), `${tag}.json`)));
}

export function dictsOf(table: SpecTable): Record<FacetKey, readonly string[]> {
  const { dicts } = table;
  return { ...dicts, stack: dicts.stack, version: dicts.version, variant: dicts.variant };
}

export function rowsOf(table: SpecTable): Row[] {
  return Array.from({ length: table.count }, (_, i) => recordAt(table, i));
}

// Small vocabularies make collisions (and so ties, duplicates and multi-value rows) common, and they
// hold the strings whose order is easy to get wrong: 1.10 vs 1.9, gcc@9 vs gcc@11, a01 vs a1.
export const VOCAB: Record<FacetKey, readonly string[]> = {
  tag: ['develop', 'v0.23.0'],
  package: ['zlib', 'hdf5', 'py-numpy', 'a9', 'a10', 'a1', 'a01', 'Zlib'],
  version: ['1.9', '1.10', '1.10.0', '1.2.11', '2.0-rc1', 'develop', '1.0', '1_0', '01.0', '2024.10.26'],
  compiler: ['gcc@11.4.0', 'gcc@9.4.0', 'none', 'cce@18.0.0'],
  os: ['ubuntu22.04', 'rhel8', 'centos7'],
  platform: ['linux', 'darwin'],
  target: ['x86_64_v3', 'neoverse_v2', 'zen2', 'x86_64'],
  variant: ['+shared', '~shared', 'build_system=cmake', 'cuda_arch:=80', 'cuda_arch:=90', '+cuda'],
  stack: ['root', 'e4s', 'e4s-oneapi', 'ml-cuda', 'data-vis-sdk'],
};

const hashArb = fc.oneof(
  // Repeated hashes and hashes differing only late make the sort's radix go deep.
  fc.constantFrom(hashOf('dup'), hashOf('dup2'), hashOf('7dup'), `${'a'.repeat(31)}b`, `${'a'.repeat(31)}7`),
  fc.string({ unit: fc.constantFrom(...BASE32), minLength: 32, maxLength: 32 }),
);

const pick = (facet: FacetKey) => fc.constantFrom(...VOCAB[facet]);
const list = (facet: FacetKey) => fc.array(pick(facet), { maxLength: 4 });

export const recordArb: fc.Arbitrary<SpecRecord> = fc.record({
  hash: hashArb,
  package: pick('package'),
  versions: list('version'),
  compiler: pick('compiler'),
  os: pick('os'),
  platform: pick('platform'),
  target: pick('target'),
  variants: list('variant'),
  stacks: list('stack'),
  size: fc.oneof(
    fc.constantFrom(0, 10, 100, 2 ** 40),
    fc.nat(),
    fc.constantFrom<number | string>('-', 'unknown', 'n/a'),
  ),
  extra: fc.constant({}),
});

/** One tag's records, or two tags merged: merged tables have remapped codes and a two-value tag column. */
export function tableArbOf(maxPerTag: number, minPerTag = 0): fc.Arbitrary<SpecTable> {
  // size 'max' lets lengths reach maxPerTag; fast-check otherwise keeps arrays short.
  const records = fc.array(recordArb, { minLength: minPerTag, maxLength: maxPerTag, size: 'max' });
  return fc.tuple(records, fc.option(records)).map(([a, b]) =>
    tableOf(
      b === null
        ? [['develop', a]]
        : [
            ['develop', a],
            ['v0.23.0', b],
          ],
    ),
  );
}

export const tableArb = tableArbOf(30);

const valuesArb = (facet: FacetKey) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<string[]>([]) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...VOCAB[facet], 'absent-value'), { maxLength: 3 }) },
  );

export const selectionArb: fc.Arbitrary<FacetSelection> = fc.record({
  tag: fc.record({ include: valuesArb('tag'), exclude: valuesArb('tag') }),
  stack: fc.record({ include: valuesArb('stack'), exclude: valuesArb('stack') }),
  package: fc.record({ include: valuesArb('package'), exclude: valuesArb('package') }),
  version: fc.record({ include: valuesArb('version'), exclude: valuesArb('version') }),
  compiler: fc.record({ include: valuesArb('compiler'), exclude: valuesArb('compiler') }),
  os: fc.record({ include: valuesArb('os'), exclude: valuesArb('os') }),
  platform: fc.record({ include: valuesArb('platform'), exclude: valuesArb('platform') }),
  target: fc.record({ include: valuesArb('target'), exclude: valuesArb('target') }),
  variant: fc.record({ include: valuesArb('variant'), exclude: valuesArb('variant') }),
});

/** Bits for up to 60 rows; `maskFor` cuts them to a table's size. */
export const maskArb = fc.option(fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }));

export function maskFor(table: SpecTable, bits: boolean[] | null): Bitset | null {
  if (bits === null) return null;
  const mask = new Bitset(table.count);
  for (let i = 0; i < table.count; i++) if (bits[i]) mask.set(i);
  return mask;
}

export { FACETS };
