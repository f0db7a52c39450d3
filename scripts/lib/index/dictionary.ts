/**
 * Dictionary coding for the node store: every string and string list it keeps is held once and named by a
 * small integer, so a node is a row of integers. Id 0 of a string table means "none" (a null field).
 * Tables only grow, except that `truncate` drops what a failed index added since a mark.
 */

/**
 * A copy of `text` that shares no memory with it. The streaming parser's strings are slices of its 1 MB
 * read buffer, so keeping one keeps that whole buffer alive: kept as they came, a 185 MB index held most
 * of its text in memory. A JSON round trip is exact for every string, lone surrogates included.
 */
function detached(text: string): string {
  const copy: unknown = JSON.parse(JSON.stringify(text));
  return typeof copy === 'string' ? copy : text;
}

export const NONE = 0;

export class StringTable {
  private readonly ids = new Map<string, number>();
  /** Index 0 is the "none" placeholder, never returned by `id`. */
  private readonly values: string[] = [''];

  get size(): number {
    return this.values.length;
  }

  id(text: string): number {
    const seen = this.ids.get(text);
    if (seen !== undefined) return seen;
    const id = this.values.length;
    const copy = detached(text);
    this.values.push(copy);
    this.ids.set(copy, id);
    return id;
  }

  /** The id of a string already in the table, else `NONE`; adds nothing. */
  find(text: string): number {
    return this.ids.get(text) ?? NONE;
  }

  /** `NONE` for null. */
  optional(text: string | null): number {
    return text === null ? NONE : this.id(text);
  }

  at(id: number): string {
    return this.values[id] ?? '';
  }

  /** Null for `NONE`. */
  optionalAt(id: number): string | null {
    return id === NONE ? null : this.at(id);
  }

  truncate(size: number): void {
    for (let id = this.values.length - 1; id >= size; id--) this.ids.delete(this.at(id));
    this.values.length = size;
  }
}

/**
 * Equal lists share one array: a develop index repeats the same `deptypes`, `virtuals` and variant lists
 * hundreds of thousands of times. Shared lists end up in the records, so nothing may mutate them.
 */
export class ListTable {
  private readonly ids = new Map<string, number>();
  private readonly lists: string[][] = [];

  constructor(private readonly strings: StringTable) {}

  get size(): number {
    return this.lists.length;
  }

  id(values: readonly string[]): number {
    const codes = values.map((v) => this.strings.id(v));
    const key = codes.join(',');
    const seen = this.ids.get(key);
    if (seen !== undefined) return seen;
    const id = this.lists.length;
    this.lists.push(codes.map((c) => this.strings.at(c)));
    this.ids.set(key, id);
    return id;
  }

  at(id: number): string[] {
    return this.lists[id] ?? [];
  }

  truncate(size: number): void {
    for (const [key, id] of this.ids) if (id >= size) this.ids.delete(key);
    this.lists.length = size;
  }
}

/** Compiler flag objects, shared like lists; id 0 means "no flags". */
export class FlagsTable {
  private readonly ids = new Map<string, number>();
  private readonly values: Array<Record<string, string[]>> = [{}];

  constructor(
    private readonly strings: StringTable,
    private readonly lists: ListTable,
  ) {}

  get size(): number {
    return this.values.length;
  }

  id(flags: Record<string, string[]> | null): number {
    if (flags === null) return NONE;
    // Keys come in the order splitParameters wrote them (sorted), so equal flags give equal keys.
    const key = JSON.stringify(flags);
    const seen = this.ids.get(key);
    if (seen !== undefined) return seen;
    const id = this.values.length;
    const copy: Record<string, string[]> = {};
    for (const [name, list] of Object.entries(flags))
      copy[this.strings.at(this.strings.id(name))] = this.lists.at(this.lists.id(list));
    this.values.push(copy);
    this.ids.set(key, id);
    return id;
  }

  at(id: number): Record<string, string[]> | null {
    return id === NONE ? null : (this.values[id] ?? null);
  }

  truncate(size: number): void {
    for (const [key, id] of this.ids) if (id >= size) this.ids.delete(key);
    this.values.length = size;
  }
}
