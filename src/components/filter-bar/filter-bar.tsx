import { memo, useCallback, useMemo } from 'react';
import { formatCompiler } from '../../data/display';
import { SPEC_FACETS, type SpecFacet } from '../../data/engine/facets';
import { FacetList, type FacetMark, type FacetOption } from './facet-list';

export const FILTER_FACETS = SPEC_FACETS;
export type FilterFacet = SpecFacet;

export const FACET_LABELS: Record<FilterFacet, string> = {
  stack: 'Stack',
  package: 'Package',
  version: 'Version',
  compiler: 'Compiler',
  os: 'OS',
  platform: 'Platform',
  target: 'Target',
  variant: 'Variant',
};

const FORMATS: Partial<Record<FilterFacet, (value: string) => string>> = { compiler: formatCompiler };

export interface FilterBarProps {
  /** Tags of the dataset with their spec counts; `include` marks the loaded ones. */
  tags: readonly FacetOption[];
  onTagChange: (tag: string, loaded: boolean) => void;
  /**
   * A facet's options, or null while they are not counted yet. Called while that facet's list renders
   * and memoised per list, so a stable function costs nothing on renders that change no counts.
   */
  optionsOf: (facet: FilterFacet) => readonly FacetOption[] | null;
  onChange: (facet: FilterFacet, value: string, mark: FacetMark) => void;
}

const NONE: readonly FacetOption[] = [];

interface LazyFacetProps {
  facet: FilterFacet;
  optionsOf: FilterBarProps['optionsOf'];
  onChange: FilterBarProps['onChange'];
}

/** One facet's list, asking for its options in its own render. */
function LazyFacet({ facet, optionsOf, onChange }: LazyFacetProps) {
  const options = useMemo(() => optionsOf(facet), [optionsOf, facet]);
  const change = useCallback(
    (value: string, mark: FacetMark) => onChange(facet, value, mark),
    [onChange, facet],
  );
  return (
    <FacetList
      label={FACET_LABELS[facet]}
      options={options ?? NONE}
      pending={options === null}
      format={FORMATS[facet]}
      onChange={change}
    />
  );
}

/**
 * Every facet with live counts: OR within a facet, AND across facets, NOT per value. Memoised, so a
 * keystroke in the query box (which changes none of its props) does not render the facets again.
 */
export const FilterBar = memo(function FilterBar({ tags, onTagChange, optionsOf, onChange }: FilterBarProps) {
  const changeTag = useCallback(
    (tag: string, mark: FacetMark) => onTagChange(tag, mark === 'include'),
    [onTagChange],
  );
  return (
    <nav className="filter-bar" aria-label="Filters">
      <FacetList label="Tags loaded" options={tags} allowExclude={false} onChange={changeTag} />
      {FILTER_FACETS.map((facet) => (
        <LazyFacet key={facet} facet={facet} optionsOf={optionsOf} onChange={onChange} />
      ))}
    </nav>
  );
});
