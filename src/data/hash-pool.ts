import { ShardDecodeError } from './decode-error';
import type { HashColumn } from './hash-column';
import { HASH_LENGTH, HASH_PATTERN, type Shard } from './schema';
import { StringDict } from './string-dict';

/**
 * The hashes a shard's `hashRef` column may point into: entries `0 … count - 1` of the dataset's pool,
 * as ASCII bytes, 32 per hash. `bytes` may run past `count` hashes (a longer pool shared by several
 * tags); refs at or past `count` are still errors.
 */
export interface HashPool {
  readonly count: number;
  readonly bytes: Uint8Array;
}

/** A shard together with the pool its `hashRef` column points into: what decoding needs. */
export interface PooledShard {
  shard: Shard;
  pool: HashPool;
}

/**
 * The bytes of ASCII text (hashes are base32). `encodeInto` a buffer of the right size: Chromium's
 * `TextEncoder.encode` takes ~40 ms per megabyte, several times longer, which a tag load would feel.
 */
export function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  new TextEncoder().encodeInto(text, bytes);
  return bytes;
}

/** A pool of the given hashes, in order (a string is the hashes concatenated). */
export function hashPoolOf(hashes: string | readonly string[]): HashPool {
  const text = typeof hashes === 'string' ? hashes : hashes.join('');
  return { count: Math.floor(text.length / HASH_LENGTH), bytes: asciiBytes(text) };
}

/** The same pool, limited to its first `count` entries (a tag's `hashPoolPrefix`). */
export function poolPrefix(pool: HashPool, count: number): HashPool {
  return { count: Math.min(count, pool.count), bytes: pool.bytes };
}

/** Joins chunk bytes, in pool order, into one pool. */
export function joinPool(chunks: readonly Uint8Array[]): HashPool {
  const size = chunks.reduce((n, c) => n + c.byteLength, 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { count: size / HASH_LENGTH, bytes };
}

/**
 * The pool as the builder grows it: each new hash gets the next entry, so encoding tags newest first
 * puts every tag's hashes in a prefix of the pool.
 */
export class HashPoolBuilder implements HashPool {
  private readonly dict = new StringDict();
  private cached: Uint8Array | null = null;

  /** The pool entry of `hash`, appending it when new. */
  ref(hash: string): number {
    if (!HASH_PATTERN.test(hash)) throw new Error(`hash pool: "${hash}" is not a 32-character base32 hash`);
    const before = this.dict.values.length;
    const ref = this.dict.code(hash);
    if (ref === before) this.cached = null;
    return ref;
  }

  get count(): number {
    return this.dict.values.length;
  }

  get hashes(): readonly string[] {
    return this.dict.values;
  }

  /** Built on demand: the builder never decodes, so it never pays for this. */
  get bytes(): Uint8Array {
    this.cached ??= hashPoolOf(this.dict.values).bytes;
    return this.cached;
  }
}

/**
 * How many pool entries delta-coded refs reach (the largest ref + 1). Takes the deltas as numbers: the
 * builder counts them before encoding (EncodedShard.hashPoolPrefix); a shard's column is text.
 */
export function refsPrefix(deltas: ArrayLike<number>): number {
  let ref = 0;
  let max = -1;
  for (let i = 0; i < deltas.length; i++) {
    ref = i === 0 ? (deltas[0] ?? 0) : ref + (deltas[i] ?? 0);
    if (ref > max) max = ref;
  }
  return max + 1;
}

/**
 * A shard's hash column: its delta-coded refs, checked to be integers inside the tag's prefix of the
 * pool, pointing into the pool's bytes (shared, not copied).
 */
export function decodeHashRefs(
  source: string,
  deltas: ArrayLike<number>,
  count: number,
  pool: HashPool,
): HashColumn {
  const field = 'columns.hashRef';
  if (deltas.length !== count)
    throw new ShardDecodeError(source, field, `has ${deltas.length} entries, expected ${count}`);
  const limit = Math.min(pool.count, Math.floor(pool.bytes.byteLength / HASH_LENGTH));
  const refs = new Uint32Array(count);
  let ref = 0;
  for (let row = 0; row < count; row++) {
    const delta = deltas[row] ?? 0;
    if (!Number.isInteger(delta))
      throw new ShardDecodeError(source, field, `row ${row}: ${delta} is not an integer`);
    ref = row === 0 ? delta : ref + delta;
    if (ref < 0 || ref >= limit) {
      throw new ShardDecodeError(
        source,
        field,
        `row ${row}: refers to pool entry ${ref}, outside the ${limit} entries this tag may use (0 … hashPoolPrefix - 1)`,
      );
    }
    refs[row] = ref;
  }
  return { pool: pool.bytes.subarray(0, limit * HASH_LENGTH), refs };
}
