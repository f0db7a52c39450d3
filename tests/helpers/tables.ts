import { hashOf, type HashColumn } from '../../src/data/hash-column';
import type { SpecTable } from '../../src/data/spec-table';

/** Every row's hash of a hash column, in row order. */
export function columnHashes(column: HashColumn): string[] {
  return Array.from(column.refs, (_, row) => hashOf(column, row));
}

/** Every row's hash, in row order. */
export function rowHashes(table: SpecTable): string[] {
  return columnHashes(table.hashes);
}

/** Every row's hash, in row order, concatenated: compact to compare with an expected string. */
export function joinedHashes(table: SpecTable): string {
  return rowHashes(table).join('');
}
