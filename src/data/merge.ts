import { concatHashColumns } from './hash-column';
import { StringDict } from './string-dict';
import { emptyTable, type Dicts, type ListColumn, type SpecTable } from './spec-table';

type DictKey = keyof Dicts;

function* concatScalar(
  parts: readonly SpecTable[],
  maps: readonly Uint32Array[],
  pick: (t: SpecTable) => Uint32Array,
): Generator<void, Uint32Array> {
  const total = parts.reduce((n, t) => n + t.count, 0);
  const out = new Uint32Array(total);
  let at = 0;
  for (const [p, t] of parts.entries()) {
    const map = maps[p] ?? new Uint32Array(0);
    const col = pick(t);
    for (let i = 0; i < t.count; i++) out[at + i] = map[col[i] ?? 0] ?? 0;
    at += t.count;
    yield;
  }
  return out;
}

function* concatList(
  parts: readonly SpecTable[],
  maps: readonly Uint32Array[],
  pick: (t: SpecTable) => ListColumn,
): Generator<void, ListColumn> {
  const total = parts.reduce((n, t) => n + t.count, 0);
  const totalValues = parts.reduce((n, t) => n + pick(t).values.length, 0);
  const offsets = new Uint32Array(total + 1);
  const values = new Uint32Array(totalValues);
  let row = 0;
  let at = 0;
  for (const [p, t] of parts.entries()) {
    const map = maps[p] ?? new Uint32Array(0);
    const col = pick(t);
    for (let i = 0; i < t.count; i++) offsets[row + i + 1] = at + (col.offsets[i + 1] ?? 0);
    for (let k = 0; k < col.values.length; k++) values[at + k] = map[col.values[k] ?? 0] ?? 0;
    row += t.count;
    at += col.values.length;
    yield;
  }
  return { offsets, values };
}

/**
 * Concatenate tables (the shards of one tag, or several tags) into one, with shared dictionaries.
 * Rows keep their order; the same hash in two tags stays two rows, each with its tag.
 */
export function mergeTables(parts: readonly SpecTable[]): SpecTable {
  const steps = mergeSteps(parts);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * `mergeTables` as steps of one part of one column each, so that a caller can spread a large merge over
 * short tasks: the 60 weekly tags of a million specs take most of a second to merge in the browser.
 */
export function* mergeSteps(parts: readonly SpecTable[]): Generator<void, SpecTable> {
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
  for (const [p, t] of parts.entries()) {
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
    yield;
  }
  const hashes = concatHashColumns(parts.map((t) => t.hashes));
  yield;
  return {
    count,
    hashes,
    dicts,
    tag: yield* concatScalar(parts, m('tag'), (t) => t.tag),
    package: yield* concatScalar(parts, m('package'), (t) => t.package),
    compiler: yield* concatScalar(parts, m('compiler'), (t) => t.compiler),
    os: yield* concatScalar(parts, m('os'), (t) => t.os),
    platform: yield* concatScalar(parts, m('platform'), (t) => t.platform),
    target: yield* concatScalar(parts, m('target'), (t) => t.target),
    versions: yield* concatList(parts, m('version'), (t) => t.versions),
    stacks: yield* concatList(parts, m('stack'), (t) => t.stacks),
    variants: yield* concatList(parts, m('variant'), (t) => t.variants),
    size,
    extra,
  };
}
