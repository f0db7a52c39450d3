import { concatHashColumns } from './hash-column';
import { StringDict } from './string-dict';
import { emptyTable, type Dicts, type ListColumn, type SpecTable } from './spec-table';

type DictKey = keyof Dicts;

function concatScalar(
  parts: readonly SpecTable[],
  maps: readonly Uint32Array[],
  pick: (t: SpecTable) => Uint32Array,
) {
  const total = parts.reduce((n, t) => n + t.count, 0);
  const out = new Uint32Array(total);
  let at = 0;
  parts.forEach((t, p) => {
    const map = maps[p] ?? new Uint32Array(0);
    const col = pick(t);
    for (let i = 0; i < t.count; i++) out[at + i] = map[col[i] ?? 0] ?? 0;
    at += t.count;
  });
  return out;
}

function concatList(
  parts: readonly SpecTable[],
  maps: readonly Uint32Array[],
  pick: (t: SpecTable) => ListColumn,
): ListColumn {
  const total = parts.reduce((n, t) => n + t.count, 0);
  const totalValues = parts.reduce((n, t) => n + pick(t).values.length, 0);
  const offsets = new Uint32Array(total + 1);
  const values = new Uint32Array(totalValues);
  let row = 0;
  let at = 0;
  parts.forEach((t, p) => {
    const map = maps[p] ?? new Uint32Array(0);
    const col = pick(t);
    for (let i = 0; i < t.count; i++) offsets[row + i + 1] = at + (col.offsets[i + 1] ?? 0);
    for (let k = 0; k < col.values.length; k++) values[at + k] = map[col.values[k] ?? 0] ?? 0;
    row += t.count;
    at += col.values.length;
  });
  return { offsets, values };
}

/**
 * Concatenate tables (the shards of one tag, or several tags) into one, with shared dictionaries.
 * Rows keep their order; the same hash in two tags stays two rows, each with its tag.
 */
export function mergeTables(parts: readonly SpecTable[]): SpecTable {
  if (parts.length === 0) return emptyTable();
  if (parts.length === 1 && parts[0]) return parts[0];
  const intern = (key: DictKey) => {
    const dict = new StringDict();
    return { maps: parts.map((t) => dict.remap(t.dicts[key])), values: dict.values };
  };
  const d = {
    package: intern('package'),
    version: intern('version'),
    compiler: intern('compiler'),
    os: intern('os'),
    platform: intern('platform'),
    target: intern('target'),
    stack: intern('stack'),
    variant: intern('variant'),
    sizeText: intern('sizeText'),
    tag: intern('tag'),
  };
  const dicts: Dicts = {
    package: d.package.values,
    version: d.version.values,
    compiler: d.compiler.values,
    os: d.os.values,
    platform: d.platform.values,
    target: d.target.values,
    stack: d.stack.values,
    variant: d.variant.values,
    sizeText: d.sizeText.values,
    tag: d.tag.values,
  };
  const m = (key: DictKey) => d[key].maps;
  const count = parts.reduce((n, t) => n + t.count, 0);
  const size = new Float64Array(count);
  const extra = new Map<string, Map<number, unknown>>();
  let at = 0;
  parts.forEach((t, p) => {
    const sizeMap = m('sizeText')[p] ?? new Uint32Array(0);
    for (let i = 0; i < t.count; i++) {
      const v = t.size[i] ?? 0;
      size[at + i] = v >= 0 ? v : -(sizeMap[-v - 1] ?? 0) - 1;
    }
    for (const [field, values] of t.extra) {
      let target = extra.get(field);
      if (!target) extra.set(field, (target = new Map()));
      for (const [row, value] of values) target.set(at + row, value);
    }
    at += t.count;
  });
  return {
    count,
    hashes: concatHashColumns(parts.map((t) => t.hashes)),
    dicts,
    tag: concatScalar(parts, m('tag'), (t) => t.tag),
    package: concatScalar(parts, m('package'), (t) => t.package),
    compiler: concatScalar(parts, m('compiler'), (t) => t.compiler),
    os: concatScalar(parts, m('os'), (t) => t.os),
    platform: concatScalar(parts, m('platform'), (t) => t.platform),
    target: concatScalar(parts, m('target'), (t) => t.target),
    versions: concatList(parts, m('version'), (t) => t.versions),
    stacks: concatList(parts, m('stack'), (t) => t.stacks),
    variants: concatList(parts, m('variant'), (t) => t.variants),
    size,
    extra,
  };
}
