import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeShard } from '../../../src/data/encode';
import {
  decodeHashRefs,
  HashPoolBuilder,
  hashPoolOf,
  poolPrefix,
  refsPrefix,
} from '../../../src/data/hash-pool';
import { columnHashes } from '../../helpers/tables';
import { decodeInts, encodeInts } from '../../../src/data/int-codec';
import { parseShard } from '../../../src/data/parse';
import { decodeShard, recordAt, type SpecRecord } from '../../../src/data/spec-table';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const hashArb = fc.string({ unit: fc.constantFrom(...BASE32), minLength: 32, maxLength: 32 });

// A few shared hashes make tags overlap, as weekly snapshots do; random ones add new pool entries.
const recordArb = (shared: readonly string[]): fc.Arbitrary<SpecRecord> =>
  fc.record({
    hash: shared.length > 0 ? fc.oneof(fc.constantFrom(...shared), hashArb) : hashArb,
    package: fc.constantFrom('zlib', 'hdf5', 'cmake', 'py-numpy'),
    versions: fc.array(fc.constantFrom('1.0', '1.10', '2.0'), { maxLength: 2 }),
    compiler: fc.constantFrom('none', 'gcc@13.2.0'),
    os: fc.constantFrom('ubuntu24.04', 'rhel8'),
    platform: fc.constant('linux'),
    target: fc.constantFrom('x86_64_v3', 'aarch64'),
    variants: fc.array(fc.constantFrom('+mpi', '~mpi', 'build_system=cmake'), { maxLength: 3 }),
    stacks: fc.array(fc.constantFrom('root', 'e4s'), { maxLength: 2 }),
    size: fc.oneof(fc.nat(), fc.constant('-')),
    extra: fc.oneof(fc.constant({}), fc.record({ tarball: fc.string() })),
  });

const datasetArb = fc.array(hashArb, { minLength: 1, maxLength: 8 }).chain((shared) =>
  fc.array(fc.array(fc.array(recordArb(shared), { maxLength: 12 }), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 4,
  }),
);

const byRow = (a: SpecRecord, b: SpecRecord) =>
  a.package !== b.package ? (a.package < b.package ? -1 : 1) : a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0;

describe('the dataset-wide hash pool', () => {
  it('round-trips: encode tags newest first into one pool, decode each against its prefix, get the rows back', () => {
    fc.assert(
      fc.property(datasetArb, (tags) => {
        const builder = new HashPoolBuilder();
        // Tags (newest first), each of shards (parts), each of records.
        const encoded = tags.map((parts) =>
          parts.map((records, part) => encodeShard('t', part, records, builder)),
        );
        const pool = hashPoolOf(builder.hashes);
        expect(new Set(builder.hashes).size).toBe(builder.count);
        encoded.forEach((results, t) => {
          const shards = results.map((r) => r.shard);
          // The prefix the encoder counted is the one the written column gives.
          results.forEach(({ shard, hashPoolPrefix }) =>
            expect(hashPoolPrefix).toBe(
              refsPrefix(decodeInts('s', 'columns.hashRef', shard.columns.hashRef, shard.count)),
            ),
          );
          const prefix = Math.max(0, ...results.map((r) => r.hashPoolPrefix));
          // A tag refers only into the pool as it stood once that tag was encoded (decoding checks
          // every ref against the prefix).
          expect(prefix).toBeLessThanOrEqual(
            new Set(
              tags
                .slice(0, t + 1)
                .flat(2)
                .map((r) => r.hash),
            ).size,
          );
          shards.forEach((shard, part) => {
            const json: unknown = JSON.parse(JSON.stringify(shard));
            const table = decodeShard({ shard: parseShard(json, 's'), pool: poolPrefix(pool, prefix) }, 's');
            const rows = Array.from({ length: table.count }, (_, i) => {
              const { tag, ...row } = recordAt(table, i);
              expect(tag).toBe('t');
              return row;
            });
            expect(rows).toEqual([...(tags[t]?.[part] ?? [])].sort(byRow));
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('orders the pool by first use: newest tag first, then each tag in shard row order', () => {
    fc.assert(
      fc.property(datasetArb, (tags) => {
        const builder = new HashPoolBuilder();
        const expected: string[] = [];
        for (const parts of tags) {
          parts.forEach((records, part) => {
            const { shard } = encodeShard('t', part, records, builder);
            const rows = [...records].sort(byRow);
            expect(shard.count).toBe(rows.length);
            for (const r of rows) if (!expected.includes(r.hash)) expected.push(r.hash);
          });
        }
        expect(builder.hashes).toEqual(expected);
      }),
    );
  });

  it('expands any refs, negative deltas included, to the hashes they point at', () => {
    fc.assert(
      fc.property(
        fc
          .array(hashArb, { minLength: 1, maxLength: 20 })
          .chain((hashes) =>
            fc.tuple(fc.constant(hashes), fc.array(fc.nat({ max: hashes.length - 1 }), { maxLength: 40 })),
          ),
        ([hashes, refs]) => {
          const deltas = refs.map((ref, i) => (i === 0 ? ref : ref - (refs[i - 1] ?? 0)));
          expect(columnHashes(decodeHashRefs('s', deltas, refs.length, hashPoolOf(hashes)))).toEqual(
            refs.map((r) => hashes[r]),
          );
          // The same through the column's text, as decodeShard reads it.
          const decoded = decodeInts('s', 'columns.hashRef', encodeInts(deltas), refs.length);
          expect(columnHashes(decodeHashRefs('s', decoded, refs.length, hashPoolOf(hashes)))).toEqual(
            refs.map((r) => hashes[r]),
          );
          expect(refsPrefix(deltas)).toBe(refs.length === 0 ? 0 : Math.max(...refs) + 1);
        },
      ),
    );
  });

  it.each<[string, number[], number, RegExp]>([
    ['a fractional delta', [1, -0.5], 2, /^s\.json: columns\.hashRef: row 1: -0\.5 is not an integer$/],
    ['fewer deltas than rows', [0], 2, /^s\.json: columns\.hashRef: has 1 entries, expected 2$/],
    ['a ref past the pool', [0, 2], 2, /s\.json: columns\.hashRef: row 1: refers to pool entry 2, outside/],
  ])('decodeHashRefs rejects %s, naming the file, field and row', (_name, deltas, count, message) => {
    expect(() =>
      decodeHashRefs('s.json', deltas, count, hashPoolOf('a'.repeat(32) + 'b'.repeat(32))),
    ).toThrow(message);
  });

  it('rejects a hash that is not 32 base32 characters before it can misalign the pool', () => {
    const builder = new HashPoolBuilder();
    expect(() => builder.ref('short')).toThrow(/hash pool: "short" is not a 32-character base32 hash/);
    expect(builder.count).toBe(0);
  });
});
