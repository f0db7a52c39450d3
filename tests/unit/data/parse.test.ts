import { describe, expect, it } from 'vitest';
import { encodeShard } from '../../../src/data/encode';
import { DataFormatError, parseManifest, parseShard } from '../../../src/data/parse';
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

function shard(): Shard {
  return structuredClone(encodeShard('develop', 0, [record(HASH_A, 'zlib'), record(HASH_B, 'cmake')]));
}

const manifest = {
  format: 'spack-cache-explorer/manifest',
  schemaVersion: 1,
  generatedAt: '2026-11-25T12:00:00.000Z',
  generator: 'test',
  sources: [],
  tags: [],
  notes: [],
};

describe('parseManifest', () => {
  it.each([
    [
      { ...manifest, schemaVersion: 2 },
      /schemaVersion: the data is version 2, newer than this app reads \(1\)/,
    ],
    [{ ...manifest, schemaVersion: 0 }, /schemaVersion: unknown version 0/],
    [{ ...manifest, format: 'something-else' }, /format: expected "spack-cache-explorer\/manifest"/],
    [[1, 2, 3], /not a spack-cache-explorer\/manifest file/],
    [{ ...manifest, generatedAt: 'yesterday' }, /idx\.json: generatedAt: /],
    [{ ...manifest, tags: [{ name: 'x' }] }, /idx\.json: tags\.0\.specCount/],
  ])('rejects bad manifests with a message naming the file and field (%#)', (json, message) => {
    expect(() => parseManifest(json, 'idx.json')).toThrow(DataFormatError);
    expect(() => parseManifest(json, 'idx.json')).toThrow(message);
  });

  it('rejects a tag listed twice', () => {
    const tag = {
      name: 'v1',
      specCount: 0,
      packageCount: 0,
      stacks: [],
      shards: [{ path: 'a', bytes: 1, sha256: '0'.repeat(64), specCount: 0 }],
    };
    expect(() => parseManifest({ ...manifest, tags: [tag, tag] }, 'idx.json')).toThrow(
      /tag "v1" is listed twice/,
    );
  });
});

describe('parseShard and decodeShard', () => {
  it('decodes a valid shard', () => {
    const table = decodeShard(parseShard(shard(), 's.json'), 's.json');
    expect(table.count).toBe(2);
    expect(table.dicts.package).toEqual(['cmake', 'zlib']);
  });

  it.each<[string, (s: Shard) => void, RegExp]>([
    [
      'short hash column',
      (s) => (s.columns.hash = s.columns.hash.slice(1)),
      /columns\.hash: has 63 characters/,
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
    expect(() => decodeShard(parseShard(s, 's.json'), 's.json')).toThrow(ShardDecodeError);
    expect(() => decodeShard(parseShard(s, 's.json'), 's.json')).toThrow(message);
  });

  it.each<[string, (s: Record<string, unknown> & Shard) => void, RegExp]>([
    [
      'uppercase hash',
      (s) => (s.columns.hash = s.columns.hash.toUpperCase()),
      /s\.json: columns\.hash: expected lowercase base32/,
    ],
    [
      'negative code',
      (s) => (s.columns.package[0] = -1),
      /s\.json: columns\.package: expected an array of non-negative integers/,
    ],
    ['unknown field', (s) => (s.surprise = 1), /s\.json: \(top level\)|surprise/],
    ['newer version', (s) => Object.assign(s, { schemaVersion: 3 }), /newer than this app reads/],
  ])('%s: rejected by the schema', (_name, mutate, message) => {
    const s = shard() as Record<string, unknown> & Shard;
    mutate(s);
    expect(() => parseShard(s, 's.json')).toThrow(message);
  });
});
