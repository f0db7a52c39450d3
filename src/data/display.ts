import { parseVariantToken } from './query/query-terms';
import { sizeBytes } from './spec-table';

/** How raw source values read on screen; the data keeps them exactly as the source had them. */

export const SHORT_HASH_LENGTH = 7;

export function shortHash(hash: string): string {
  return hash.slice(0, SHORT_HASH_LENGTH);
}

/** Since Spack 1.0 compilers are build dependencies, so many specs record compiler `none`. */
export function formatCompiler(compiler: string): string {
  if (compiler === 'none' || compiler === '') return 'no compiler';
  // `gcc@=13.2.0` is Spack's exact-version syntax; on screen the `=` is noise.
  return compiler.replace('@=', '@');
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes in binary units; a size that is no byte count (see sizeBytes) reads "unknown". */
export function formatSize(size: number | string): string {
  const bytes = sizeBytes(size);
  if (bytes === null) return 'unknown';
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

// One formatter for every count: `toLocaleString` builds a new one per call, which showed up in
// keystroke profiles at a few thousand counts per render.
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

export function formatVersions(versions: readonly string[]): string {
  return versions.join(', ');
}

/**
 * How a variant token of the data reads, by the two signs Spack prints: switched on (`+x`, propagated
 * `++x`), switched off (`~x`, `~~x`), or anything else (`k=v`, `k:=v`, a token of another shape), as
 * the query engine reads table tokens (parseVariantToken).
 */
export function variantKind(token: string): 'on' | 'off' | 'other' {
  const parsed = parseVariantToken(token);
  if (parsed?.kind !== 'bool') return 'other';
  return parsed.value ? 'on' : 'off';
}

const CELL_GROUP: Record<ReturnType<typeof variantKind>, number> = { on: 1, other: 2, off: 3 };

/**
 * The variants in the order a table cell lists them: those the filters ask for (`lead`, so a row shows
 * why it matched), then switched on, then valued, then switched off, each group in the source's order.
 * Sources list variants by name, so hdf5's cell would open with `api=default build_system=cmake
 * build_type=Release` and keep `+mpi` out of sight, while what a build turned on is what people look for
 * ("hdf5 +mpi"). Places that show every variant keep the source order.
 */
export function variantsForCell(variants: readonly string[], lead?: (token: string) => boolean): string[] {
  const groups: string[][] = [[], [], [], []];
  for (const token of variants) groups[lead?.(token) ? 0 : CELL_GROUP[variantKind(token)]]?.push(token);
  return groups.flat();
}
