import type { SyntheticSpec } from './generate';

type Json = string | number | readonly Json[] | { readonly [key: string]: Json };

/**
 * JSON as Python's json.dumps writes it (`", "` and `": "` separators), which is how the cache.spack.io
 * generator writes `meta` and `spec_details`; the page sizes in the bench depend on it.
 */
export function pythonJson(value: Json): string {
  if (typeof value === 'string' || typeof value === 'number') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v: Json) => pythonJson(v)).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`);
  return `{${entries.join(', ')}}`;
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/** A `_cache/<tag>/<package>/specs.md` page whose `meta` agrees with its `spec_details`, field for field. */
export function renderPage(tag: string, pkg: string, specs: readonly SyntheticSpec[]): string {
  const byStack = new Map<string, number>();
  for (const s of specs) for (const st of s.stacks) byStack.set(st, (byStack.get(st) ?? 0) + 1);
  const stacks = [...byStack.keys()].sort();
  const meta = {
    compilers: sortedUnique(specs.map((s) => s.compiler)),
    num_specs: specs.length,
    num_specs_by_stack: Object.fromEntries(stacks.map((st) => [st, byStack.get(st) ?? 0])),
    oss: sortedUnique(specs.map((s) => s.os)),
    platforms: sortedUnique(specs.map((s) => s.platform)),
    stacks,
    targets: sortedUnique(specs.map((s) => s.target)),
    versions: sortedUnique(specs.flatMap((s) => s.versions)),
  };
  // Keys in the order the develop pages list them (alphabetical).
  const details = specs.map((s) => ({
    compiler: s.compiler,
    hash: s.hash,
    os: s.os,
    platform: s.platform,
    size: s.size,
    stacks: s.stacks,
    target: s.target,
    variants: s.variants,
    versions: s.versions,
  }));
  return [
    '---',
    `title: ${JSON.stringify(pkg)}`,
    'layout: cache',
    `categories: [package, ${tag}]`,
    `meta: ${pythonJson(meta)}`,
    `spec_details: ${pythonJson(details)}`,
    '---',
  ].join('\n');
}
