import {
  SCHEMA_VERSION,
  SHARD_FORMAT,
  type ListColumnJson,
  type Shard,
  type SparseColumnJson,
} from './schema';
import { HashPoolBuilder, type PooledShard } from './hash-pool';
import type { SpecRecord } from './spec-table';
import { StringDict } from './string-dict';

function compareRecords(a: SpecRecord, b: SpecRecord): number {
  if (a.package !== b.package) return a.package < b.package ? -1 : 1;
  return a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0;
}

/** A shard and the pool it was encoded into: `decodeShard` takes it as it is. */
export interface EncodedShard extends PooledShard {
  pool: HashPoolBuilder;
}

/** Delta-code pool refs: rows of one package mostly point at neighbouring entries, so deltas stay small. */
function hashRefs(rows: readonly SpecRecord[], pool: HashPoolBuilder): number[] {
  const out: number[] = [];
  let previous = 0;
  rows.forEach((r, i) => {
    const ref = pool.ref(r.hash);
    out.push(i === 0 ? ref : ref - previous);
    previous = ref;
  });
  return out;
}

/**
 * Encode one tag's records as a columnar shard, adding its hashes to `pool` (the dataset's, shared by
 * every shard; a fresh one by default). Rows are ordered by package then hash, which keeps output
 * deterministic and lets gzip fold runs of equal codes.
 */
export function encodeShard(
  tag: string,
  part: number,
  records: readonly SpecRecord[],
  pool = new HashPoolBuilder(),
): EncodedShard {
  const rows = [...records].sort(compareRecords);
  const d = {
    package: new StringDict(),
    version: new StringDict(),
    compiler: new StringDict(),
    os: new StringDict(),
    platform: new StringDict(),
    target: new StringDict(),
    stack: new StringDict(),
    variant: new StringDict(),
    sizeText: new StringDict(),
  };
  const list = (): ListColumnJson => ({ lengths: [], values: [] });
  const versions = list();
  const stacks = list();
  const variants = list();
  const push = (col: ListColumnJson, dict: StringDict, values: readonly string[]) => {
    col.lengths.push(values.length);
    for (const v of values) col.values.push(dict.code(v));
  };
  const sparse: Record<string, SparseColumnJson> = {};
  const columns: Shard['columns'] = {
    hashRef: hashRefs(rows, pool),
    package: [],
    compiler: [],
    os: [],
    platform: [],
    target: [],
    versions,
    stacks,
    variants,
    size: [],
  };
  rows.forEach((r, i) => {
    columns.package.push(d.package.code(r.package));
    columns.compiler.push(d.compiler.code(r.compiler));
    columns.os.push(d.os.code(r.os));
    columns.platform.push(d.platform.code(r.platform));
    columns.target.push(d.target.code(r.target));
    push(versions, d.version, r.versions);
    push(stacks, d.stack, r.stacks);
    push(variants, d.variant, r.variants);
    columns.size.push(typeof r.size === 'number' ? r.size : -d.sizeText.code(r.size) - 1);
    for (const [field, value] of Object.entries(r.extra)) {
      const col = (sparse[field] ??= { rows: [], values: [] });
      col.rows.push(i);
      col.values.push(value);
    }
  });
  const shard: Shard = {
    format: SHARD_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    tag,
    part,
    count: rows.length,
    dicts: {
      package: d.package.values,
      version: d.version.values,
      compiler: d.compiler.values,
      os: d.os.values,
      platform: d.platform.values,
      target: d.target.values,
      stack: d.stack.values,
      variant: d.variant.values,
      sizeText: d.sizeText.values,
    },
    columns,
    sparse,
  };
  return { shard, pool };
}
