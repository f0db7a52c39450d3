import type { ScalarColumn } from './query-terms';
import { facetValues } from '../engine/facets';
import { lastAtMost } from '../engine/last-at-most';

/**
 * Lookups over one table dictionary, built once per dictionary (a table's dictionaries never change).
 * A keystroke compiles its query against every dictionary, and at a million specs the package one
 * holds ~100,000 names: the facet values' map answers an exact name, and one native substring scan of
 * all names (lowercased, joined) answers a free-text word, where calling a test per name took
 * milliseconds.
 */

interface DictIndex {
  /** The values lowercased, joined by NUL (no query word holds one, see `containsMask`). */
  lower: string;
  /** Where value i starts in `lower`; `starts[n]` is one past the end. */
  starts: Uint32Array;
}

const SEPARATOR = '\u0000';
const indexes = new WeakMap<readonly string[], DictIndex>();

function dictIndex(dict: readonly string[]): DictIndex {
  let index = indexes.get(dict);
  if (index) return index;
  // Lowercased one by one: lowercasing can change a value's length, so offsets come from the results.
  const lowered = dict.map((value) => value.toLowerCase());
  const starts = new Uint32Array(dict.length + 1);
  let at = 0;
  lowered.forEach((value, code) => {
    starts[code] = at;
    at += value.length + 1;
  });
  starts[dict.length] = at;
  index = { lower: lowered.join(SEPARATOR), starts };
  indexes.set(dict, index);
  return index;
}

export function hasValue(dict: readonly string[], column: ScalarColumn, value: string): boolean {
  return facetValues(dict, column).idOfValue.has(value);
}

/** Per code: 1 where the value is exactly `value` (a hand-built dictionary may hold it more than once). */
export function equalMask(dict: readonly string[], column: ScalarColumn, value: string): Uint8Array {
  const mask = new Uint8Array(dict.length);
  const { idOfValue, idOfCode } = facetValues(dict, column);
  const id = idOfValue.get(value);
  if (id === undefined) return mask;
  idOfCode.forEach((of, code) => (mask[code] = of === id ? 1 : 0));
  return mask;
}

/** Per code: 1 where the lowercased value contains `needle` (give it lowercased). */
export function containsMask(dict: readonly string[], needle: string): Uint8Array {
  const mask = new Uint8Array(dict.length);
  if (needle.includes(SEPARATOR)) {
    // Only a hand-made link can hold NUL; it could match across two values, so test them one by one.
    dict.forEach((value, code) => (mask[code] = value.toLowerCase().includes(needle) ? 1 : 0));
    return mask;
  }
  if (needle === '') return mask.fill(1);
  const { lower, starts } = dictIndex(dict);
  let at = lower.indexOf(needle);
  while (at >= 0) {
    // The code whose value holds position `at` of the joined text (starts has one entry past the last).
    const code = lastAtMost(starts, at, starts.length - 1);
    mask[code] = 1;
    // A hit holds no NUL, so it lies inside one value: go on from the next value.
    const next = starts[code + 1] ?? lower.length;
    if (next >= lower.length) break;
    at = lower.indexOf(needle, next);
  }
  return mask;
}
