import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodeShard } from '../../../src/data/encode';
import { mergeSteps, mergeTables } from '../../../src/data/merge';
import { decodeShard, recordAt, type SpecRecord, type SpecTable } from '../../../src/data/spec-table';
import { hashOf, spec } from '../engine/fixtures';

const tagTable = (tag: string, records: SpecRecord[]) =>
  decodeShard(encodeShard(tag, 0, records), `${tag}.json`);
const records = (t: SpecTable) => Array.from({ length: t.count }, (_, row) => recordAt(t, row));

const partsArb = fc.array(
  fc.array(
    fc.record({
      seed: fc.constantFrom('a', 'b', 'c'),
      os: fc.constantFrom('rhel8', 'ubuntu24.04'),
      variants: fc.subarray(['+mpi', '~mpi', 'build_system=cmake']),
      stacks: fc.subarray(['root', 'e4s']),
    }),
    { maxLength: 5 },
  ),
  { minLength: 2, maxLength: 4 },
);

describe('mergeSteps', () => {
  it('steps at least once per part, and ends with the rows of every part in order', () => {
    fc.assert(
      fc.property(partsArb, (specs) => {
        const parts = specs.map((list, p) =>
          tagTable(
            `t${p}`,
            list.map((s) => spec({ hash: hashOf(s.seed), os: s.os, variants: s.variants, stacks: s.stacks })),
          ),
        );
        const steps = mergeSteps(parts);
        let yields = 0;
        let step = steps.next();
        for (; !step.done; step = steps.next()) yields++;
        expect(yields).toBeGreaterThanOrEqual(parts.length);
        expect(records(step.value)).toEqual(parts.flatMap(records));
        expect(step.value).toEqual(mergeTables(parts));
      }),
    );
  });
});
