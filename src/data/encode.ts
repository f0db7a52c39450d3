import { SCHEMA_VERSION, SHARD_FORMAT, type Shard, type SparseColumnJson } from './schema';
import { HashPoolBuilder, refsPrefix, type PooledShard } from './hash-pool';
import { encodeInts, encodeUints } from './int-codec';
import type { SpecRecord } from './spec-table';
import { StringDict } from './string-dict';

function compareRecords(a: SpecRecord, b: SpecRecord): number {
  if (a.package !== b.package) return a.package < b.package ? -1 : 1;
  return a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0;
}

/** A shard and the pool it was encoded into: `decodeShard` takes it as it is. */
export interface EncodedShard extends PooledShard {
  pool: HashPoolBuilder;
  /**
   * How many pool entries the shard's refs reach (largest ref + 1), counted before the refs became
   * text, so the builder can set its tag's `hashPoolPrefix` without decoding the column again.
   */
  hashPoolPrefix: number;
}

/** A list column before encoding: `lengths` per row, `values` the codes. */
interface IntList {
  lengths: number[];
  values: number[];
}

/** Delta-code pool refs: rows of one package mostly point at neighbouring entries, so deltas stay small. */
function hashRefDeltas(rows: readonly SpecRecord[], pool: HashPoolBuilder): number[] {
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
  const list = (): IntList => ({ lengths: [], values: [] });
  const versions = list();
  const stacks = list();
  const variants = list();
  const push = (col: IntList, dict: StringDict, values: readonly string[]) => {
    col.lengths.push(values.length);
    for (const v of values) col.values.push(dict.code(v));
  };
  const sparse: Record<string, { rows: number[]; values: unknown[] }> = {};
  const deltas = hashRefDeltas(rows, pool);
  const ints = (): number[] => [];
  const codes = { package: ints(), compiler: ints(), os: ints(), platform: ints(), target: ints() };
  const size = ints();
  rows.forEach((r, i) => {
    codes.package.push(d.package.code(r.package));
    codes.compiler.push(d.compiler.code(r.compiler));
    codes.os.push(d.os.code(r.os));
    codes.platform.push(d.platform.code(r.platform));
    codes.target.push(d.target.code(r.target));
    push(versions, d.version, r.versions);
    push(stacks, d.stack, r.stacks);
    push(variants, d.variant, r.variants);
    size.push(typeof r.size === 'number' ? r.size : -d.sizeText.code(r.size) - 1);
    for (const [field, value] of Object.entries(r.extra)) {
      const col = (sparse[field] ??= { rows: [], values: [] });
      col.rows.push(i);
      col.values.push(value);
    }
  });
  const encodeList = (col: IntList) => ({
    lengths: encodeUints(col.lengths),
    values: encodeUints(col.values),
  });
  const columns: Shard['columns'] = {
    hashRef: encodeInts(deltas),
    package: encodeUints(codes.package),
    compiler: encodeUints(codes.compiler),
    os: encodeUints(codes.os),
    platform: encodeUints(codes.platform),
    target: encodeUints(codes.target),
    versions: encodeList(versions),
    stacks: encodeList(stacks),
    variants: encodeList(variants),
    size: encodeInts(size),
  };
  const sparseJson: Record<string, SparseColumnJson> = {};
  for (const [field, col] of Object.entries(sparse))
    sparseJson[field] = { rows: encodeUints(col.rows), values: col.values };
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
    sparse: sparseJson,
  };
  return { shard, pool, hashPoolPrefix: refsPrefix(deltas) };
}
