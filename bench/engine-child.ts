/**
 * One load of a built dataset and the query mix, in a fresh process so that the heap figure is this
 * load's alone. Run with `node --expose-gc --import tsx bench/engine-child.ts --data <dir> --repeats N`;
 * prints one JSON line (EngineRun) on stdout.
 */
import { parseArgs } from 'node:util';
import { countBy, crossCount } from '../src/data/engine/aggregate';
import { facetCounts } from '../src/data/engine/facet-count-job';
import { filterRows } from '../src/data/engine/facets';
import { buildFacetIndex } from '../src/data/engine/facet-index-builder';
import { bitsetOrder } from '../src/data/engine/row-order';
import { sortRows } from '../src/data/engine/sort';
import { joinPool, poolPrefix } from '../src/data/hash-pool';
import { mergeTables } from '../src/data/merge';
import { parsePoolChunk, parseShard } from '../src/data/parse';
import { parseQuery } from '../src/data/query/parse-query';
import { queryMask } from '../src/data/query/query-mask';
import { decodeShard, type SpecTable } from '../src/data/spec-table';
import type { EngineRun } from './engine-run';
import { readDataFiles } from './load-data';
import { QUERY_CASES, selectionOf } from './queries';

function gc(): void {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

const now = () => performance.now();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, repeats: { type: 'string', default: '5' } },
  });
  if (!values.data) throw new Error('--data is required');
  const repeats = Number(values.repeats);
  const files = await readDataFiles(values.data);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  gc();
  const load = { parse: 0, validate: 0, decode: 0, merge: 0, index: 0, total: 0 };
  const start = now();
  // The hash pool first, as the app's first tag load waits for its chunks before decoding rows.
  const poolParts: Uint8Array[] = [];
  for (const chunk of files.pool) {
    let t = now();
    const json: unknown = JSON.parse(decoder.decode(chunk.bytes));
    load.parse += now() - t;
    t = now();
    const parsed = parsePoolChunk(json, chunk.path, chunk.ref);
    load.validate += now() - t;
    t = now();
    poolParts.push(encoder.encode(parsed.hashes));
    load.decode += now() - t;
  }
  let t = now();
  const pool = joinPool(poolParts);
  poolParts.length = 0;
  load.decode += now() - t;
  const perTag: SpecTable[] = [];
  for (const tag of files.tags) {
    const parts: SpecTable[] = [];
    for (const shard of tag.shards) {
      let t = now();
      const json: unknown = JSON.parse(decoder.decode(shard.bytes));
      load.parse += now() - t;
      t = now();
      const parsed = parseShard(json, shard.path);
      load.validate += now() - t;
      t = now();
      parts.push(decodeShard({ shard: parsed, pool: poolPrefix(pool, tag.hashPoolPrefix) }, shard.path));
      load.decode += now() - t;
    }
    const t = now();
    perTag.push(mergeTables(parts));
    load.merge += now() - t;
  }
  t = now();
  const table = mergeTables(perTag);
  perTag.length = 0;
  load.merge += now() - t;
  t = now();
  const index = buildFacetIndex(table);
  load.index = now() - t;
  load.total = now() - start;
  // The shard and pool bytes stand in for the network: drop them before measuring what the app keeps.
  files.tags.length = 0;
  files.pool.length = 0;
  // V8 returns dead ArrayBuffers' memory from a background sweeper after the collection, so right after
  // one gc() the dropped bytes may still be counted (two of three 1M runs read ~37 MB high). Collect
  // until the figure stops falling.
  let mem = process.memoryUsage();
  let settled = false;
  for (let round = 0; round < 5 && !settled; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = process.memoryUsage();
    settled = round > 0 && next.arrayBuffers >= mem.arrayBuffers;
    mem = next;
  }
  if (!settled)
    process.stderr.write('engine child: heap still falling after 5 collections; figure may be high\n');
  const mb = (n: number) => n / 2 ** 20;
  const heapMB = {
    heapUsed: mb(mem.heapUsed),
    arrayBuffers: mb(mem.arrayBuffers),
    total: mb(mem.heapUsed + mem.arrayBuffers),
  };

  const samples: EngineRun['samples'] = { filter: [], counts: [], charts: [], sort: [], interaction: [] };
  const matches: Record<string, number> = {};
  const sortBuffer = new Uint32Array(table.count);
  for (let r = 0; r <= repeats; r++) {
    for (const c of QUERY_CASES) {
      const t0 = now();
      const parsed = parseQuery(c.q);
      if (!parsed.ok) throw new Error(`query "${c.q}" does not parse: ${parsed.error.message}`);
      const mask = c.q === '' ? null : queryMask(parsed.query, table, index);
      const selection = selectionOf(c);
      const set = filterRows(index, selection, mask);
      // As the app: the table reads the result by position from its bitset; a sort writes it out first,
      // into a buffer kept for the purpose.
      const order = bitsetOrder(set);
      const t1 = now();
      facetCounts(index, selection, mask);
      const t2 = now();
      countBy(table, set, 'package', index);
      countBy(table, set, 'os', index);
      countBy(table, set, 'compiler', index);
      crossCount(table, set, 'stack', 'target', index);
      const t3 = now();
      sortRows(table, set.toIndices(sortBuffer), c.sort, r % 2 === 1);
      const t4 = now();
      matches[c.name] = order.length;
      // The first round warms up the JIT and the per-dictionary caches; it is not a sample.
      if (r === 0) continue;
      samples.filter.push(t1 - t0);
      samples.counts.push(t2 - t1);
      samples.charts.push(t3 - t2);
      samples.sort.push(t4 - t3);
      samples.interaction.push(t4 - t0);
    }
  }
  const run: EngineRun = { rows: table.count, loadMs: load, heapMB, samples, matches };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

await main();
