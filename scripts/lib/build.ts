import { encodeShard } from '../../src/data/encode';
import { MANIFEST_FORMAT, SCHEMA_VERSION, type Manifest, type Shard } from '../../src/data/schema';
import { compareTags } from '../../src/data/tags';
import type { SpecRecord } from '../../src/data/spec-table';
import type { ParsedPage, Problem } from './page';

export interface TagBuild {
  name: string;
  shards: Shard[];
  packageCount: number;
  specCount: number;
  stacks: Array<{ name: string; specCount: number }>;
}

export interface BuildResult {
  tags: TagBuild[];
  /** Problems that reject a page (or, across pages, a spec): fatal unless skipping invalid input. */
  errors: Problem[];
  warnings: Problem[];
}

/** Rows per shard file: large enough that the default dataset is one file per tag, small enough to stream. */
export const DEFAULT_SHARD_SIZE = 250_000;

/**
 * Group parsed pages by tag and encode shards. A hash seen on two pages of one tag would appear twice in
 * the tag's output, so the second page is rejected with both file names.
 */
export function buildTags(pages: readonly ParsedPage[], shardSize = DEFAULT_SHARD_SIZE): BuildResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = pages.flatMap((p) => p.warnings);
  const byTag = new Map<string, ParsedPage[]>();
  for (const page of pages) {
    const list = byTag.get(page.tag) ?? [];
    list.push(page);
    byTag.set(page.tag, list);
  }
  const tags: TagBuild[] = [];
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
    for (let start = 0, part = 0; start < sorted.length || part === 0; start += shardSize, part++) {
      shards.push(encodeShard(name, part, sorted.slice(start, start + shardSize)));
    }
    tags.push({
      name,
      shards,
      packageCount: packages.size,
      specCount: records.length,
      stacks: [...stackCounts.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([stack, specCount]) => ({ name: stack, specCount })),
    });
  }
  return { tags, errors, warnings };
}

export interface ShardFile {
  path: string;
  text: string;
}

/** Serialise shards and the manifest; the manifest records each file's size and SHA-256. */
export function serialise(
  tags: readonly TagBuild[],
  meta: { generatedAt: string; generator: string; sources: Manifest['sources']; notes: string[] },
  sha256: (text: string) => string,
): { manifest: Manifest; files: ShardFile[] } {
  const files: ShardFile[] = [];
  const manifestTags = tags.map((tag) => ({
    name: tag.name,
    specCount: tag.specCount,
    packageCount: tag.packageCount,
    stacks: tag.stacks,
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
    manifest: { format: MANIFEST_FORMAT, schemaVersion: SCHEMA_VERSION, ...meta, tags: manifestTags },
    files,
  };
}

function safeName(tag: string): string {
  return tag.replace(/[^A-Za-z0-9._-]/g, '_');
}
