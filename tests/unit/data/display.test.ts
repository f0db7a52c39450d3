import { describe, expect, it } from 'vitest';
import { formatCompiler, formatSize, variantsForCell } from '../../../src/data/display';

describe('variantsForCell', () => {
  it.each([
    { name: 'no variants', source: [], cell: [] },
    {
      name: 'hdf5 as cache.spack.io lists it (by name)',
      source: ['api=default', 'build_system=cmake', '~cxx', '+fortran', 'generator=make', '+mpi', '~szip'],
      cell: ['+fortran', '+mpi', 'api=default', 'build_system=cmake', 'generator=make', '~cxx', '~szip'],
    },
    {
      name: 'a `:=` value and an unknown token sit with the valued ones, in source order',
      source: ['patches:=f42732a', '~shared', 'odd-token', '+pic'],
      cell: ['+pic', 'patches:=f42732a', 'odd-token', '~shared'],
    },
    {
      name: 'propagated flags go with their sign; `-x` and an empty token are no sign Spack prints',
      source: ['~~shared', '-x', '', '++debug', 'k=v'],
      cell: ['++debug', '-x', '', 'k=v', '~~shared'],
    },
    { name: 'already in order', source: ['+a', 'b=1', '~c'], cell: ['+a', 'b=1', '~c'] },
  ])('$name', ({ source, cell }) => {
    expect(variantsForCell(source)).toEqual(cell);
  });

  it.each([
    {
      name: 'the tokens asked for lead, in source order, whatever their sign',
      source: ['api=default', '~cxx', '+fortran', '+mpi', '~szip'],
      asked: ['~szip', 'api=default'],
      cell: ['api=default', '~szip', '+fortran', '+mpi', '~cxx'],
    },
    { name: 'nothing asked for', source: ['~a', '+b'], asked: [], cell: ['+b', '~a'] },
    { name: 'asked for but absent', source: ['~a', '+b'], asked: ['+z'], cell: ['+b', '~a'] },
  ])('$name', ({ source, asked, cell }) => {
    expect(variantsForCell(source, (token) => asked.includes(token))).toEqual(cell);
  });

  it('keeps every token, duplicates included, and leaves its input as it was', () => {
    const source = ['~a', '+b', '~a', 'c=1', '+b'];
    const copy = [...source];
    const cell = variantsForCell(source);
    expect([...cell].sort()).toEqual([...source].sort());
    expect(source).toEqual(copy);
  });
});

describe('formatCompiler', () => {
  it.each([
    ['none', 'no compiler'],
    ['', 'no compiler'],
    ['gcc@=13.2.0', 'gcc@13.2.0'],
    ['gcc@13.2.0', 'gcc@13.2.0'],
  ])('%j reads %j', (raw, shown) => {
    expect(formatCompiler(raw)).toBe(shown);
  });
});

describe('formatSize', () => {
  it.each([
    ['-', 'unknown'],
    ['n/a', 'unknown'],
    [' 512 ', '512 B'],
    [1536, '1.50 KiB'],
    [15 * 1024 * 1024, '15.0 MiB'],
    [250 * 1024 ** 3, '250 GiB'],
  ])('%j reads %j', (raw, shown) => {
    expect(formatSize(raw)).toBe(shown);
  });
});
