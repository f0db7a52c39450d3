import { Bitset } from '../engine/bitset';
import type { FacetIndex, FacetPostings } from '../engine/facets';
import { visitRowsHolding } from '../hash-column';
import type { SpecTable } from '../spec-table';
import type { SpecQuery } from './parse-query';
import { keyedCheck, unsetFailing, type KeyedDecision } from './keyed-check';
import { termCheck } from './match-query';
import { compileTerms, type QueryTerm } from './query-terms';

/**
 * The rows of a spec query as a bitset, built from the facet index's posting lists: a term costs the
 * rows that hold its matching values, not a pass over every row. At a million rows that turns a
 * keystroke's filter from tens of milliseconds into a few.
 */

function setBit(words: Uint32Array, row: number): void {
  words[row >>> 5] = (words[row >>> 5] ?? 0) | (1 << (row & 31));
}

/**
 * Calls `each` with the posting-list bounds `[from, to)` of every value whose dictionary code is in the
 * mask, once per value: codes of one string share a value id (a hand-built dictionary may repeat one).
 */
function forEachPosting(
  postings: FacetPostings,
  mask: Uint8Array,
  each: (from: number, to: number) => void,
): void {
  const { idOfCode, values } = postings.values;
  const { offsets } = postings;
  const done = new Uint8Array(values.length);
  for (let code = 0; code < mask.length; code++) {
    if (mask[code] !== 1) continue;
    const id = idOfCode[code] ?? 0;
    if (done[id] === 1) continue;
    done[id] = 1;
    each(offsets[id] ?? 0, offsets[id + 1] ?? 0);
  }
}

/** How many rows the posting lists of the mask's values hold (a row holding two is counted twice). */
function postingsSize(postings: FacetPostings, mask: Uint8Array): number {
  let size = 0;
  forEachPosting(postings, mask, (from, to) => (size += to - from));
  return size;
}

/** At most how many rows a term can match, from its posting lists; `index.count` when not known. */
function termBound(index: FacetIndex, term: QueryTerm): number {
  switch (term.kind) {
    case 'codes':
      return postingsSize(index.facets[term.mask.column], term.mask.mask);
    case 'variants':
      return Math.min(index.count, ...term.present.map((m) => postingsSize(index.facets.variant, m)));
    // A hash prefix or a free word (which may be in hashes) is not sized by a posting list.
    case 'hashPrefix':
    case 'text':
      return index.count;
  }
}

/**
 * Below this share of the rows, a query's other terms are checked on the rows of its narrowest term
 * rather than built as bitsets over every row, however costly their checks are.
 */
const CHECK_ROWS_BELOW = 1 / 64;

/**
 * A row checked by `termCheck` (a walk through the row's list, through a closure) counted as this many
 * key lookups: a keyed check whose per-key setup costs more than that many lookups per row is not worth it.
 */
const ROW_CHECK_COST = 8;

/**
 * OR into `bits` the rows holding any value whose dictionary code is in the mask and, with `decided`,
 * passing every decided term: the narrow term's rows are looked up as they are set, instead of set and
 * then found again among every word of the table by unsetFailing. Each case is its own loop with no
 * call per row: the first queries after a load run before the JIT has optimised anything, where a call
 * per row costs several times the row's own work.
 */
function orCodes(
  bits: Bitset,
  postings: FacetPostings,
  mask: Uint8Array,
  decided: readonly KeyedDecision[] = [],
): void {
  const { rows } = postings;
  const words = bits.words;
  const [first, ...rest] = decided;
  // Most queries check one term ("hdf5 +mpi"), and its lookup stays in the loop.
  const passRest = (row: number) => rest.every((d) => d.ok[d.rowKey[row] ?? 0] === 1);
  forEachPosting(postings, mask, (from, to) => {
    if (!first) {
      for (let k = from; k < to; k++) {
        const row = rows[k] ?? 0;
        words[row >>> 5] = (words[row >>> 5] ?? 0) | (1 << (row & 31));
      }
      return;
    }
    const { rowKey, ok } = first;
    for (let k = from; k < to; k++) {
      const row = rows[k] ?? 0;
      if (ok[rowKey[row] ?? 0] !== 1 || (rest.length > 0 && !passRest(row))) continue;
      words[row >>> 5] = (words[row >>> 5] ?? 0) | (1 << (row & 31));
    }
  });
}

/**
 * Two bitsets reused from one query to the next for a term's rows on their way into the result; they
 * never leave a `queryMask` call. A fresh bitset's memory is faulted in page by page on its first
 * write, which at a million rows costs about a millisecond per bitset in headless Chromium on the
 * bench machine, more than most terms' own work; reused ones were faulted in by an earlier keystroke.
 */
