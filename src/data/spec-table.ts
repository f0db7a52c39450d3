import { ShardDecodeError } from './decode-error';
import { hashOf, type HashColumn } from './hash-column';
import { decodeHashRefs, type PooledShard } from './hash-pool';
import { countValues, decodeInts, decodeUints32, decodeUints32Into } from './int-codec';
import type { DictName, ListColumnJson } from './schema';

/** One spec as the source had it: a `spec_details` entry plus the package (page title) it belongs to. */
export interface SpecRecord {
  hash: string;
  package: string;
  versions: string[];
  compiler: string;
  os: string;
  platform: string;
  target: string;
  variants: string[];
  stacks: string[];
  /** Bytes when the source gave a number, otherwise the source's text (`-` on today's pages). */
  size: number | string;
  /** Fields present on some entries only (`tarball`), and fields this contract does not know yet. */
  extra: Record<string, unknown>;
}

/** CSR list column: row i owns values[offsets[i] .. offsets[i+1]). */
export interface ListColumn {
  offsets: Uint32Array;
  values: Uint32Array;
}

export type Dicts = Record<DictName, string[]> & { tag: string[] };

/**
 * In-memory columnar table of specs. Every string is stored once in a dictionary, every row is small
 * integers in typed arrays, so filtering and counting at a million rows never allocates row objects.
 */
export interface SpecTable {
  count: number;
  /** Each row's hash, as a ref into a pool of hashes (see hash-column.ts). */
  hashes: HashColumn;
  dicts: Dicts;
  tag: Uint32Array;
  package: Uint32Array;
  compiler: Uint32Array;
  os: Uint32Array;
  platform: Uint32Array;
  target: Uint32Array;
  versions: ListColumn;
  stacks: ListColumn;
  variants: ListColumn;
  /** >= 0: bytes; < 0: text, dicts.sizeText[-size - 1]. */
  size: Float64Array;
  /** Sparse columns by field name, keyed by row index. */
  extra: Map<string, Map<number, unknown>>;
}

export { ShardDecodeError };

export function hashAt(table: SpecTable, row: number): string {
  return hashOf(table.hashes, row);
}

export function listAt(col: ListColumn, dict: readonly string[], row: number): string[] {
  const out: string[] = [];
  const end = col.offsets[row + 1] ?? 0;
  for (let k = col.offsets[row] ?? 0; k < end; k++) out.push(dict[col.values[k] ?? 0] ?? '');
  return out;
}

function dictValue(dict: readonly string[], code: number | undefined): string {
  return dict[code ?? 0] ?? '';
}

/** A size in bytes, or null for the source's `-` and any other text that is not a byte count. */
export function sizeBytes(size: number | string): number | null {
  if (typeof size === 'number') return size;
  return /^\d+$/.test(size.trim()) ? Number(size.trim()) : null;
}

export function sizeAt(table: SpecTable, row: number): number | string {
  const v = table.size[row] ?? 0;
  return v >= 0 ? v : dictValue(table.dicts.sizeText, -v - 1);
}

/**
 * Whether any row has a size in bytes. Real cache pages give `-` for every spec, and a column that
 * reads "unknown" on every row only takes room from the others.
 */
export function hasKnownSize(table: SpecTable): boolean {
  const knownText = table.dicts.sizeText.map((text) => sizeBytes(text) !== null);
  for (let row = 0; row < table.count; row++) {
    const v = table.size[row];
    if (v !== undefined && (v >= 0 || knownText[-v - 1] === true)) return true;
  }
  return false;
}

/** Materialise one row, for display of a handful of visible rows and for round-trip tests. */
export function recordAt(table: SpecTable, row: number): SpecRecord & { tag: string } {
  const extra: Record<string, unknown> = {};
  for (const [field, values] of table.extra) if (values.has(row)) extra[field] = values.get(row);
  return {
    tag: dictValue(table.dicts.tag, table.tag[row]),
    hash: hashAt(table, row),
    package: dictValue(table.dicts.package, table.package[row]),
    versions: listAt(table.versions, table.dicts.version, row),
    compiler: dictValue(table.dicts.compiler, table.compiler[row]),
    os: dictValue(table.dicts.os, table.os[row]),
    platform: dictValue(table.dicts.platform, table.platform[row]),
    target: dictValue(table.dicts.target, table.target[row]),
    variants: listAt(table.variants, table.dicts.variant, row),
    stacks: listAt(table.stacks, table.dicts.stack, row),
    size: sizeAt(table, row),
    extra,
  };
}

