import type { SpecRecord } from '../../../src/data/spec-table';
import type { Problem } from '../page';
import { U32Column } from './columns';
import { EdgeTable } from './edge-table';
import { FlagsTable, ListTable, NONE, StringTable } from './dictionary';
import { LANGUAGE_VIRTUALS, type DependencyEdge, type IndexNode } from './node';

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

// A node is one row of WIDTH integers in `nodes`; these are the offsets of its fields. Strings, lists and
// flags are ids in the dictionaries, NONE where the field is null.
const HASH = 0;
const NAME = 1;
const VERSION = 2;
const PLATFORM = 3;
const OS = 4;
const TARGET = 5;
const COMPILER = 6;
const ANNOTATED = 7;
const VARIANTS = 8;
const FLAGS = 9;
const PACKAGE_HASH = 10;
const BUILD_SPEC = 11;
const PROVIDED = 12;
const SOURCE = 13;
const EDGE_START = 14;
const EDGE_COUNT = 15;
const BITS = 16;
/** The compiler shown for the node, worked out once every index is loaded. */
const RESOLVED = 17;
const WIDTH = 18;

const EXTERNAL = 1;
const IN_BUILDCACHE = 2;

/** A dependency as a record lists it: `missing` when its hash is in no loaded index. */
interface DependencyRecord extends DependencyEdge {
  missing?: true;
}

/** The size of every table when an index started, so that a failed index leaves nothing behind. */
export interface StoreMark {
  slots: number;
  nodeEdges: number;
  edges: number;
  strings: number;
  lists: number;
  flags: number;
}

/**
 * Every node of every loaded index, once per hash, dictionary-coded: a node is a row of integers, and its
 * edges are ids of distinct edges shared by every node that has them. An index is staged node by node as
 * it streams, then committed when it turned out readable, or rolled back. A hash seen again with
 * different content is a conflict, reported with both sources.
 */
export class NodeStore {
  private readonly strings = new StringTable();
  private readonly lists = new ListTable(this.strings);
  private readonly flags = new FlagsTable(this.strings, this.lists);
  private readonly nodes = new U32Column();
  private readonly nodeEdges = new U32Column();
  private readonly edges = new EdgeTable(this.strings, this.lists);
  /** By string id of a hash: 1 + the slot of its committed node. */
  private readonly slotOf = new U32Column();
  private unique = 0;
  // Records share these between tags, as they share variant lists.
  private readonly edgeRecords: Array<DependencyRecord | undefined> = [];
  private readonly dependencyLists: Array<DependencyRecord[] | undefined> = [];
  private readonly versionLists: Array<string[] | undefined> = [];

  /** Distinct hashes with a node. */
  get size(): number {
    return this.unique;
  }

  get staged(): number {
    return this.nodes.length / WIDTH;
  }

  mark(): StoreMark {
    return {
      slots: this.staged,
      nodeEdges: this.nodeEdges.length,
      edges: this.edges.size,
      strings: this.strings.size,
      lists: this.lists.size,
      flags: this.flags.size,
    };
  }

  /** Forget everything staged since `mark`; nothing may have been committed since. */
  rollback(mark: StoreMark): void {
    this.edges.truncate(mark.edges);
    this.nodes.truncate(mark.slots * WIDTH);
    this.nodeEdges.truncate(mark.nodeEdges);
    this.flags.truncate(mark.flags);
    this.lists.truncate(mark.lists);
    this.strings.truncate(mark.strings);
  }

