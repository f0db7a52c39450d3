import { fetchListedJson, type Fetcher, type OnBytes } from './fetch-file';
import { asciiBytes, type HashPool } from './hash-pool';
import { parsePoolChunk } from './parse';
import { HASH_LENGTH, type HashPoolRef, type PoolChunkRef } from './schema';

/** The chunk files holding pool entries `0 … prefix - 1`: chunks tile the pool in order. */
export function chunksFor(hashPool: HashPoolRef, prefix: number): PoolChunkRef[] {
  return hashPool.chunks.filter((chunk) => chunk.start < prefix);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function fetchChunk(
  fetcher: Fetcher,
  url: string,
  ref: PoolChunkRef,
  signal?: AbortSignal,
  onBytes?: OnBytes,
): Promise<Uint8Array> {
  const read = (json: unknown) => asciiBytes(parsePoolChunk(json, url, ref).hashes);
  return fetchListedJson(fetcher, url, ref, read, signal, onBytes);
}

/**
 * The hash-pool chunks of a dataset fetched so far, shared by its tag loads so that each chunk is
 * fetched once: every tag needs a prefix of the pool, so most tags share their first chunks. Entries
 * are keyed by URL and SHA-256, so a rebuilt dataset's chunks never stand in for older ones.
 */
export class HashPoolCache {
  private readonly chunks = new Map<string, Promise<Uint8Array>>();
  /**
   * Every pool entry fetched so far, in one buffer, each chunk copied to its place once. The buffer is
   * sized when a load asks, before any chunk arrives, so the loads of many tags started together share
   * it without joining or copying chunks again. A buffer handed out is never written where it was read.
   */
  private store = { dataset: '', bytes: new Uint8Array(0), placed: new Set<string>() };

  /**
   * Pool entries `0 … prefix - 1`, fetching the chunks not yet here. `onBytes` hears the bytes of
   * every chunk this load needs: as they stream in, or at once for a chunk fetched before.
   */
  async pool(
    fetcher: Fetcher,
    manifestUrl: string,
    hashPool: HashPoolRef,
    prefix: number,
    signal?: AbortSignal,
    onBytes?: OnBytes,
  ): Promise<HashPool> {
    const refs = chunksFor(hashPool, prefix);
    if (refs.length === 0) return { count: 0, bytes: new Uint8Array(0) };
    const urls = refs.map((ref) => new URL(ref.path, manifestUrl).href);
    const keys = refs.map((ref, i) => `${urls[i] ?? ''}#${ref.sha256}`);
    // The first chunk names the dataset: a rebuilt one starts a buffer of its own.
    const dataset = keys[0] ?? '';
    const size = refs.reduce((n, ref) => Math.max(n, (ref.start + ref.count) * HASH_LENGTH), 0);
    this.reserve(dataset, size);
    const parts = await Promise.all(
      refs.map((ref, i) => this.chunk(fetcher, urls[i] ?? '', keys[i] ?? '', ref, signal, onBytes)),
    );
    this.reserve(dataset, size);
    const { bytes, placed } = this.store;
    refs.forEach((ref, i) => {
      const key = keys[i] ?? '';
      if (placed.has(key)) return;
      bytes.set(parts[i] ?? new Uint8Array(0), ref.start * HASH_LENGTH);
      placed.add(key);
    });
    return { count: prefix, bytes };
  }

  /** A buffer of at least `size` bytes for `dataset`, keeping the chunks already placed in it. */
  private reserve(dataset: string, size: number): void {
    if (this.store.dataset !== dataset) {
      this.store = { dataset, bytes: new Uint8Array(size), placed: new Set() };
    } else if (this.store.bytes.byteLength < size) {
      const bytes = new Uint8Array(size);
      bytes.set(this.store.bytes);
      this.store = { ...this.store, bytes };
    }
  }

  private async chunk(
    fetcher: Fetcher,
    url: string,
    key: string,
    ref: PoolChunkRef,
    signal?: AbortSignal,
    onBytes?: OnBytes,
  ): Promise<Uint8Array> {
    for (;;) {
      const pending = this.chunks.get(key);
      if (!pending) break;
      try {
        const bytes = await pending;
        onBytes?.(ref.bytes);
        return bytes;
      } catch (error) {
        // Another load's abort ended that fetch (and dropped it from the cache); this load still wants it.
        if (signal?.aborted || !isAbort(error)) throw error;
      }
    }
    const promise = fetchChunk(fetcher, url, ref, signal, onBytes);
    this.chunks.set(key, promise);
    // A failed fetch is forgotten, so that Retry fetches the chunk again.
    promise.catch(() => {
      if (this.chunks.get(key) === promise) this.chunks.delete(key);
    });
    return promise;
  }
}
