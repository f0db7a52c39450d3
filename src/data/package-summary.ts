import type { RowOrder } from './engine/row-order';
import { compareVersions } from './engine/version-compare';
import type { ListColumn, SpecTable } from './spec-table';

/** One package of the filtered rows, like a row of cache.spack.io's package table. */
export interface PackageSummary {
  package: string;
  specs: number;
  versions: string[];
  compilers: string[];
  targets: string[];
  stacks: string[];
}

function collectList(col: ListColumn, row: number, into: Set<number>) {
  const end = col.offsets[row + 1] ?? 0;
  for (let k = col.offsets[row] ?? 0; k < end; k++) into.add(col.values[k] ?? 0);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Summarise rows per package with integer-code sets (strings are looked up once per distinct code),
 * ordered by package name. Versions are newest first.
 */
export function summarizePackages(table: SpecTable, rows: RowOrder): PackageSummary[] {
  interface Acc {
    specs: number;
    versions: Set<number>;
    compilers: Set<number>;
    targets: Set<number>;
    stacks: Set<number>;
  }
  const acc = new Map<number, Acc>();
  rows.forEach((row) => {
    const pkg = table.package[row] ?? 0;
    let a = acc.get(pkg);
    if (!a) {
      a = { specs: 0, versions: new Set(), compilers: new Set(), targets: new Set(), stacks: new Set() };
      acc.set(pkg, a);
    }
    a.specs++;
    collectList(table.versions, row, a.versions);
    a.compilers.add(table.compiler[row] ?? 0);
    a.targets.add(table.target[row] ?? 0);
    collectList(table.stacks, row, a.stacks);
  });
  const names = (codes: Set<number>, dict: readonly string[]) => [...codes].map((c) => dict[c] ?? '');
  return [...acc.entries()]
    .map(([pkg, a]) => ({
      package: table.dicts.package[pkg] ?? '',
      specs: a.specs,
      versions: names(a.versions, table.dicts.version).sort((x, y) => compareVersions(y, x)),
      compilers: names(a.compilers, table.dicts.compiler).sort(byText),
      targets: names(a.targets, table.dicts.target).sort(byText),
      stacks: names(a.stacks, table.dicts.stack).sort(byText),
    }))
    .sort((x, y) => byText(x.package, y.package));
}