  /** Pack a valid node of `source`; it counts once `commit` accepts it. Returns its slot. */
  stage(node: IndexNode, source: string): number {
    const slot = this.staged;
    const edgeStart = this.nodeEdges.length;
    for (const edge of node.dependencies) this.nodeEdges.push(this.edges.id(edge));
    const s = this.strings;
    const bits = (node.external ? EXTERNAL : 0) | (node.inBuildcache ? IN_BUILDCACHE : 0);
    const row = [
      s.id(node.hash),
      s.id(node.name),
      s.id(node.version),
      s.id(node.platform),
      s.id(node.os),
      s.id(node.target),
      s.optional(node.compiler),
      s.optional(node.annotatedCompiler),
      this.lists.id(node.variants),
      this.flags.id(node.flags),
      s.optional(node.packageHash),
      s.optional(node.buildSpec),
      this.lists.id(node.providedVirtuals),
      s.id(source),
      edgeStart,
      node.dependencies.length,
      bits,
      NONE,
    ];
    for (const value of row) this.nodes.push(value);
    return slot;
  }

  /** Count a staged node in its source's tally; returns the problem when it conflicts with an earlier copy. */
  commit(slot: number, tally: SourceTally): Problem | null {
    const hash = this.field(slot, HASH);
    const seen = this.slotOf.get(hash) - 1;
    if (seen >= 0 && !this.sameBuild(seen, slot)) {
      tally.rejected++;
      return {
        file: this.text(slot, SOURCE),
        field: `database.installs.${this.strings.at(hash)}`,
        message: `${this.nameAt(slot)} has the same hash as ${this.nameAt(seen)} in ${this.text(seen, SOURCE)} but different content`,
      };
    }
    if (seen < 0) {
      this.unique++;
      this.slotOf.set(hash, slot + 1);
    } else {
      // A build that is in the cache somewhere is kept as such, so it is never lost to an external copy.
      const keep = this.inBuildcache(slot) && !this.inBuildcache(seen) ? slot : seen;
      // Spack 1.3 also writes provided virtuals for nodes it read from older files, keeping their hash,
      // so one build may come with and without them: keep them when either copy has them.
      const other = keep === slot ? seen : slot;
      if (this.lists.at(this.field(keep, PROVIDED)).length === 0)
        this.nodes.set(keep * WIDTH + PROVIDED, this.field(other, PROVIDED));
      this.slotOf.set(hash, keep + 1);
    }
    (this.inBuildcache(slot) ? tally.written : tally.excluded).push(this.strings.at(hash));
    return null;
  }

  /** `name@version` of the node with this hash, or null when no loaded index has it. */
  label(hash: string): string | null {
    const slot = this.slotOfHash(hash);
    return slot < 0 ? null : this.nameAt(slot);
  }

  /**
   * The row of a spec in a tag, or undefined when no loaded index has its hash. Compilers and missing
   * dependencies are resolved against every loaded index, so rows are made once all are loaded.
   */
  record(hash: string, stacks: string[]): SpecRecord | undefined {
    const slot = this.slotOfHash(hash);
    if (slot < 0) return undefined;
    const extra: Record<string, unknown> = { in_buildcache: this.inBuildcache(slot) };
    const dependencies = this.dependencies(slot);
    if (dependencies.length > 0) extra.dependencies = dependencies;
    const flags = this.flags.at(this.field(slot, FLAGS));
    if (flags) extra.flags = flags;
    const packageHash = this.strings.optionalAt(this.field(slot, PACKAGE_HASH));
    if (packageHash !== null) extra.package_hash = packageHash;
    if (this.field(slot, BITS) & EXTERNAL) extra.external = true;
    const buildSpec = this.strings.optionalAt(this.field(slot, BUILD_SPEC));
    if (buildSpec !== null) extra.build_spec = buildSpec;
    const provided = this.lists.at(this.field(slot, PROVIDED));
    if (provided.length > 0) extra.provided_virtuals = provided;
    return {
      hash: this.text(slot, HASH),
      package: this.text(slot, NAME),
      versions: this.versions(this.field(slot, VERSION)),
      compiler: this.compiler(slot),
      os: this.text(slot, OS),
      platform: this.text(slot, PLATFORM),
      target: this.text(slot, TARGET),
      variants: this.lists.at(this.field(slot, VARIANTS)),
      stacks,
      size: '-',
      extra,
    };
  }