function checkCodes(source: string, field: string, codes: Uint32Array, dictSize: number): void {
  for (let i = 0; i < codes.length; i++) {
    if ((codes[i] ?? 0) >= dictSize) {
      throw new ShardDecodeError(
        source,
        field,
        `entry ${i} is ${codes[i]}, past the dictionary (${dictSize})`,
      );
    }
  }
}

/**
 * Lengths first, decoded straight into `offsets[1…]` and summed in place; their sum is how many codes
 * `values` must hold, so both decode into exact arrays with no temporary one.
 */
function decodeList(
  source: string,
  field: string,
  col: ListColumnJson,
  count: number,
  dictSize: number,
): ListColumn {
  const offsets = new Uint32Array(count + 1);
  decodeUints32Into(source, `${field}.lengths`, col.lengths, offsets.subarray(1));
  let total = 0;
  for (let i = 1; i <= count; i++) {
    total += offsets[i] ?? 0;
    offsets[i] = total;
  }
  // Checked after the loop: a sum past 2^32 - 1 would have wrapped in the array, and only then matters.
  if (total > 0xffff_ffff)
    throw new ShardDecodeError(source, `${field}.lengths`, `add up to ${total}, past 2^32 - 1`);
  const values = decodeUints32(source, `${field}.values`, col.values, total, `lengths add up to ${total}`);
  checkCodes(source, `${field}.values`, values, dictSize);
  return { offsets, values };
}

/**
 * Turn a schema-valid shard into a SpecTable, checking what zod cannot: each column's text (int-codec),
 * column lengths against `count`, codes against dictionary sizes, and hash refs against the pool (the
 * tag's prefix of it). `source` names the file in every error.
 */
export function decodeShard({ shard, pool }: PooledShard, source: string): SpecTable {
  const { count, dicts, columns } = shard;
  const deltas = decodeInts(source, 'columns.hashRef', columns.hashRef, count);
  const hashes = decodeHashRefs(source, deltas, count, pool);
  const scalar = (field: 'package' | 'compiler' | 'os' | 'platform' | 'target') => {
    const codes = decodeUints32(source, `columns.${field}`, columns[field], count);
    checkCodes(source, `columns.${field}`, codes, dicts[field].length);
    return codes;
  };
  const size = decodeInts(source, 'columns.size', columns.size, count);
  for (let i = 0; i < count; i++) {
    const s = size[i] ?? 0;
    if (s < 0 && -s - 1 >= dicts.sizeText.length) {
      throw new ShardDecodeError(source, 'columns.size', `entry ${i} is ${s}, past dicts.sizeText`);
    }
  }
  const extra = new Map<string, Map<number, unknown>>();
  for (const [field, col] of Object.entries(shard.sparse)) {
    // Sized by the text itself, so that a bad character is named before the lengths are compared.
    const rows = decodeUints32(source, `sparse.${field}.rows`, col.rows, countValues(col.rows));
    if (rows.length !== col.values.length) {
      throw new ShardDecodeError(source, `sparse.${field}`, 'rows and values differ in length');
    }
    const values = new Map<number, unknown>();
    rows.forEach((row, k) => {
      if (row >= count)
        throw new ShardDecodeError(source, `sparse.${field}.rows`, `row ${row} is past ${count}`);
      values.set(row, col.values[k]);
    });
    extra.set(field, values);
  }
  return {
    count,
    hashes,
    dicts: { ...dicts, tag: [shard.tag] },
    tag: new Uint32Array(count),
    package: scalar('package'),
    compiler: scalar('compiler'),
    os: scalar('os'),
    platform: scalar('platform'),
    target: scalar('target'),
    versions: decodeList(source, 'columns.versions', columns.versions, count, dicts.version.length),
    stacks: decodeList(source, 'columns.stacks', columns.stacks, count, dicts.stack.length),
    variants: decodeList(source, 'columns.variants', columns.variants, count, dicts.variant.length),
    size,
    extra,
  };
}

export function emptyTable(): SpecTable {
  const emptyList = (): ListColumn => ({ offsets: new Uint32Array(1), values: new Uint32Array(0) });
  return {
    count: 0,
    hashes: { pool: new Uint8Array(0), refs: new Uint32Array(0) },
    dicts: emptyDicts(),
    tag: new Uint32Array(0),
    package: new Uint32Array(0),
    compiler: new Uint32Array(0),
    os: new Uint32Array(0),
    platform: new Uint32Array(0),
    target: new Uint32Array(0),
    versions: emptyList(),
    stacks: emptyList(),
    variants: emptyList(),
    size: new Float64Array(0),
    extra: new Map(),
  };
}

function emptyDicts(): Dicts {
  return {
    package: [],
    version: [],
    compiler: [],
    os: [],
    platform: [],
    target: [],
    stack: [],
    variant: [],
    sizeText: [],
    tag: [],
  };
}
