import type { Bitset } from '../engine/bitset';
import type { FacetIndex, FacetPostings } from '../engine/facets';
import type { RowKeys } from '../engine/row-keys';
import type { QueryTerm } from './query-terms';

/**
 * A query term tested through the facet index's row keys: whether each key's values fulfil the term is
 * worked out once per key (`ok`), then a row costs one read of its key. That makes checking a narrow
 * term's rows against a broad term cheaper than building the broad term's bitset.
 */
export interface KeyedCheck {
  /** The work of deciding every key, in the unit of one row looked up: what the check costs before any row. */
  setup: number;
  /** Decides every key for the term. */
  decide: () => KeyedDecision;
}

/** A row passes a decided term when `ok[rowKey[row]]` is 1. */
export interface KeyedDecision {
  rowKey: Uint32Array;
  ok: Uint8Array;
}

/** Per value id: 1 if some dictionary code of the value is in the mask. */
function idMaskOf(postings: FacetPostings, mask: Uint8Array): Uint8Array {
  const { idOfCode, values } = postings.values;
  const ids = new Uint8Array(values.length);
  for (let code = 0; code < mask.length; code++) if (mask[code] === 1) ids[idOfCode[code] ?? 0] = 1;
  return ids;
}

/** Whether some id of key `key` is set in `ids`. */
function keyHits(keys: RowKeys, key: number, ids: Uint8Array): boolean {
  const end = keys.offsets[key + 1] ?? 0;
  for (let i = keys.offsets[key] ?? 0; i < end; i++) if (ids[keys.ids[i] ?? 0] === 1) return true;
  return false;
}

function keyPasses(keys: RowKeys, key: number, present: Uint8Array[], absent: Uint8Array[]): boolean {
  for (const ids of present) if (!keyHits(keys, key, ids)) return false;
  for (const ids of absent) if (keyHits(keys, key, ids)) return false;
  return true;
}

/**
 * The keyed check of a term, or null when its column has no keys or the term is not about facet values
 * (hash prefixes, free text).
 */
export function keyedCheck(index: FacetIndex, term: QueryTerm): KeyedCheck | null {
  // A codes term is one "some value in the mask" test; a variants term is several, and some negated.
  const parts =
    term.kind === 'codes'
      ? { postings: index.facets[term.mask.column], present: [term.mask.mask], absent: [] }
      : term.kind === 'variants'
        ? { postings: index.facets.variant, present: term.present, absent: term.absent }
        : null;
  const keys = parts?.postings.keys;
  if (!parts || !keys) return null;
  const { postings } = parts;
  const setup = keys.ids.length * (parts.present.length + parts.absent.length);
  return {
    setup,
    decide: () => {
      const present = parts.present.map((mask) => idMaskOf(postings, mask));
      const absent = parts.absent.map((mask) => idMaskOf(postings, mask));
      const ok = new Uint8Array(keys.offsets.length - 1);
      for (let key = 0; key < ok.length; key++) ok[key] = keyPasses(keys, key, present, absent) ? 1 : 0;
      return { rowKey: keys.keys, ok };
    },
  };
}

/**
 * Unsets the rows of `bits` that fail a decided term. One tight loop over the words, with no call per
 * row: the first queries after a page load run before the JIT has optimised anything, where a call per
 * row costs several times the lookup.
 */
export function unsetFailing(bits: Bitset, { rowKey, ok }: KeyedDecision): void {
  const { words } = bits;
  for (let w = 0; w < words.length; w++) {
    let word = words[w] ?? 0;
    if (word === 0) continue;
    let keep = word;
    const base = w << 5;
    while (word !== 0) {
      const low = word & -word;
      word ^= low;
      if (ok[rowKey[base + 31 - Math.clz32(low)] ?? 0] !== 1) keep ^= low;
    }
    words[w] = keep;
  }
}
