import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/data/query/parse-query';
import { filterRows } from '../../../src/data/query/match-query';
import { isWantedVariant } from '../../../src/data/query/query-terms';
import { recordAt } from '../../../src/data/spec-table';
import { hashOf, spec, tableOf } from '../engine/fixtures';

function variantTerms(text: string) {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
  return parsed.query.variants;
}

describe('isWantedVariant', () => {
  it.each([
    { query: '+mpi', wanted: ['+mpi', '++mpi'], not: ['~mpi', 'mpi=true', '+mpich'] },
    { query: '~mpi', wanted: ['~mpi', '~~mpi'], not: ['+mpi'] },
    { query: '-shared', wanted: ['~shared'], not: ['+shared', '-shared'] },
    { query: 'mpi=true', wanted: ['+mpi'], not: ['~mpi'] },
    { query: 'cuda_arch=8*', wanted: ['cuda_arch=80', 'cuda_arch=70,80'], not: ['cuda_arch=70', 'arch=80'] },
    { query: 'languages=c,c++', wanted: ["languages:='c,c++'", 'languages=c'], not: ['languages=fortran'] },
    { query: 'hdf5 +mpi api=v112', wanted: ['+mpi', 'api=v112'], not: ['api=default', '+hl'] },
    { query: 'hdf5 os=ubuntu24.04', wanted: [], not: ['+mpi', 'api=default'] },
  ])('$query', ({ query, wanted, not }) => {
    const test = isWantedVariant(variantTerms(query));
    for (const token of wanted) expect(test(token), token).toBe(true);
    for (const token of not) expect(test(token), token).toBe(false);
  });

  it('marks in every row a query matches a token for each variant term', () => {
    const token = fc.constantFrom('+mpi', '~mpi', '+hl', '~hl', 'api=v112', 'api=default', 'cuda_arch=80,90');
    const term = fc.constantFrom('+mpi', '~mpi', '+hl', 'api=v112', 'api=*', 'cuda_arch=9*');
    let matched = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(token, { maxLength: 4 }), { maxLength: 12 }),
        fc.array(term, { minLength: 1, maxLength: 3 }),
        (rows, terms) => {
          const letters = 'bcdefghijklmn';
          const table = tableOf([
            ['v1', rows.map((variants, i) => spec({ hash: hashOf(letters[i] ?? ''), variants }))],
          ]);
          const text = terms.join(' ');
          const wanted = isWantedVariant(variantTerms(text));
          const parsed = parseQuery(text);
          if (!parsed.ok) throw new Error(text);
          for (const row of filterRows(parsed.query, table)) {
            const tokens = recordAt(table, row).variants;
            matched++;
            for (const single of variantTerms(text)) {
              const forTerm = isWantedVariant([single]);
              expect(tokens.some(forTerm), `${text} on ${tokens.join(' ')}`).toBe(true);
            }
            expect(tokens.some(wanted)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
    // The property held on rows that matched, not only on empty results.
    expect(matched).toBeGreaterThan(50);
  });
});
