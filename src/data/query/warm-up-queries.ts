import type { FacetIndex, FacetKey } from '../engine/facets';
import { parseQuery } from './parse-query';

/** The value of `facet` held by the most rows (the first of equals), among those `usable` accepts. */
function mostCommon(index: FacetIndex, facet: FacetKey, usable: (value: string) => boolean): string | null {
  const { values, offsets } = index.facets[facet];
  let best: string | null = null;
  let bestRows = 0;
  for (let id = 0; id < values.values.length; id++) {
    const value = values.values[id] ?? '';
    const rows = (offsets[id + 1] ?? 0) - (offsets[id] ?? 0);
    if (rows > bestRows && usable(value)) {
      best = value;
      bestRows = rows;
    }
  }
  return best;
}

const PACKAGE = /^[a-z0-9_][a-z0-9_-]*$/;
const BOOL_VARIANT = /^[+~][A-Za-z0-9_][A-Za-z0-9_-]*$/;
const VERSION = /^[0-9][0-9A-Za-z._-]*$/;
const COMPILER = /^([a-z][a-z0-9_-]*)@([0-9]+)/;
const ARCH_VALUE = /^[A-Za-z0-9_.-]+$/;

/**
 * Spec queries of every kind a user types (a package, a variant, a package with a variant, a version
 * and a version range, a compiler, os and target, free text, a hash prefix), built from the values most
 * rows of this table hold, so that each one does real work. The app runs them once while idle after a
 * load: until then the engine's code has never run, and the user's first query ran it cold, through
 * V8's lazy compilation and its interpreter (the engine's share of a first keystroke took 5 to 15 ms at
 * a million rows in headless Chromium, against about 1 ms later). Values that would not make a valid
 * query are skipped; every query returned parses.
 */
export function warmUpQueries(index: FacetIndex, anyHash: string | null): string[] {
  const pkg = mostCommon(index, 'package', (v) => PACKAGE.test(v));
  const variant = mostCommon(index, 'variant', (v) => BOOL_VARIANT.test(v));
  const version = mostCommon(index, 'version', (v) => VERSION.test(v));
  const compiler = COMPILER.exec(mostCommon(index, 'compiler', (v) => COMPILER.test(v)) ?? '');
  const os = mostCommon(index, 'os', (v) => ARCH_VALUE.test(v));
  const target = mostCommon(index, 'target', (v) => ARCH_VALUE.test(v));
  const candidates = [
    pkg,
    variant,
    pkg && variant && `${pkg} ${variant}`,
    pkg && version && `${pkg}@${version}`,
    version && `@${version}:`,
    compiler && `%${compiler[1]}@${compiler[2]}`,
    os && target && `os=${os} target=${target}`,
    // Part of a name is free text: a case-insensitive search of every field.
    pkg && pkg.length > 3 ? pkg.slice(0, 3) : null,
    anyHash && `/${anyHash.slice(0, 3)}`,
  ];
  return candidates.filter((q): q is string => typeof q === 'string' && q !== '' && parseQuery(q).ok);
}
