/**
 * A growable Uint32Array. A node kept as a row of these costs four bytes a field, where a JS object with
 * its arrays and strings cost hundreds. Reads past the end give 0, so a column indexed by string id needs
 * no filling as the string table grows.
 */
export class U32Column {
  private data = new Uint32Array(4096);
  private used = 0;

  get length(): number {
    return this.used;
  }

  push(value: number): void {
    this.reserve(this.used + 1);
    this.data[this.used++] = value;
  }

  get(index: number): number {
    return index < this.used ? (this.data[index] ?? 0) : 0;
  }

  set(index: number, value: number): void {
    this.reserve(index + 1);
    this.data[index] = value;
    if (index >= this.used) this.used = index + 1;
  }

  /** Drops every value from `length` on. */
  truncate(length: number): void {
    if (length >= this.used) return;
    this.data.fill(0, length, this.used);
    this.used = length;
  }

  private reserve(size: number): void {
    if (size <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < size) capacity *= 2;
    const next = new Uint32Array(capacity);
    next.set(this.data);
    this.data = next;
  }
}
