import { describe, expect, it } from 'vitest';
import { encodeShard } from '../../../src/data/encode';
import { HashPoolBuilder, hashPoolOf, type HashPool } from '../../../src/data/hash-pool';
import { DataFormatError, parseManifest, parsePoolChunk, parseShard } from '../../../src/data/parse';
import { countValues, decodeInts, decodeUints, encodeInts, encodeUints } from '../../../src/data/int-codec';
import { decodeShard, ShardDecodeError } from '../../../src/data/spec-table';
import type { Shard } from '../../../src/data/schema';
import { joinedHashes } from '../../helpers/tables';

const HASH_A = 'a'.repeat(32);
const HASH_B = 'b'.repeat(32);
const record = (hash: string, pkg: string) => ({
  hash,
  package: pkg,
  versions: ['1.0'],
  compiler: 'none',
  os: 'ubuntu24.04',
  platform: 'linux',
  target: 'aarch64',
  variants: ['+mpi'],
  stacks: ['root'],
  size: '-',
  extra: {},
});

/** zlib's hash is pooled first (as by a newer tag); the shard orders cmake first, so its refs are [1, -1]. */
function shard(): Shard {
  const builder = new HashPoolBuilder();
  builder.ref(HASH_A);
  return structuredClone(
    encodeShard('develop', 0, [record(HASH_A, 'zlib'), record(HASH_B, 'cmake')], builder).shard,
  );
}
const pool: HashPool = hashPoolOf([HASH_A, HASH_B]);

/** Decode a column's text to numbers, change them, write them back: how these tests break a shard. */
type ScalarColumn = 'hashRef' | 'package' | 'compiler' | 'os' | 'platform' | 'target' | 'size';
function edit(s: Shard, column: ScalarColumn, change: (values: number[]) => void): void {
  const text = s.columns[column];
  const signed = column === 'hashRef' || column === 'size';
  const values = Array.from((signed ? decodeInts : decodeUints)('t', column, text, countValues(text)));
  change(values);
  s.columns[column] = (signed ? encodeInts : encodeUints)(values);
}
function editList(
  s: Shard,
  column: 'versions' | 'stacks' | 'variants',
  part: 'lengths' | 'values',
  change: (values: number[]) => void,
): void {
  const text = s.columns[column][part];
  const values = Array.from(decodeUints('t', column, text, countValues(text)));
  change(values);
  s.columns[column][part] = encodeUints(values);
}

const sha = '0'.repeat(64);
const manifest = {
  format: 'spack-cache-explorer/manifest',
  schemaVersion: 2,
  generatedAt: '2026-11-25T12:00:00.000Z',
  generator: 'test',
  sources: [],
  hashPool: {
    count: 3,
    chunks: [
      { path: 'hashes/pool-0000.json', bytes: 1, sha256: sha, start: 0, count: 2 },
      { path: 'hashes/pool-0001.json', bytes: 1, sha256: sha, start: 2, count: 1 },
    ],
  },
  tags: [],
  notes: [],
};
const tag = {
  name: 'v1',
  specCount: 0,
  packageCount: 0,
  stacks: [],
  hashPoolPrefix: 0,
  shards: [{ path: 'a', bytes: 1, sha256: sha, specCount: 0 }],
};

describe('parseManifest', () => {
  it('accepts a manifest with a hash pool', () => {
    expect(
      parseManifest({ ...manifest, tags: [{ ...tag, hashPoolPrefix: 3 }] }, 'idx.json').hashPool.count,
    ).toBe(3);
  });

  it.each([
    [
      { ...manifest, schemaVersion: 3 },
      /schemaVersion: the data is version 3, newer than this app reads \(2\)/,
    ],
    [
      { ...manifest, schemaVersion: 1 },
      /idx\.json: schemaVersion 1 is an older format than this app reads \(version 2\); rebuild the data with npm run data:build/,
    ],
    [{ ...manifest, schemaVersion: 0 }, /schemaVersion: unknown version 0/],
    [{ ...manifest, format: 'something-else' }, /format: expected "spack-cache-explorer\/manifest"/],
    [[1, 2, 3], /not a spack-cache-explorer\/manifest file/],
    [{ ...manifest, generatedAt: 'yesterday' }, /idx\.json: generatedAt: /],
    [{ ...manifest, tags: [{ name: 'x' }] }, /idx\.json: tags\.0\.specCount/],
    [{ ...manifest, hashPool: undefined }, /idx\.json: hashPool: /],
    [{ ...manifest, tags: [{ ...tag, hashPoolPrefix: undefined }] }, /idx\.json: tags\.0\.hashPoolPrefix: /],
    [
      { ...manifest, tags: [{ ...tag, hashPoolPrefix: 4 }] },
      /idx\.json: tags\.0\.hashPoolPrefix: 4, past the pool's 3 hashes/,
    ],
    [
      { ...manifest, hashPool: { ...manifest.hashPool, count: 4 } },
      /idx\.json: hashPool\.count: 4, the chunks hold 3 hashes/,
    ],
    [
      {
        ...manifest,
        hashPool: { count: 3, chunks: [manifest.hashPool.chunks[1], manifest.hashPool.chunks[0]] },
      },
      /idx\.json: hashPool\.chunks\.0\.start: 2, expected 0/,
    ],
  ])('rejects bad manifests with a message naming the file and field (%#)', (json, message) => {
    expect(() => parseManifest(json, 'idx.json')).toThrow(DataFormatError);
    expect(() => parseManifest(json, 'idx.json')).toThrow(message);
  });

  it('rejects a tag listed twice', () => {
    expect(() => parseManifest({ ...manifest, tags: [tag, tag] }, 'idx.json')).toThrow(
      /tag "v1" is listed twice/,
    );
  });
});

