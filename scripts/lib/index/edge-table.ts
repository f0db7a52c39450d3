import { U32Column } from './columns';
import type { ListTable, StringTable } from './dictionary';
import type { DependencyEdge } from './node';

// A distinct edge (name, hash, deptypes, virtuals) is one row of WIDTH integers. The edges to one hash
// are chained from `head[hash]` through NEXT (1 + edge id, 0 ends the chain).
const NAME = 0;
const HASH = 1;
const DEPTYPES = 2;
const VIRTUALS = 3;
const NEXT = 4;
const WIDTH = 5;

/**
 * Dependency edges, each distinct one stored once and shared by every node that has it: a few thousand
 * distinct edges serve the millions of dependency entries of a large index. Strings and lists are ids in
 * the store's own tables.
 */
export class EdgeTable {
  private readonly rows = new U32Column();
  /** By string id of a hash: 1 + the newest edge to it. */
  private readonly head = new U32Column();

  constructor(
    private readonly strings: StringTable,
    private readonly lists: ListTable,
  ) {}

  get size(): number {
    return this.rows.length / WIDTH;
  }

  /** The id of `edge`, added when new. */
  id(edge: DependencyEdge): number {
    const name = this.strings.id(edge.name);
    const hash = this.strings.id(edge.hash);
    const deptypes = this.lists.id(edge.deptypes);
    const virtuals = this.lists.id(edge.virtuals);
    for (let e = this.head.get(hash) - 1; e >= 0; e = this.field(e, NEXT) - 1) {
      const same =
        this.field(e, NAME) === name &&
        this.field(e, DEPTYPES) === deptypes &&
        this.field(e, VIRTUALS) === virtuals;
      if (same) return e;
    }
    const id = this.size;
    for (const value of [name, hash, deptypes, virtuals, this.head.get(hash)]) this.rows.push(value);
    this.head.set(hash, id + 1);
    return id;
  }

  /** String id of the hash the edge points to. */
  hash(edge: number): number {
    return this.field(edge, HASH);
  }

  /** List id of the virtuals the edge's target provides to the node. */
  virtuals(edge: number): number {
    return this.field(edge, VIRTUALS);
  }

  record(edge: number): DependencyEdge {
    return {
      name: this.strings.at(this.field(edge, NAME)),
      hash: this.strings.at(this.field(edge, HASH)),
      deptypes: this.lists.at(this.field(edge, DEPTYPES)),
      virtuals: this.lists.at(this.field(edge, VIRTUALS)),
    };
  }

  /** Forget every edge from id `size` on; newer edges head their chains, so newest first restores them. */
  truncate(size: number): void {
    for (let e = this.size - 1; e >= size; e--) this.head.set(this.field(e, HASH), this.field(e, NEXT));
    this.rows.truncate(size * WIDTH);
  }

  private field(edge: number, offset: number): number {
    return this.rows.get(edge * WIDTH + offset);
  }
}
