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
  options: Record<FilterFacet, readonly FacetOption[]>;
  onChange: (facet: FilterFacet, value: string, mark: FacetMark) => void;
}

/** Every facet with live counts: OR within a facet, AND across facets, NOT per value. */
export function FilterBar({ tags, onTagChange, options, onChange }: FilterBarProps) {
  return (
    <nav className="filter-bar" aria-label="Filters">
      <FacetList
        label="Tags loaded"
        options={tags}
        allowExclude={false}
        onChange={(tag, mark) => onTagChange(tag, mark === 'include')}
      />
      {FILTER_FACETS.map((facet) => (
        <FacetList
          key={facet}
          label={FACET_LABELS[facet]}
          options={options[facet]}
          format={FORMATS[facet]}
          onChange={(value, mark) => onChange(facet, value, mark)}
        />
      ))}
    </nav>
  );
}
