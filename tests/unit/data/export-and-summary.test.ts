import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeShard } from '../../../src/data/encode';
import { csvField, toCsv, toJson } from '../../../src/data/export';
import { summarizePackages } from '../../../src/data/package-summary';
import { Bitset } from '../../../src/data/engine/bitset';
import { bitsetOrder } from '../../../src/data/engine/row-order';
import { decodeShard, type SpecRecord } from '../../../src/data/spec-table';

const rec = (hash: string, pkg: string, over: Partial<SpecRecord> = {}): SpecRecord => ({
  hash: hash.repeat(32).slice(0, 32),
  package: pkg,
  versions: ['1.0'],
  compiler: 'gcc@=13.2.0',
  os: 'ubuntu24.04',
  platform: 'linux',
  target: 'x86_64_v3',
  variants: ['+mpi', 'api=v112,v114'],
  stacks: ['e4s', 'root'],
  size: '-',
  extra: {},
  ...over,
});

const table = decodeShard(
  encodeShard('v1', 0, [
    rec('a', 'hdf5', { versions: ['1.9.0'] }),
    rec('b', 'hdf5', { versions: ['1.10.0'], target: 'aarch64', stacks: ['root'] }),
    rec('c', 'zlib', {
      compiler: 'none',
      size: 1234,
      variants: ['cflags="-O2, -g"'],
      extra: { tarball: 'x.spack' },
    }),
  ]),
  'test',
);
const all = Uint32Array.from([0, 1, 2]);

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ])('%j → %j', (input, output) => expect(csvField(input)).toBe(output));
});

describe('toCsv', () => {
  it('writes a header and one quoted line per row, CRLF-terminated', () => {
    const csv = toCsv(table, Uint32Array.from([2]));
    expect(csv).toBe(
      'hash,package,version,compiler,os,platform,target,variants,stacks,size,tag\r\n' +
        'cccccccccccccccccccccccccccccccc,zlib,1.0,none,ubuntu24.04,linux,x86_64_v3,"cflags=""-O2, -g""",e4s root,1234,v1\r\n',
    );
  });
  it('exports exactly the given rows in the given order', () => {
    const lines = toCsv(table, Uint32Array.from([1, 0]))
      .trim()
      .split('\r\n');
    expect(lines.map((l) => l.slice(0, 1))).toEqual(['h', 'b', 'a']);
  });
});

describe('toJson', () => {
  it('writes records with the source field names, extra fields included', () => {
    const json = JSON.parse(toJson(table, Uint32Array.from([2])));
    expect(json).toEqual([
      {
        tag: 'v1',
        hash: 'c'.repeat(32),
        package: 'zlib',
        versions: ['1.0'],
        compiler: 'none',
        os: 'ubuntu24.04',
        platform: 'linux',
        target: 'x86_64_v3',
        variants: ['cflags="-O2, -g"'],
        stacks: ['e4s', 'root'],
        size: 1234,
        tarball: 'x.spack',
      },
    ]);
  });
});

describe('summarizePackages', () => {
  it('summarises per package, versions newest first', () => {
    expect(summarizePackages(table, all)).toEqual([
      {
        package: 'hdf5',
        specs: 2,
        versions: ['1.10.0', '1.9.0'],
        compilers: ['gcc@=13.2.0'],
        targets: ['aarch64', 'x86_64_v3'],
        stacks: ['e4s', 'root'],
      },
      {
        package: 'zlib',
        specs: 1,
        versions: ['1.0'],
        compilers: ['none'],
        targets: ['x86_64_v3'],
        stacks: ['e4s', 'root'],
      },
    ]);
  });
  it('only counts the given rows', () => {
    expect(summarizePackages(table, Uint32Array.from([1]))).toMatchObject([
      { package: 'hdf5', specs: 1, stacks: ['root'] },
    ]);
    expect(summarizePackages(table, new Uint32Array(0))).toEqual([]);
  });
  it('reads a filter result straight from its bitset, as the table shows it', () => {
    fc.assert(
      fc.property(fc.subarray([0, 1, 2]), (picked) => {
        const bits = Bitset.fromIndices(table.count, picked);
        const rows = bits.toIndices();
        expect(summarizePackages(table, bitsetOrder(bits))).toEqual(summarizePackages(table, rows));
        expect(toCsv(table, bitsetOrder(bits))).toBe(toCsv(table, rows));
        expect(toJson(table, bitsetOrder(bits))).toBe(toJson(table, rows));
      }),
    );
  });
});