describe('parsePoolChunk', () => {
  const ref = { path: 'p.json', bytes: 1, sha256: sha, start: 2, count: 2 };
  const chunk = {
    format: 'spack-cache-explorer/hash-pool',
    schemaVersion: 2,
    start: 2,
    count: 2,
    hashes: HASH_A + HASH_B,
  };

  it('reads the hashes of a chunk', () => {
    expect(parsePoolChunk(chunk, 'p.json', ref).hashes).toBe(HASH_A + HASH_B);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['uppercase hash', { hashes: (HASH_A + HASH_B).toUpperCase() }, /p\.json: hashes: expected lowercase/],
    ['short hashes', { hashes: HASH_A + HASH_B.slice(1) }, /p\.json: hashes: 63 characters, expected 2/],
    ['other entries', { start: 0 }, /p\.json: start, count: entries 0 \+ 2, the manifest says 2 \+ 2/],
    [
      'a shard',
      { format: 'spack-cache-explorer/shard' },
      /format: expected "spack-cache-explorer\/hash-pool"/,
    ],
    ['version 1', { schemaVersion: 1 }, /p\.json: schemaVersion 1 is an older format.*npm run data:build/],
  ])('%s: names the file and field', (_name, change, message) => {
    expect(() => parsePoolChunk({ ...chunk, ...change }, 'p.json', ref)).toThrow(DataFormatError);
    expect(() => parsePoolChunk({ ...chunk, ...change }, 'p.json', ref)).toThrow(message);
  });
});

