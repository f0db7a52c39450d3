import { describe, expect, it } from 'vitest';
import { encodeShard } from '../../../src/data/encode';
import { HashPoolBuilder, hashPoolOf, type HashPool } from '../../../src/data/hash-pool';
import { DataFormatError, parseManifest, parsePoolChunk, parseShard } from '../../../src/data/parse';
import { decodeShard, ShardDecodeError } from '../../../src/data/spec-table';
import type { Shard } from '../../../src/data/schema';

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
    expect(s.columns.hashRef).toEqual([1, -1]);
    const table = decodeShard({ shard: parseShard(s, 's.json'), pool }, 's.json');
    expect(table.count).toBe(2);
    expect(table.dicts.package).toEqual(['cmake', 'zlib']);
    expect(table.hashes).toBe(HASH_B + HASH_A);
  });

  it('reads pool bytes at any offset', () => {
    const padded = new Uint8Array(pool.bytes.byteLength + 1);
    padded.set(pool.bytes, 1);
    const table = decodeShard({ shard: shard(), pool: { count: 2, bytes: padded.subarray(1) } }, 's.json');
    expect(table.hashes).toBe(HASH_B + HASH_A);
  });

  it.each<[string, (s: Shard) => void, RegExp]>([
    ['short hashRef column', (s) => s.columns.hashRef.pop(), /columns\.hashRef: has 1 entries, expected 2/],
    [
      'ref past the pool',
      (s) => (s.columns.hashRef[1] = 1),
      /s\.json: columns\.hashRef: row 1: refers to pool entry 2, outside the 2 entries this tag may use/,
    ],
    [
      'negative ref',
      (s) => (s.columns.hashRef[1] = -2),
      /s\.json: columns\.hashRef: row 1: refers to pool entry -1, outside the 2 entries/,
    ],
    [
      'negative first ref',
      (s) => (s.columns.hashRef[0] = -1),
      /s\.json: columns\.hashRef: row 0: refers to pool entry -1/,
    ],
    [
      'non-integer delta',
      (s) => (s.columns.hashRef[1] = -0.5),
      /s\.json: columns\.hashRef: row 1: -0\.5 is not an integer/,
    ],
    ['short scalar column', (s) => s.columns.os.pop(), /columns\.os: has 1 entries, expected 2/],
    [
      'code past dictionary',
      (s) => (s.columns.target[1] = 7),
      /columns\.target: entry 1 is 7, past the dictionary/,
    ],
    ['list lengths short', (s) => s.columns.stacks.lengths.pop(), /columns\.stacks\.lengths: has 1 entries/],
    [
      'list values short',
      (s) => s.columns.variants.values.pop(),
      /columns\.variants\.values: has 1 entries, lengths add up to 2/,
    ],
    ['size text past dictionary', (s) => (s.columns.size[0] = -5), /columns\.size: entry 0 is -5/],
    [
      'sparse row past count',
      (s) => (s.sparse.tarball = { rows: [9], values: ['x'] }),
      /sparse\.tarball\.rows: row 9/,
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
      'string in hashRef',
      (s) => Object.assign(s.columns, { hashRef: [0, '1'] }),
      /s\.json: columns\.hashRef: expected an array of numbers/,
    ],
    ['v1 hash column', (s) => Object.assign(s.columns, { hash: HASH_A }), /s\.json: columns: .*hash/],
    [
      'negative code',
      (s) => (s.columns.package[0] = -1),
      /s\.json: columns\.package: expected an array of non-negative integers/,
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
