/**
 * Shares equal strings and equal string lists across a big index. A develop index repeats the same
 * dependency hashes, names and `deptypes` lists millions of times; JSON parsing makes each a separate
 * copy, which is most of the ingest's memory. Shared lists must not be mutated by their users.
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();

  string(value: string): string {
    const seen = this.strings.get(value);
    if (seen !== undefined) return seen;
    this.strings.set(value, value);
    return value;
  }

  list(values: readonly string[]): string[] {
    // \u0000 cannot occur in the JSON strings of an index, so the joined key is unambiguous.
    const key = values.join('\u0000');
    const seen = this.lists.get(key);
    if (seen !== undefined) return seen;
    const copy = values.map((v) => this.string(v));
    this.lists.set(key, copy);
    return copy;
  }
}
