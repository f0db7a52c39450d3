import type { FacetColumn, FacetPostings, FacetValues } from './facets';
import { countList } from './count-rows';
import { scalarKeys } from './row-keys';

/**
 * One facet's posting lists, built a range of rows at a time: a pass that counts each value's rows
 * (which sizes every list exactly), then a pass that fills the lists in. Built in one go, the variant
 * facet's lists took 200 to 250 ms at a million rows in headless Chromium, one task the page could not
 * answer input or draw a frame in; in ranges, the facet index is built in tasks of a few milliseconds.
 */
export class PostingsJob {
  private phase: 'count' | 'fill' = 'count';
  /** The next row of the current pass. */
  private row = 0;
  private readonly lengths: Uint32Array;
  /** List columns: `stamp[id] === row` says the row's id was already counted (a list may repeat one). */
  private readonly stamp: Int32Array;
  private offsets = new Uint32Array(0);
  private rows = new Uint32Array(0);
  /** Where each value's next row goes, in the fill pass. */
  private next = new Uint32Array(0);
  private result: FacetPostings | null = null;

  constructor(
    private readonly column: FacetColumn,
    private readonly values: FacetValues,
    private readonly count: number,
  ) {
    this.lengths = new Uint32Array(values.values.length);
    this.stamp = new Int32Array(column.kind === 'list' ? values.values.length : 0).fill(-1);
  }

  /**
   * Goes through at most `budget` more rows (a row counts once in each pass), or all of them with
   * `Infinity`; the postings once both passes are done, else null.
   */
  run(budget: number): FacetPostings | null {
    let left = budget;
    while (this.result === null && left > 0) {
      const end = Math.min(this.count, this.row + left);
      if (this.phase === 'count') this.countRows(end);
      else this.fillRows(end);
      left -= end - this.row;
      this.row = end;
      if (end === this.count) this.endPass();
    }
    return this.result;
  }

  private endPass(): void {
    const n = this.lengths.length;
    if (this.phase === 'count') {
      this.offsets = new Uint32Array(n + 1);
      for (let v = 0; v < n; v++) this.offsets[v + 1] = (this.offsets[v] ?? 0) + (this.lengths[v] ?? 0);
      this.rows = new Uint32Array(this.offsets[n] ?? 0);
      this.next = this.offsets.slice(0, n);
      this.phase = 'fill';
      this.row = 0;
      return;
    }
    const { column, values, offsets, rows } = this;
    const keys = column.kind === 'scalar' ? scalarKeys(column.codes, values.idOfCode) : null;
    this.result = { column, values, offsets, rows, keys };
  }

  private countRows(end: number): void {
    const { column, lengths, stamp } = this;
    const { idOfCode } = this.values;
    if (column.kind === 'scalar') {
      for (let r = this.row; r < end; r++) {
        const id = idOfCode[column.codes[r] ?? 0] ?? 0;
        lengths[id] = (lengths[id] ?? 0) + 1;
      }
      return;
    }
    for (let r = this.row; r < end; r++) countList(column.list, idOfCode, r, r, stamp, lengths);
  }

  private fillRows(end: number): void {
    const { column, offsets, rows, next } = this;
    const { idOfCode } = this.values;
    const add = (id: number, row: number) => {
      const at = next[id] ?? 0;
      // Rows arrive in ascending order, so a repeat of the same value in one row is always the last entry.
      if (at > (offsets[id] ?? 0) && rows[at - 1] === row) return;
      rows[at] = row;
      next[id] = at + 1;
    };
    if (column.kind === 'scalar') {
      for (let r = this.row; r < end; r++) add(idOfCode[column.codes[r] ?? 0] ?? 0, r);
      return;
    }
    const { offsets: rowStart, values: codes } = column.list;
    for (let r = this.row; r < end; r++) {
      const stop = rowStart[r + 1] ?? 0;
      for (let k = rowStart[r] ?? 0; k < stop; k++) add(idOfCode[codes[k] ?? 0] ?? 0, r);
    }
  }
}
