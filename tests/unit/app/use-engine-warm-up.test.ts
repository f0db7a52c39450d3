import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEngineWarmUp } from '../../../src/app/use-engine-warm-up';
import { buildFacetIndex } from '../../../src/data/engine/facet-index-builder';
import { parseQuery } from '../../../src/data/query/parse-query';
import { queryMask } from '../../../src/data/query/query-mask';
import { warmUpQueries } from '../../../src/data/query/warm-up-queries';
import { hashAt } from '../../../src/data/spec-table';
import { hashOf, spec, tableOf } from '../engine/fixtures';

// Counted, not replaced: the warm-up must run the real engine.
vi.mock('../../../src/data/query/query-mask', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/data/query/query-mask')>();
  return { ...real, queryMask: vi.fn(real.queryMask) };
});

const calls = () => vi.mocked(queryMask).mock.calls;
/** Long enough for the frame the warm-up waits for and every task after it (jsdom's frames are timers). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 120));

function fixture() {
  const table = tableOf([
    [
      't',
      [spec({ variants: ['+shared'] }), spec({ hash: hashOf('b'), package: 'hdf5', versions: ['1.14.6'] })],
    ],
  ]);
  const index = buildFacetIndex(table);
  return { table, index, queries: warmUpQueries(index, hashAt(table, 0)) };
}

afterEach(() => vi.mocked(queryMask).mockClear());

describe('useEngineWarmUp', () => {
  it('once idle, runs each warm-up query through the engine, in order, on this table', async () => {
    const { table, index, queries } = fixture();
    expect(queries.length).toBeGreaterThan(3);
    renderHook(() => useEngineWarmUp(table, index, true));
    expect(calls()).toHaveLength(0);
    await settle();
    expect(calls().map(([query]) => query)).toEqual(
      queries.map((q) => {
        const parsed = parseQuery(q);
        return parsed.ok ? parsed.query : null;
      }),
    );
    expect(calls().every(([, t, i]) => t === table && i === index)).toBe(true);
  });

  it('does nothing while not idle, or before the index is in', async () => {
    const { table, index } = fixture();
    renderHook(() => useEngineWarmUp(table, index, false));
    renderHook(() => useEngineWarmUp(table, null, true));
    await settle();
    expect(calls()).toHaveLength(0);
  });

  it('stops when the page stops being idle, and runs one whole pass per table', async () => {
    const { table, index, queries } = fixture();
    const { rerender } = renderHook(({ idle }) => useEngineWarmUp(table, index, idle), {
      initialProps: { idle: true },
    });
    // The user types before the first task: nothing runs.
    rerender({ idle: false });
    await settle();
    expect(calls()).toHaveLength(0);
    rerender({ idle: true });
    await settle();
    expect(calls()).toHaveLength(queries.length);
    // Idle again later (the box cleared): this table is warm already.
    rerender({ idle: false });
    rerender({ idle: true });
    await settle();
    expect(calls()).toHaveLength(queries.length);
  });
});
