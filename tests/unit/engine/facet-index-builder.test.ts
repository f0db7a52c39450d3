import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildFacetIndex, FacetIndexBuilder } from '../../../src/data/engine/facet-index-builder';
import { PostingsJob } from '../../../src/data/engine/postings-job';
import { facetColumn, facetValues } from '../../../src/data/engine/facets';
import { FACETS, tableArb } from './fixtures';

// One part per step when a step's rows cover the table: each facet's postings, each list facet's row
// keys (stack, version, variant), then the hash postings.
const PARTS = FACETS.length + 3 + 1;

describe('FacetIndexBuilder', () => {
  it('builds the same index one part per step, or the rest at once after any number of steps', () => {
    fc.assert(
      fc.property(tableArb, fc.nat(PARTS + 2), (table, steps) => {
        const whole = buildFacetIndex(table);
        const builder = new FacetIndexBuilder(table);
        for (let i = 1; i <= steps; i++) expect(builder.step()).toBe(i >= PARTS);
        expect(builder.done).toBe(steps >= PARTS);
        const index = builder.finish();
        expect(index).toEqual(whole);
        expect(builder.done).toBe(true);
        // Once finished, it is the same index, however it is asked for again.
        expect(builder.step()).toBe(true);
        expect(builder.finish()).toBe(index);
      }),
      { numRuns: 50 },
    );
  });

  it('goes through a few rows per step, and finishes the part in hand after any of them', () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 1, max: 5 }), fc.nat(200), (table, rowsPerStep, steps) => {
        const whole = buildFacetIndex(table);
        const builder = new FacetIndexBuilder(table, { rowsPerStep });
        let taken = 0;
        while (taken < steps && !builder.step()) taken++;
        // A part of n rows takes ceil(n / rowsPerStep) steps (postings: twice, a pass to count and one
        // to fill), at least one each; the hash postings one.
        const rows = (n: number) => Math.max(1, Math.ceil(n / rowsPerStep));
        const all = FACETS.length * rows(2 * table.count) + 3 * rows(table.count) + 1;
        if (builder.done) expect(taken + 1).toBe(all);
        else expect(taken).toBe(steps);
        expect(builder.finish()).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });
});

describe('PostingsJob', () => {
  it('stops at its budget: nothing comes out before every row went through both passes', () => {
    fc.assert(
      fc.property(
        tableArb,
        fc.constantFrom(...FACETS),
        fc.integer({ min: 1, max: 7 }),
        (table, facet, budget) => {
          const column = facetColumn(table, facet);
          const job = new PostingsJob(column, facetValues(column.dict, facet), table.count);
          const calls = Math.max(1, Math.ceil((2 * table.count) / budget));
          for (let i = 1; i < calls; i++) expect(job.run(budget)).toBeNull();
          const postings = job.run(budget);
          expect(postings).toEqual({ ...buildFacetIndex(table).facets[facet], keys: postings?.keys });
        },
      ),
      { numRuns: 200 },
    );
  });
});