class Scratch {
  private size = -1;
  private slots: [Bitset, Bitset] = [new Bitset(0), new Bitset(0)];

  /** Slot `slot`, cleared, of `size` bits. */
  get(size: number, slot: 0 | 1): Bitset {
    if (size !== this.size) {
      this.size = size;
      this.slots = [new Bitset(size), new Bitset(size)];
    }
    return this.slots[slot].clear();
  }
}

const scratch = new Scratch();

/** Rows holding every `present` mask's values and none of the `absent` ones', into `out` (empty). */
function variantBits(
  postings: FacetPostings,
  present: readonly Uint8Array[],
  absent: readonly Uint8Array[],
  out: Bitset,
): Bitset {
  const [first, ...rest] = present;
  if (first) orCodes(out, postings, first);
  else out.fill();
  for (const mask of rest) {
    const some = scratch.get(out.size, 1);
    orCodes(some, postings, mask);
    out.and(some);
  }
  for (const mask of absent) {
    const some = scratch.get(out.size, 1);
    orCodes(some, postings, mask);
    out.andNot(some);
  }
  return out;
}

/** Rows whose hash holds `needle` (at its start, with `atStart`), set in `out`. */
function hashBits(table: SpecTable, needle: string, atStart: boolean, out: Bitset): Bitset {
  visitRowsHolding(table.hashes, needle, atStart, (row) => setBit(out.words, row));
  return out;
}

/** The rows of one term, set in `out` (which is empty and has the table's size). */
function termBits(table: SpecTable, index: FacetIndex, term: QueryTerm, out: Bitset): Bitset {
  switch (term.kind) {
    case 'codes':
      orCodes(out, index.facets[term.mask.column], term.mask.mask);
      return out;
    case 'hashPrefix':
      return hashBits(table, term.prefix, true, out);
    case 'variants':
      return variantBits(index.facets.variant, term.present, term.absent, out);
    case 'text': {
      for (const { column, mask } of term.masks) orCodes(out, index.facets[column], mask);
      return term.hashNeedle === null ? out : hashBits(table, term.hashNeedle, false, out);
    }
  }
}

/** Rows of `table` matching `query`; `index` must be the facet index of this table. */
export function queryMask(query: SpecQuery, table: SpecTable, index: FacetIndex): Bitset {
  if (index.count !== table.count) {
    throw new RangeError(`facet index has ${index.count} rows, the table has ${table.count}`);
  }
  const terms = compileTerms(query, table);
  if (terms === null) return new Bitset(table.count);
  const bounded = terms
    .map((term) => ({ term, bound: termBound(index, term) }))
    .sort((a, b) => a.bound - b.bound);
  const [narrowest, ...others] = bounded;
  if (!narrowest) return Bitset.full(table.count);
  const out = new Bitset(table.count);
  if (others.length === 0) return termBits(table, index, narrowest.term, out);
  // Checking the narrowest term's rows against keyed terms costs a lookup per row and check (counted
  // as two bits set: the key reads are scattered) plus a pass over the keys; building those terms'
  // bitsets costs a bit per row they hold. "hdf5 +mpi" at a million rows: ~20,000 hdf5 rows looked up
  // against the ~130,000 +mpi rows that would be set.
  const keyed = others.map(({ term }) => keyedCheck(index, term));
  const checkCost = keyed.reduce((sum, k) => sum + (k ? 2 * narrowest.bound + k.setup : Infinity), 0);
  const bitsCost = others.reduce((sum, { bound }) => sum + bound, 0);
  if (checkCost < bitsCost || narrowest.bound <= table.count * CHECK_ROWS_BELOW) {
    const decided: KeyedDecision[] = [];
    const slow: Array<(row: number) => boolean> = [];
    others.forEach(({ term }, i) => {
      const k = keyed[i];
      // On a few rows, deciding every key can cost more than walking those rows' lists.
      if (k && k.setup <= ROW_CHECK_COST * narrowest.bound) decided.push(k.decide());
      else slow.push(termCheck(table, term));
    });
    const { term } = narrowest;
    if (term.kind === 'codes') orCodes(out, index.facets[term.mask.column], term.mask.mask, decided);
    else {
      termBits(table, index, term, out);
      for (const decision of decided) unsetFailing(out, decision);
    }
    if (slow.length > 0) {
      out.forEach((row) => {
        if (!slow.every((check) => check(row))) out.unset(row);
      });
    }
    return out;
  }
  termBits(table, index, narrowest.term, out);
  for (const { term } of others) out.and(termBits(table, index, term, scratch.get(table.count, 0)));
  return out;
}
