import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFacetIndex } from '../../../src/data/engine/facet-index-builder';
import { parseQuery } from '../../../src/data/query/parse-query';
import { queryMask } from '../../../src/data/query/query-mask';
import { warmUpQueries } from '../../../src/data/query/warm-up-queries';
import { hashAt } from '../../../src/data/spec-table';
import { hashOf, spec, tableArb, tableOf } from '../engine/fixtures';

const zlib = spec({ variants: ['+shared', 'build_system=cmake'] });

describe('warmUpQueries', () => {
  it.each([
    [
      'one of each kind, from the values most rows hold',
      [
        zlib,
        spec({ ...zlib, hash: hashOf('b') }),
        spec({ ...zlib, hash: hashOf('c'), os: 'rhel8' }),
        spec({
          hash: hashOf('d'),
          package: 'hdf5',
          versions: ['1.14.6'],
          compiler: 'none',
          variants: ['+mpi'],
        }),
      ],
      [
        'zlib',
        '+shared',
        'zlib +shared',
        'zlib@1.3',
        '@1.3:',
        '%gcc@11',
        'os=ubuntu22.04 target=x86_64_v3',
        'zli',
        // Row 0's hash: the table is in package order.
        '/daa',
      ],
    ],
    [
      'no compiler query when every spec says none, no variant query without a boolean variant',
      [spec({ compiler: 'none', variants: ['build_system=cmake'] })],
      ['zlib', 'zlib@1.3', '@1.3:', 'os=ubuntu22.04 target=x86_64_v3', 'zli', '/aaa'],
    ],
    [
      'versions that do not start with a digit are left out; a short name gives no text query',
      [spec({ package: 'gmp', versions: ['develop'] })],
      ['gmp', '%gcc@11', 'os=ubuntu22.04 target=x86_64_v3', '/aaa'],
    ],
  ])('%s', (_name, records, expected) => {
    const table = tableOf([['t', records]]);
    expect(warmUpQueries(buildFacetIndex(table), hashAt(table, 0))).toEqual(expected);
  });

  it('gives nothing for an empty table', () => {
    const table = tableOf([['t', []]]);
    expect(warmUpQueries(buildFacetIndex(table), null)).toEqual([]);
  });

  it('on any table, gives only queries that parse and that the engine runs', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const index = buildFacetIndex(table);
        const queries = warmUpQueries(index, table.count > 0 ? hashAt(table, 0) : null);
        for (const q of queries) {
          const parsed = parseQuery(q);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(queryMask(parsed.query, table, index).size).toBe(table.count);
        }
        // The package query names a package the table holds, so it always finds rows.
        if (table.count > 0 && queries.length > 0) {
          const first = parseQuery(queries[0] ?? '');
          if (first.ok && first.query.package !== null) {
            expect(queryMask(first.query, table, index).count()).toBeGreaterThan(0);
          }
        }
      }),
    );
  });
});
