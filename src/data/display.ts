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

/** A size in bytes, or null for the source's `-` and any other text that is not a byte count. */
export function sizeBytes(size: number | string): number | null {
  if (typeof size === 'number') return size;
  return /^\d+$/.test(size.trim()) ? Number(size.trim()) : null;
}

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

/** 1: switched on (`+x`); 2: valued (`k=v`, `k:=v`) or any other token; 3: switched off (`~x`, `-x`). */
function variantGroup(token: string): number {
  const first = token.charAt(0);
  if (first === '+') return 1;
  if (first === '~' || first === '-') return 3;
  return 2;
}

/**
 * The variants in the order a table cell lists them: those the filters ask for (`lead`, so a row shows
 * why it matched), then switched on, then valued, then switched off, each group in the source's order.
 * Sources list variants by name, so hdf5's cell would open with `api=default build_system=cmake
 * build_type=Release` and keep `+mpi` out of sight, while what a build turned on is what people look for
 * ("hdf5 +mpi"). Places that show every variant keep the source order.
 */
export function variantsForCell(variants: readonly string[], lead?: (token: string) => boolean): string[] {
  const groups: string[][] = [[], [], [], []];
  for (const token of variants) groups[lead?.(token) ? 0 : variantGroup(token)]?.push(token);
  return groups.flat();
}
