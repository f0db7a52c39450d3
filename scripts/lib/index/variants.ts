/** Compiler flag lists live in `parameters` next to variants, but they are not variants: kept apart. */
export const FLAG_KEYS: ReadonlySet<string> = new Set([
  'cflags',
  'cxxflags',
  'fflags',
  'cppflags',
  'ldflags',
  'ldlibs',
]);

export interface SplitParameters {
  /** Spack tokens sorted by variant name: `+k`, `~k`, `k=v`, `k=v1,v2`. */
  variants: string[];
  /** Only the flag lists that are non-empty; null when there are none. */
  flags: Record<string, string[]> | null;
  problems: Array<{ field: string; message: string }>;
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Turn a spec node's `parameters` into variant tokens and flag lists, naming every value it cannot read. */
export function splitParameters(parameters: Record<string, unknown>): SplitParameters {
  const variants: string[] = [];
  const flags: Record<string, string[]> = {};
  const problems: SplitParameters['problems'] = [];
  for (const key of Object.keys(parameters).sort()) {
    const value = parameters[key];
    if (FLAG_KEYS.has(key)) {
      if (!Array.isArray(value) || !value.every((f) => typeof f === 'string')) {
        problems.push({ field: key, message: 'expected a list of compiler flags (strings)' });
      } else if (value.length > 0) {
        flags[key] = value;
      }
      continue;
    }
    if (typeof value === 'boolean') variants.push(`${value ? '+' : '~'}${key}`);
    else if (isScalar(value)) variants.push(`${key}=${value}`);
    else if (Array.isArray(value) && value.every(isScalar)) variants.push(`${key}=${value.join(',')}`);
    else problems.push({ field: key, message: 'expected a boolean, a value or a list of values' });
  }
  return { variants, flags: Object.keys(flags).length > 0 ? flags : null, problems };
}
