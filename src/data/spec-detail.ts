import { z } from 'zod';
import { hasRowWithPrefix, rowsWithPrefix } from './hash-column';
import { variantKind } from './display';
import { compareCodeUnits } from './engine/version-compare';
import { parseVariantToken } from './query/query-terms';
import { hashAt, recordAt, type SpecRecord, type SpecTable } from './spec-table';

/** A dependency edge as index ingest stores it in the `dependencies` sparse column. */
export const dependencySchema = z.looseObject({
  name: z.string(),
  hash: z.string(),
  deptypes: z.array(z.string()).optional(),
  virtuals: z.array(z.string()).optional(),
  missing: z.boolean().optional(),
});
export type Dependency = z.infer<typeof dependencySchema> & {
  /** Whether a loaded spec has this hash, so the panel can open it. */
  loaded: boolean;
};

export interface SpecDetail {
  record: SpecRecord & { tag: string };
  row: number;
  /** Every loaded tag holding this hash. */
  tags: string[];
  /** How many distinct specs the (possibly shortened) hash matched. */
  matches: number;
  dependencies: Dependency[] | null;
  /** Sparse fields other than the ones shown on their own, as the source had them. */
  other: Array<[string, unknown]>;
}

const SHOWN_APART = new Set(['dependencies', 'tarball']);

/** Rows whose hash starts with `prefix`. */
export function rowsWithHashPrefix(table: SpecTable, prefix: string): number[] {
  return rowsWithPrefix(table.hashes, prefix);
}

/** Everything the detail panel shows for a hash (or a prefix of one); null when no spec has it. */
export function specDetail(table: SpecTable, hash: string): SpecDetail | null {
  const rows = rowsWithHashPrefix(table, hash);
  const first = rows[0];
  if (first === undefined) return null;
  const record = recordAt(table, first);
  const sameSpec = rows.filter((r) => hashAt(table, r) === record.hash);
  const tags = [...new Set(sameSpec.map((r) => table.dicts.tag[table.tag[r] ?? 0] ?? ''))];
  const deps = z.array(dependencySchema).safeParse(record.extra.dependencies);
  return {
    record,
    row: first,
    tags,
    matches: new Set(rows.map((r) => hashAt(table, r))).size,
    dependencies:
      record.extra.dependencies === undefined || !deps.success
        ? null
        : deps.data.map((d) => ({ ...d, loaded: hasRowWithPrefix(table.hashes, d.hash) })),
    // Dependencies that do not have the expected shape are still shown, raw, rather than hidden.
    other: Object.entries(record.extra).filter(
      ([key]) => !SHOWN_APART.has(key) || (key === 'dependencies' && !deps.success),
    ),
  };
}

/** A variant's name, for ordering: `+mpi` and `~mpi` are `mpi`, `api=v112` and `patches:=…` their key. */
const variantName = (token: string) => parseVariantToken(token)?.name ?? token;
const byName = (a: string, b: string) => compareCodeUnits(variantName(a), variantName(b));

/**
 * The spec in a layout every Spack reads: `hdf5@1.14.6~cxx+mpi api=default build_system=cmake
 * arch=linux-ubuntu22.04-x86_64_v3 %gcc@11.4.0`. On/off variants run on after the version, by name, as
 * Spack prints them, so that no word starts with `~` (a shell would expand `~cxx` as a home directory);
 * valued ones follow, by name, then the arch. The compiler comes last, as Spack 1.0 prints it: Spack
 * before 1.0 printed it after the version, where Spack 1.0 (whose `%` names a dependency) would apply the
 * variants after it to the compiler; both read it as the package's at the end.
 */
export function specString(r: SpecRecord): string {
  const flags = r.variants.filter((v) => variantKind(v) !== 'other').sort(byName);
  const valued = r.variants.filter((v) => variantKind(v) === 'other').sort(byName);
  const head = `${r.package}${r.versions.length ? `@${r.versions.join(',')}` : ''}${flags.join('')}`;
  const parts = [head, ...valued, `arch=${r.platform}-${r.os}-${r.target}`];
  if (r.compiler !== 'none' && r.compiler !== '') parts.push(`%${r.compiler}`);
  return parts.join(' ');
}
