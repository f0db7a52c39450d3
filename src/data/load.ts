import {
  fetchBytes,
  fetchListedJson,
  LoadError,
  parseJson,
  rethrowAsLoad,
  type Fetcher,
  type OnBytes,
} from './fetch-file';
import type { HashPool } from './hash-pool';
import { mergeTables } from './merge';
import { parseManifest, parseShard } from './parse';
import { chunksFor, HashPoolCache } from './pool-chunks';
import type { Manifest, Shard, ShardRef, TagEntry } from './schema';
import { decodeShard, type SpecTable } from './spec-table';

export { HashPoolCache, LoadError, type Fetcher, type OnBytes };

/** The progress of a tag load: bytes received of the bytes its shards and pool chunks add up to. */
export type OnProgress = (loaded: number, total: number) => void;

export async function loadManifest(
  fetcher: Fetcher,
  manifestUrl: string,
  signal?: AbortSignal,
): Promise<Manifest> {
  const bytes = await fetchBytes(fetcher, manifestUrl, signal);
  try {
    return parseManifest(parseJson(bytes, manifestUrl), manifestUrl);
  } catch (error) {
    rethrowAsLoad(manifestUrl, error);
  }
}

/** What loading a tag downloads, by the manifest: its shards and the pool chunks covering its prefix. */
export function tagLoadBytes(manifest: Pick<Manifest, 'hashPool'>, tag: TagEntry): number {
  const shards = tag.shards.reduce((n, ref) => n + ref.bytes, 0);
  return chunksFor(manifest.hashPool, tag.hashPoolPrefix).reduce((n, ref) => n + ref.bytes, 0) + shards;
}

function fetchShard(
  fetcher: Fetcher,
  url: string,
  ref: ShardRef,
  signal?: AbortSignal,
  onBytes?: OnBytes,
): Promise<Shard> {
  return fetchListedJson(fetcher, url, ref, (json) => parseShard(json, url), signal, onBytes);
}

function decodeListed(shard: Shard, pool: HashPool, url: string, ref: ShardRef): SpecTable {
  try {
    const table = decodeShard({ shard, pool }, url);
    if (table.count !== ref.specCount) {
      throw new LoadError(url, `${url}: count: ${table.count} specs, the manifest says ${ref.specCount}`);
    }
    return table;
  } catch (error) {
    rethrowAsLoad(url, error);
  }
}

export interface TagLoadOptions {
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /** Pool chunks already fetched for this dataset; pass the same cache to every tag load. */
  pool?: HashPoolCache;
}

/**
 * Load every shard of one tag and the hash-pool chunks they refer into, resolving paths against the
 * manifest's own URL. Shards and chunks are fetched side by side; rows are decoded once both are in.
 */
export async function loadTag(
  fetcher: Fetcher,
  manifestUrl: string,
  manifest: Pick<Manifest, 'hashPool'>,
  tag: TagEntry,
  options: TagLoadOptions = {},
): Promise<SpecTable> {
  const { signal, onProgress } = options;
  const total = tagLoadBytes(manifest, tag);
  let loaded = 0;
  const onBytes = onProgress
    ? (bytes: number) => {
        loaded += bytes;
        onProgress(loaded, total);
      }
    : undefined;
  const cache = options.pool ?? new HashPoolCache();
  const [pool, shards] = await Promise.all([
    cache.pool(fetcher, manifestUrl, manifest.hashPool, tag.hashPoolPrefix, signal, onBytes),
    Promise.all(
      tag.shards.map(async (ref) => {
        const url = new URL(ref.path, manifestUrl).href;
        return { url, ref, shard: await fetchShard(fetcher, url, ref, signal, onBytes) };
      }),
    ),
  ]);
  const tables = shards.map(({ url, ref, shard }) => decodeListed(shard, pool, url, ref));
  for (const t of tables) {
    if (t.dicts.tag[0] !== tag.name) {
      throw new LoadError(
        manifestUrl,
        `${manifestUrl}: a shard of tag "${tag.name}" holds tag "${t.dicts.tag[0]}"`,
      );
    }
  }
  return mergeTables(tables);
}
