import { hashAt, type SpecTable } from '../../../src/data/spec-table';
import { hashOf, spec, tableOf } from './fixtures';

/**
 * Five rows, in table order: develop's hdf5 then zlib rows (encodeShard orders by package, hash), then
 * v0.23.0's zlib row. Each hash starts with a readable label.
 */
export const SMALL = tableOf([
  [
    'develop',
    [
      spec({
        hash: hashOf('zlibone'),
        package: 'zlib',
        versions: ['1.3'],
        stacks: ['root', 'e4s'],
        variants: ['+shared'],
        size: 100,
      }),
      spec({
        hash: hashOf('zlibtwo'),
        package: 'zlib',
        versions: ['1.2.11'],
        compiler: 'gcc@9.4.0',
        os: 'rhel8',
        stacks: ['root'],
        variants: ['~shared'],
        size: '-',
      }),
      spec({
        hash: hashOf('hdfone'),
        package: 'hdf5',
        versions: ['1.10'],
        target: 'neoverse_v2',
        stacks: ['root', 'e4s'],
        variants: ['+shared', '+mpi'],
        size: 5,
      }),
      spec({
        hash: hashOf('hdftwo'),
        package: 'hdf5',
        versions: ['1.9'],
        compiler: 'none',
        stacks: ['e4s-oneapi'],
        variants: ['~mpi', '+shared'],
        size: 2 ** 40,
      }),
    ],
  ],
  [
    'v0.23.0',
    [
      spec({
        hash: hashOf('zlibrel'),
        package: 'zlib',
        versions: ['1.3'],
        stacks: ['root'],
        variants: ['+shared'],
        size: 'unknown',
      }),
    ],
  ],
]);

/** The label of each row, e.g. "zlibone", in the given order. */
export function labels(table: SpecTable, rows: ArrayLike<number>): string[] {
  return Array.from(rows, (row) => hashAt(table, row).replace(/a+$/, ''));
}
