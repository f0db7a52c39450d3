import { memo, useId, useMemo, useState } from 'react';
import { formatCount } from '../../data/display';

export type FacetMark = 'include' | 'exclude' | null;

export interface FacetOption {
  value: string;
  /** Rows this value would give if chosen, given every other facet's filters; null while counting. */
  count: number | null;
  selected: FacetMark;
}

export interface FacetListProps {
  label: string;
  options: readonly FacetOption[];
  onChange: (value: string, mark: FacetMark) => void;
  /** How to show a value (e.g. "no compiler" for `none`); the raw value stays the key. */
  format?: (value: string) => string;
  /** Options shown before "show all"; long facets also get a search box. */
  limit?: number;
  /** Whether values can be excluded (NOT); the tag list only includes. */
  allowExclude?: boolean;
  /** The values are still being counted (a large table, just loaded): say so rather than "No match". */
  pending?: boolean;
}

const SEARCH_THRESHOLD = 12;
const asIs = (value: string) => value;

/**
 * One facet: a checkbox per value (OR within the facet) and an exclude toggle (NOT). Counts show what
 * choosing the value would yield. Memoised: a facet can hold a hundred thousand values (packages at a
 * million specs), and a keystroke in the query box must not walk them all again.
 */
export const FacetList = memo(function FacetList(props: FacetListProps) {
  const { label, options, onChange, format = asIs, limit = 8, allowExclude = true } = props;
  const pending = props.pending === true && options.length === 0;
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState(false);
  const headingId = useId();
  const needle = search.trim().toLowerCase();
  const { shown, hidden, none, collapsible } = useMemo(() => {
    const matching = needle
      ? options.filter(
          (o) => o.value.toLowerCase().includes(needle) || format(o.value).toLowerCase().includes(needle),
        )
      : options;
    const selected = matching.filter((o) => o.selected !== null);
    const rest = matching.filter((o) => o.selected === null);
    const list = expanded || needle ? [...selected, ...rest] : [...selected, ...rest.slice(0, limit)];
    return {
      shown: list,
      hidden: matching.length - list.length,
      none: matching.length === 0,
      collapsible: rest.length > limit,
    };
  }, [options, needle, format, expanded, limit]);

  return (
    <section className="facet" aria-labelledby={headingId} aria-busy={pending}>
      <h3 id={headingId}>{label}</h3>
      {options.length > SEARCH_THRESHOLD ? (
        <input
          type="search"
          className="facet-search"
          placeholder={`Search ${options.length} values`}
          aria-label={`Search ${label}`}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      ) : null}
      <ul>
        {shown.map((o) => {
          const text = format(o.value);
          return (
            <li key={o.value} className={o.selected ? `facet-${o.selected}` : undefined}>
              <label title={o.value}>
                <input
                  type="checkbox"
                  checked={o.selected === 'include'}
                  aria-label={
                    o.count === null ? `${text}, counting` : `${text}, ${formatCount(o.count)} specs`
                  }
                  onChange={(e) => onChange(o.value, e.target.checked ? 'include' : null)}
                />
                <span className="facet-value">{text}</span>
                <span className="facet-count">{o.count === null ? '…' : formatCount(o.count)}</span>
              </label>
              {allowExclude ? (
                <button
                  type="button"
                  className="facet-exclude"
                  aria-pressed={o.selected === 'exclude'}
                  aria-label={`Exclude ${label} ${text}`}
                  title={o.selected === 'exclude' ? 'Stop excluding' : 'Exclude'}
                  onClick={() => onChange(o.value, o.selected === 'exclude' ? null : 'exclude')}
                >
                  ⊘
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {none ? <p className="facet-empty">{pending ? 'Counting…' : 'No match'}</p> : null}
      {hidden > 0 || (expanded && !needle && collapsible) ? (
        <button type="button" className="link" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all (${hidden} more)`}
        </button>
      ) : null}
    </section>
  );
});
