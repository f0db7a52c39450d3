import { encodeShard } from '../../src/data/encode';
import { HashPoolBuilder } from '../../src/data/hash-pool';
import {
  HASH_POOL_FORMAT,
  MANIFEST_FORMAT,
  SCHEMA_VERSION,
  type HashPoolChunk,
  type Manifest,
  type PoolChunkRef,
  type Shard,
} from '../../src/data/schema';
import { compareTags } from '../../src/data/tags';
import type { SpecRecord } from '../../src/data/spec-table';
import type { ParsedPage, Problem } from './page';

export interface TagBuild {
  name: string;
  shards: Shard[];
  packageCount: number;
  specCount: number;
  stacks: Array<{ name: string; specCount: number }>;
  /** Pool entries `0 … hashPoolPrefix - 1` hold every hash of the tag. */
  hashPoolPrefix: number;
}

export interface BuildResult {
  tags: TagBuild[];
  /** Every distinct hash of the written tags once, in the order the tags (newest first) reach them. */
  hashPool: readonly string[];
  /** Problems that reject a page (or, across pages, a spec): fatal unless skipping invalid input. */
  errors: Problem[];
  warnings: Problem[];
}

/** Rows per shard file: large enough that the default dataset is one file per tag, small enough to stream. */
export const DEFAULT_SHARD_SIZE = 250_000;

/**
 * Hashes per pool chunk file. Small enough that a tag loads little past the hashes it uses (at 1M specs
 * a tag's prefix grows by about 1,500 hashes per older week), large enough to keep requests few.
 */
export const DEFAULT_POOL_CHUNK_SIZE = 16_384;

/**
 * Group parsed pages by tag and encode shards. A hash seen on two pages of one tag would appear twice in
 * the tag's output, so the second page is rejected with both file names.
 */
export function buildTags(pages: readonly ParsedPage[], shardSize = DEFAULT_SHARD_SIZE): BuildResult {
  const pool = new HashPoolBuilder();
  const errors: Problem[] = [];
  const warnings: Problem[] = pages.flatMap((p) => p.warnings);
  const byTag = new Map<string, ParsedPage[]>();
  for (const page of pages) {
    const list = byTag.get(page.tag) ?? [];
    list.push(page);
    byTag.set(page.tag, list);
  }
  const tags: TagBuild[] = [];
  // Newest first, as in the manifest: the pool then starts with the newest tag's hashes in row order.
  for (const name of [...byTag.keys()].sort(compareTags)) {
    const owner = new Map<string, string>();
    const packages = new Map<string, string>();
    const records: SpecRecord[] = [];
    for (const page of byTag.get(name) ?? []) {
      const samePackage = packages.get(page.package);
      if (samePackage !== undefined) {
        errors.push({
          file: page.file,
          field: 'title',
          message: `package "${page.package}" also comes from ${samePackage}`,
        });
        continue;
      }
      const clash = page.specs.find((s) => owner.has(s.hash));
      if (clash) {
        errors.push({
          file: page.file,
          field: 'spec_details.hash',
          message: `hash ${clash.hash} is also on ${owner.get(clash.hash)} in tag ${name}`,
        });
        continue;
      }
      packages.set(page.package, page.file);
      for (const s of page.specs) owner.set(s.hash, page.file);
      records.push(...page.specs);
    }
    const stackCounts = new Map<string, number>();
    for (const r of records) for (const st of r.stacks) stackCounts.set(st, (stackCounts.get(st) ?? 0) + 1);
    const sorted = [...records].sort((a, b) => (a.package < b.package ? -1 : a.package > b.package ? 1 : 0));
    const shards: Shard[] = [];
    // The prefix comes from each shard's refs as the encoder counted them: the column itself is text.
    let hashPoolPrefix = 0;
    for (let start = 0, part = 0; start < sorted.length || part === 0; start += shardSize, part++) {
      const encoded = encodeShard(name, part, sorted.slice(start, start + shardSize), pool);
      shards.push(encoded.shard);
      hashPoolPrefix = Math.max(hashPoolPrefix, encoded.hashPoolPrefix);
    }
    tags.push({
      name,
      shards,
      hashPoolPrefix,
      packageCount: packages.size,
      specCount: records.length,
      stacks: [...stackCounts.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([stack, specCount]) => ({ name: stack, specCount })),
    });
  }
  return { tags, hashPool: pool.hashes, errors, warnings };
}

/**
 * Where pool chunks end: every `size` hashes, and also at the newest tag's prefix, so that the default
 * view fetches its own hashes and no more. Returns `[start, end)` pairs tiling `0 … count - 1`.
 */
export function poolChunkBounds(count: number, newestPrefix: number, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const cut = (from: number, to: number) => {
    for (let start = from; start < to; start += size) out.push([start, Math.min(to, start + size)]);
  };
  cut(0, Math.min(newestPrefix, count));
  cut(Math.min(newestPrefix, count), count);
  return out;
}

export interface ShardFile {
  path: string;
  text: string;
}

function poolChunkFiles(
  hashPool: readonly string[],
  newestPrefix: number,
  chunkSize: number,
  sha256: (text: string) => string,
): { refs: PoolChunkRef[]; files: ShardFile[] } {
  const refs: PoolChunkRef[] = [];
  const files: ShardFile[] = [];
  poolChunkBounds(hashPool.length, newestPrefix, chunkSize).forEach(([start, end], i) => {
    const chunk: HashPoolChunk = {
      format: HASH_POOL_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      start,
      count: end - start,
      hashes: hashPool.slice(start, end).join(''),
    };
    const text = JSON.stringify(chunk);
    const digest = sha256(text);
    const file = `hashes/pool-${String(i).padStart(4, '0')}.${digest.slice(0, 12)}.json`;
    files.push({ path: file, text });
    refs.push({ path: file, bytes: Buffer.byteLength(text), sha256: digest, start, count: end - start });
  });
  return { refs, files };
}

/**
 * Serialise shards, hash-pool chunks and the manifest; the manifest records each file's size and
 * SHA-256. `poolChunkSize` is the most hashes a pool chunk file holds.
 */
export function serialise(
  build: Pick<BuildResult, 'tags' | 'hashPool'>,
  meta: { generatedAt: string; generator: string; sources: Manifest['sources']; notes: string[] },
  sha256: (text: string) => string,
  poolChunkSize = DEFAULT_POOL_CHUNK_SIZE,
): { manifest: Manifest; files: ShardFile[] } {
  const { tags, hashPool } = build;
  const pool = poolChunkFiles(hashPool, tags[0]?.hashPoolPrefix ?? 0, poolChunkSize, sha256);
  const files: ShardFile[] = [...pool.files];
  const manifestTags = tags.map((tag) => ({
    name: tag.name,
    specCount: tag.specCount,
    packageCount: tag.packageCount,
    stacks: tag.stacks,
    hashPoolPrefix: tag.hashPoolPrefix,
    shards: tag.shards.map((shard) => {
      const text = JSON.stringify(shard);
      const digest = sha256(text);
      // The digest in the name makes every shard URL immutable, so it can be cached forever.
      const file = `shards/${safeName(tag.name)}.${shard.part}.${digest.slice(0, 12)}.json`;
      files.push({ path: file, text });
      return { path: file, bytes: Buffer.byteLength(text), sha256: digest, specCount: shard.count };
    }),
  }));
  return {
    manifest: {
      format: MANIFEST_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      ...meta,
      hashPool: { count: hashPool.length, chunks: pool.refs },
      tags: manifestTags,
    },
    files,
  };
}

function safeName(tag: string): string {
  return tag.replace(/[^A-Za-z0-9._-]/g, '_');
}
