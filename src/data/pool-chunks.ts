import { fetchListedFile, parseJson, rethrowAsLoad, type Fetcher, type OnBytes } from './fetch-file';
import { joinPool, type HashPool } from './hash-pool';
import { parsePoolChunk } from './parse';
import type { HashPoolRef, PoolChunkRef } from './schema';

/** The chunk files holding pool entries `0 … prefix - 1`: chunks tile the pool in order. */
export function chunksFor(hashPool: HashPoolRef, prefix: number): PoolChunkRef[] {
  return hashPool.chunks.filter((chunk) => chunk.start < prefix);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

async function fetchChunk(
  fetcher: Fetcher,
  url: string,
  ref: PoolChunkRef,
  signal?: AbortSignal,
  onBytes?: OnBytes,
): Promise<Uint8Array> {
  const bytes = await fetchListedFile(fetcher, url, ref, signal, onBytes);
  try {
    return new TextEncoder().encode(parsePoolChunk(parseJson(bytes, url), url, ref).hashes);
  } catch (error) {
    rethrowAsLoad(url, error);
  }
}

/**
 * The hash-pool chunks of a dataset fetched so far, shared by its tag loads so that each chunk is
 * fetched once: every tag needs a prefix of the pool, so most tags share their first chunks. Entries
 * are keyed by URL and SHA-256, so a rebuilt dataset's chunks never stand in for older ones.
 */
export class HashPoolCache {
  private readonly chunks = new Map<string, Promise<Uint8Array>>();
  /** The longest run of chunks joined so far: tags needing fewer of the same chunks reuse it. */
  private joined: { keys: readonly string[]; bytes: Uint8Array } = { keys: [], bytes: new Uint8Array(0) };

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
    const urls = refs.map((ref) => new URL(ref.path, manifestUrl).href);
    const keys = refs.map((ref, i) => `${urls[i] ?? ''}#${ref.sha256}`);
    const parts = await Promise.all(
      refs.map((ref, i) => this.chunk(fetcher, urls[i] ?? '', keys[i] ?? '', ref, signal, onBytes)),
    );
    return { count: prefix, bytes: this.join(keys, parts) };
  }

  private join(keys: readonly string[], parts: readonly Uint8Array[]): Uint8Array {
    if (keys.every((key, i) => this.joined.keys[i] === key)) return this.joined.bytes;
    const { bytes } = joinPool(parts);
    if (keys.length >= this.joined.keys.length) this.joined = { keys, bytes };
    return bytes;
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
