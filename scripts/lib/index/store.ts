import type { SpecRecord } from '../../../src/data/spec-table';
import type { Problem } from '../page';
import { LANGUAGE_VIRTUALS, sameBuild, type IndexNode } from './node';

/** What one loaded index contributed. `read = written + excluded + rejected` holds for every source. */
export interface SourceTally {
  location: string;
  read: number;
  /** Hashes of valid entries in the build cache: the rows this index puts in its tag. */
  written: string[];
  /** Valid entries with `in_buildcache: false`: not rows, but they still resolve as dependencies. */
  excluded: string[];
  rejected: number;
}

export function emptyTally(location: string): SourceTally {
  return { location, read: 0, written: [], excluded: [], rejected: 0 };
}

/**
 * Every node of every loaded index, once per hash: merging many tags that share builds keeps one copy.
 * A hash seen again with different content is a conflict, reported with both sources.
 */
export class NodeStore {
  private readonly nodes = new Map<string, { node: IndexNode; source: string }>();

  get size(): number {
    return this.nodes.size;
  }

  get(hash: string): IndexNode | undefined {
    return this.nodes.get(hash)?.node;
  }

  /** Add a valid node to the store and to its source's tally; returns the problem when it conflicts. */
  add(source: string, node: IndexNode, tally: SourceTally): Problem | null {
    const seen = this.nodes.get(node.hash);
    if (seen && !sameBuild(seen.node, node)) {
      tally.rejected++;
      return {
        file: source,
        field: `database.installs.${node.hash}`,
        message: `${node.name}@${node.version} has the same hash as ${seen.node.name}@${seen.node.version} in ${seen.source} but different content`,
      };
    }
    // A build that is in the cache somewhere is kept as such, so it is never lost to an external copy.
    if (!seen || (node.inBuildcache && !seen.node.inBuildcache)) this.nodes.set(node.hash, { node, source });
    (node.inBuildcache ? tally.written : tally.excluded).push(node.hash);
    return null;
  }
}

function compilerOf(node: IndexNode, store: NodeStore): string {
  if (node.compiler) return node.compiler;
  for (const edge of node.dependencies) {
    if (!edge.virtuals.some((v) => LANGUAGE_VIRTUALS.has(v))) continue;
    const provider = store.get(edge.hash);
    if (provider) return `${provider.name}@${provider.version}`;
  }
  return node.annotatedCompiler ?? 'none';
}

/** The tag-independent part of a record (stacks are per tag); resolves compilers and dependencies. */
export function toRecord(node: IndexNode, store: NodeStore): SpecRecord {
  const extra: Record<string, unknown> = { in_buildcache: node.inBuildcache };
  if (node.dependencies.length > 0) {
    // Edges found in the store are shared, not copied: at a million edges the copies were a third of the memory.
    extra.dependencies = node.dependencies.map((d) => (store.get(d.hash) ? d : { ...d, missing: true }));
  }
  if (node.flags) extra.flags = node.flags;
  if (node.packageHash !== null) extra.package_hash = node.packageHash;
  if (node.external) extra.external = true;
  if (node.buildSpec !== null) extra.build_spec = node.buildSpec;
  return {
    hash: node.hash,
    package: node.name,
    versions: [node.version],
    compiler: compilerOf(node, store),
    os: node.os,
    platform: node.platform,
    target: node.target,
    variants: node.variants,
    stacks: [],
    size: '-',
    extra,
  };
}
