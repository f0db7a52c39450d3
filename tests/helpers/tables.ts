import { hashAt, type SpecTable } from '../../src/data/spec-table';

/** Every row's hash, in row order. */
export function rowHashes(table: SpecTable): string[] {
  return Array.from({ length: table.count }, (_, row) => hashAt(table, row));
}

/** Every row's hash, in row order, concatenated: compact to compare with an expected string. */
export function joinedHashes(table: SpecTable): string {
  return rowHashes(table).join('');
}