  private field(slot: number, offset: number): number {
    return this.nodes.get(slot * WIDTH + offset);
  }

  private text(slot: number, offset: number): string {
    return this.strings.at(this.field(slot, offset));
  }

  private nameAt(slot: number): string {
    return `${this.text(slot, NAME)}@${this.text(slot, VERSION)}`;
  }

  private inBuildcache(slot: number): boolean {
    return (this.field(slot, BITS) & IN_BUILDCACHE) !== 0;
  }

  private slotOfHash(hash: string): number {
    const id = this.strings.find(hash);
    return id === NONE ? -1 : this.slotOf.get(id) - 1;
  }

  /**
   * Two entries with one hash must describe the same build; where it sits in a cache may differ, and so
   * may how the compiler is written (a `compiler` field in v7, `annotations.compiler` once converted to
   * v8) and whether provided virtuals are written (see `commit`).
   */
  private sameBuild(a: number, b: number): boolean {
    for (const offset of [NAME, VERSION, PLATFORM, OS, TARGET, VARIANTS, FLAGS, PACKAGE_HASH, BUILD_SPEC]) {
      if (this.field(a, offset) !== this.field(b, offset)) return false;
    }
    const compiler = (slot: number) => this.field(slot, COMPILER) || this.field(slot, ANNOTATED);
    if (compiler(a) !== compiler(b)) return false;
    if ((this.field(a, BITS) & EXTERNAL) !== (this.field(b, BITS) & EXTERNAL)) return false;
    const count = this.field(a, EDGE_COUNT);
    if (count !== this.field(b, EDGE_COUNT)) return false;
    const [startA, startB] = [this.field(a, EDGE_START), this.field(b, EDGE_START)];
    for (let i = 0; i < count; i++) {
      if (this.nodeEdges.get(startA + i) !== this.nodeEdges.get(startB + i)) return false;
    }
    return true;
  }

  /** Edges found in the store are shared by every record that has them; others are marked missing. */
  private dependencies(slot: number): DependencyRecord[] {
    const cached = this.dependencyLists[slot];
    if (cached) return cached;
    const start = this.field(slot, EDGE_START);
    const list: DependencyRecord[] = [];
    for (let i = 0; i < this.field(slot, EDGE_COUNT); i++) {
      const e = this.nodeEdges.get(start + i);
      let edge = this.edgeRecords[e];
      if (!edge) {
        edge = this.edges.record(e);
        if (this.slotOf.get(this.edges.hash(e)) === 0) edge.missing = true;
        this.edgeRecords[e] = edge;
      }
      list.push(edge);
    }
    this.dependencyLists[slot] = list;
    return list;
  }

  private versions(version: number): string[] {
    let list = this.versionLists[version];
    if (!list) this.versionLists[version] = list = [this.strings.at(version)];
    return list;
  }

  /**
   * The node's own `compiler` (v7 and older), else the provider of a language virtual (v8 and later),
   * else `annotations.compiler`, else `none`.
   */
  private compiler(slot: number): string {
    let id = this.field(slot, RESOLVED) || this.field(slot, COMPILER);
    const start = this.field(slot, EDGE_START);
    for (let i = 0; id === NONE && i < this.field(slot, EDGE_COUNT); i++) {
      const e = this.nodeEdges.get(start + i);
      if (!this.lists.at(this.edges.virtuals(e)).some((v) => LANGUAGE_VIRTUALS.has(v))) continue;
      const provider = this.slotOf.get(this.edges.hash(e)) - 1;
      if (provider >= 0) id = this.strings.id(this.nameAt(provider));
    }
    id ||= this.field(slot, ANNOTATED) || this.strings.id('none');
    this.nodes.set(slot * WIDTH + RESOLVED, id);
    return this.strings.at(id);
  }
}
