/** A growing dictionary: each distinct string gets the next integer code, in order of first use. */
export class StringDict {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  code(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }

  /** Codes in this dictionary for every entry of another one: the translation table of a merge. */
  remap(dict: readonly string[]): Uint32Array {
    return Uint32Array.from(dict, (value) => this.code(value));
  }
}
