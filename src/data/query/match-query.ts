import { hashAt, type ListColumn, type SpecTable } from '../spec-table';
import type { SpecQuery } from './parse-query';
import { columnData, compileTerms, type CodeMask, type QueryTerm } from './query-terms';

/**
 * The per-row evaluator of compiled query terms: one predicate over row indices. It needs no index, so
 * it serves one-off checks, and the posting-list evaluator (query-mask.ts) calls `termCheck` on the few
 * rows of a narrow term. Both are tested against a separate brute-force reference (match-query.test.ts),
 * on small tables (bitsets only) and on padded ones (the row checks).
 */

type RowCheck = (row: number) => boolean;

const NEVER: RowCheck = () => false;

function listHas(list: ListColumn, mask: Uint8Array, row: number): boolean {
  const end = list.offsets[row + 1] ?? 0;
  for (let k = list.offsets[row] ?? 0; k < end; k++) if (mask[list.values[k] ?? 0] === 1) return true;
  return false;
}

function codesCheck(table: SpecTable, { column, mask }: CodeMask): RowCheck {
  const data = columnData(table, column);
  if (data.kind === 'list') return (row) => listHas(data.list, mask, row);
  const { codes } = data;
  return (row) => mask[codes[row] ?? 0] === 1;
}

/** One term as a predicate over row indices. */
export function termCheck(table: SpecTable, term: QueryTerm): RowCheck {
  switch (term.kind) {
    case 'codes':
      return codesCheck(table, term.mask);
    case 'hashPrefix':
      return (row) => hashAt(table, row).startsWith(term.prefix);
    case 'variants': {
      const { variants } = table;
      return (row) =>
        term.present.every((mask) => listHas(variants, mask, row)) &&
        !term.absent.some((mask) => listHas(variants, mask, row));
    }
    case 'text': {
      const checks = term.masks.map((mask) => codesCheck(table, mask));
      const { hashNeedle } = term;
      // The dictionary checks first: they read a code, where a hash test slices the row's hash.
      return (row) =>
        checks.some((check) => check(row)) ||
        (hashNeedle !== null && hashAt(table, row).includes(hashNeedle));
    }
  }
}

/** A predicate over row indices of `table`; build once per query, then call per row. */
export function compileQuery(query: SpecQuery, table: SpecTable): (row: number) => boolean {
  const terms = compileTerms(query, table);
  if (terms === null) return NEVER;
  const checks = terms.map((term) => termCheck(table, term));
  if (checks.length === 0) return () => true;
  return (row) => {
    for (const check of checks) if (!check(row)) return false;
    return true;
  };
}

/** Indices of matching rows, ascending. */
export function filterRows(query: SpecQuery, table: SpecTable): Uint32Array {
  const matches = compileQuery(query, table);
  if (matches === NEVER) return new Uint32Array(0);
  const out = new Uint32Array(table.count);
  let n = 0;
  for (let row = 0; row < table.count; row++) if (matches(row)) out[n++] = row;
  return out.slice(0, n);
}
