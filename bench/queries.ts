import { emptySelection, type FacetSelection } from '../src/data/engine/facets';
import type { SortColumn } from '../src/data/engine/sort';

/** One user interaction: a spec query and facet clicks, then a sort, as the app would apply them. */
export interface QueryCase {
  name: string;
  q: string;
  facets: Partial<FacetSelection>;
  sort: SortColumn;
}

const include = (...values: string[]) => ({ include: values, exclude: [] });
const exclude = (...values: string[]) => ({ include: [], exclude: values });

/**
 * A fixed mix of what people do on the dashboard: facet clicks, Spack spec queries and free text.
 * Every value exists in the sample pages, so the synthetic data (drawn from them) has matches.
 */
export const QUERY_CASES: QueryCase[] = [
  { name: 'no filter', q: '', facets: {}, sort: 'package' },
  { name: 'stack=e4s', q: '', facets: { stack: include('e4s') }, sort: 'version' },
  {
    name: 'os=ubuntu24.04 target=aarch64',
    q: '',
    facets: { os: include('ubuntu24.04'), target: include('aarch64') },
    sort: 'compiler',
  },
  { name: 'compiler!=none', q: '', facets: { compiler: exclude('none') }, sort: 'size' },
  {
    name: 'variant=+mpi, stack=e4s',
    q: '',
    facets: { variant: include('+mpi'), stack: include('e4s') },
    sort: 'package',
  },
  { name: 'hdf5 +mpi', q: 'hdf5 +mpi', facets: {}, sort: 'version' },
  { name: '%gcc@13 target=aarch64', q: '%gcc@13 target=aarch64', facets: {}, sort: 'package' },
  { name: 'py-* os=ubuntu22.04', q: 'py-* os=ubuntu22.04', facets: {}, sort: 'package' },
  { name: 'python@3.11:', q: 'python@3.11:', facets: {}, sort: 'hash' },
  { name: 'free text "torch"', q: 'torch', facets: {}, sort: 'package' },
  {
    name: 'free text "cuda" + stack facet',
    q: 'cuda',
    facets: { stack: include('ml-linux-x86_64-cuda') },
    sort: 'target',
  },
];

export function selectionOf(c: QueryCase): FacetSelection {
  return { ...emptySelection(), ...c.facets };
}

/**
 * Keystrokes for the browser runs: the box holds `prefix`, then `key` is typed. Each pair changes the
 * app's result count (its status line is what is watched): a bare word that names a package matches
 * that package only, a part of a name is free text (`cmak` also hits `build_system=cmake`), `+mp` and
 * `aarch6` match nothing, `e4` also hits every hash holding "e4", and `python@3.1` is not `python@3.11`.
 * DataTables redraws on every changed search, so its draw is always seen.
 */
export const KEYSTROKES: Array<{ prefix: string; key: string }> = [
  { prefix: 'hdf5 +mp', key: 'i' },
  { prefix: 'zli', key: 'b' },
  { prefix: 'py-torc', key: 'h' },
  { prefix: 'cmak', key: 'e' },
  { prefix: '%gcc@1', key: '3' },
  { prefix: 'target=aarch6', key: '4' },
  { prefix: 'e4', key: 's' },
  { prefix: 'python@3.1', key: '1' },
];