describe('parseShard and decodeShard', () => {
  it('decodes a valid shard, expanding pool refs into hashes', () => {
    const s = shard();
    // Refs [1, -1], zigzag 2 and 1: one character each.
    expect(s.columns.hashRef).toBe('CB');
    expect(s.columns.hashRef).toBe(encodeInts([1, -1]));
    const table = decodeShard({ shard: parseShard(s, 's.json'), pool }, 's.json');
    expect(table.count).toBe(2);
    expect(table.dicts.package).toEqual(['cmake', 'zlib']);
    expect(joinedHashes(table)).toBe(HASH_B + HASH_A);
  });

  it('reads pool bytes at any offset', () => {
    const padded = new Uint8Array(pool.bytes.byteLength + 1);
    padded.set(pool.bytes, 1);
    const table = decodeShard({ shard: shard(), pool: { count: 2, bytes: padded.subarray(1) } }, 's.json');
    expect(joinedHashes(table)).toBe(HASH_B + HASH_A);
  });

  it.each<[string, (s: Shard) => void, RegExp]>([
    [
      'short hashRef column',
      (s) => edit(s, 'hashRef', (v) => v.pop()),
      /columns\.hashRef: has 1 entries, expected 2/,
    ],
    [
      'ref past the pool',
      (s) => edit(s, 'hashRef', (v) => (v[1] = 1)),
      /s\.json: columns\.hashRef: row 1: refers to pool entry 2, outside the 2 entries this tag may use/,
    ],
    [
      'negative ref',
      (s) => edit(s, 'hashRef', (v) => (v[1] = -2)),
      /s\.json: columns\.hashRef: row 1: refers to pool entry -1, outside the 2 entries/,
    ],
    [
      'negative first ref',
      (s) => edit(s, 'hashRef', (v) => (v[0] = -1)),
      /s\.json: columns\.hashRef: row 0: refers to pool entry -1/,
    ],
    [
      // A fractional delta (the old number form's case) cannot be written; text outside the alphabet can.
      'hashRef text outside the alphabet',
      (s) => (s.columns.hashRef = 'C.'),
      /s\.json: columns\.hashRef: character 1 \("\.", in value 1\) is not one of A-Z a-z 0-9 - _/,
    ],
    [
      'hashRef value cut off',
      (s) => (s.columns.hashRef = 'Cg'),
      /s\.json: columns\.hashRef: value 1 \(from character 1\) is cut off/,
    ],
    ['short scalar column', (s) => edit(s, 'os', (v) => v.pop()), /columns\.os: has 1 entries, expected 2/],
    [
      'long scalar column',
      (s) => edit(s, 'platform', (v) => v.push(0)),
      /s\.json: columns\.platform: has 3 entries, expected 2 \(value 2 starts at character 2\)/,
    ],
    [
      'code past dictionary',
      (s) => edit(s, 'target', (v) => (v[1] = 7)),
      /columns\.target: entry 1 is 7, past the dictionary/,
    ],
    [
      'code past 2^32 - 1',
      (s) => edit(s, 'compiler', (v) => (v[1] = 2 ** 32)),
      /s\.json: columns\.compiler: value 1 \(from character 1\) is past 2\^32 - 1/,
    ],
    [
      'code in more characters than it needs',
      (s) => (s.columns.package = 'AgA'),
      /s\.json: columns\.package: value 1 \(from character 1\) ends in a zero group/,
    ],
    [
      'list lengths short',
      (s) => editList(s, 'stacks', 'lengths', (v) => v.pop()),
      /columns\.stacks\.lengths: has 1 entries/,
    ],
    [
      'list values short',
      (s) => editList(s, 'variants', 'values', (v) => v.pop()),
      /columns\.variants\.values: has 1 entries, lengths add up to 2/,
    ],
    [
      'list values long',
      (s) => editList(s, 'versions', 'values', (v) => v.push(0)),
      /columns\.versions\.values: has 3 entries, lengths add up to 2 \(value 2 starts at character 2\)/,
    ],
    [
      'list value outside the alphabet',
      (s) => (s.columns.variants.values = 'AB A'),
      /s\.json: columns\.variants\.values: character 2 \(" ", in value 2\) is not one of/,
    ],
    ['size text past dictionary', (s) => edit(s, 'size', (v) => (v[0] = -5)), /columns\.size: entry 0 is -5/],
    [
      'size past the safe integers',
      (s) => (s.columns.size = 'B' + '_'.repeat(11) + 'B'),
      /s\.json: columns\.size: value 1 \(from character 1\) is past ±\(2\^53 - 1\)/,
    ],
    [
      'sparse row past count',
      (s) => (s.sparse.tarball = { rows: encodeUints([9]), values: ['x'] }),
      /sparse\.tarball\.rows: row 9/,
    ],
    [
      'sparse rows and values of different lengths',
      (s) => (s.sparse.tarball = { rows: encodeUints([0, 1]), values: ['x'] }),
      /s\.json: sparse\.tarball: rows and values differ in length/,
    ],
    [
      'sparse row outside the alphabet',
      (s) => (s.sparse.tarball = { rows: '=', values: ['x'] }),
      /s\.json: sparse\.tarball\.rows: character 0 \("=", in value 0\) is not one of/,
    ],
  ])('%s: names the file and field', (_name, mutate, message) => {
    const s = shard();
    mutate(s);
    expect(() => decodeShard({ shard: parseShard(s, 's.json'), pool }, 's.json')).toThrow(ShardDecodeError);
    expect(() => decodeShard({ shard: parseShard(s, 's.json'), pool }, 's.json')).toThrow(message);
  });

  it("rejects refs past the tag's prefix even when the pool holds more", () => {
    const s = shard();
    const prefix = { count: 1, bytes: pool.bytes };
    expect(() => decodeShard({ shard: s, pool: prefix }, 's.json')).toThrow(
      /s\.json: columns\.hashRef: row 0: refers to pool entry 1, outside the 1 entries this tag may use/,
    );
  });

  it.each<[string, (s: Record<string, unknown> & Shard) => void, RegExp]>([
    [
      // The number-array form the columns had before the text encoding.
      'numbers in hashRef',
      (s) => Object.assign(s.columns, { hashRef: [1, -1] }),
      /s\.json: columns\.hashRef: .*expected string/,
    ],
    ['v1 hash column', (s) => Object.assign(s.columns, { hash: HASH_A }), /s\.json: columns: .*hash/],
    [
      'numbers in a code column',
      (s) => Object.assign(s.columns, { package: [-1, 0] }),
      /s\.json: columns\.package: .*expected string/,
    ],
    [
      'numbers in a list column',
      (s) => Object.assign(s.columns.variants, { values: [0, 1, 0, 1] }),
      /s\.json: columns\.variants\.values: .*expected string/,
    ],
    [
      'numbers in sparse rows',
      (s) => (s.sparse.tarball = Object.assign({ rows: '', values: ['x'] }, { rows: [0] })),
      /s\.json: sparse\.tarball\.rows: .*expected string/,
    ],
    ['unknown field', (s) => (s.surprise = 1), /s\.json: \(top level\)|surprise/],
    ['newer version', (s) => Object.assign(s, { schemaVersion: 3 }), /newer than this app reads/],
    [
      'version 1',
      (s) => Object.assign(s, { schemaVersion: 1 }),
      /s\.json: schemaVersion 1 is an older format than this app reads \(version 2\); rebuild the data with npm run data:build/,
    ],
  ])('%s: rejected by the schema', (_name, mutate, message) => {
    const s: Record<string, unknown> & Shard = shard();
    mutate(s);
    expect(() => parseShard(s, 's.json')).toThrow(message);
  });
});
