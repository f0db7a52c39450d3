import { formatCount } from '../data/display';

export interface StatusParts {
  /** Specs the filters let through. */
  shown: number;
  /** Specs in the loaded table. */
  total: number;
  /** Packages those specs are in, in the package view (null in the spec view). */
  packages: number | null;
  /** While more tags load: the tag shown meanwhile, and what is still loading ("3 more tags"). */
  loading: { tag: string; more: string } | null;
}

/** "12 of 1,001 specs", plus the package count and the loading tags when there are any. */
export function statusText({ shown, total, packages, loading }: StatusParts): string {
  return (
    `${formatCount(shown)} of ${formatCount(total)} specs` +
    (packages === null ? '' : ` in ${formatCount(packages)} packages`) +
    (loading ? ` in ${loading.tag} · ${loading.more} loading…` : '')
  );
}

/**
 * The longest text the status line can show while only the filters change: every spec shown, in as
 * many packages as the table has.
 */
export function widestStatusText(parts: StatusParts, packagesInTable: number): string {
  return statusText({
    ...parts,
    shown: parts.total,
    packages: parts.packages === null ? null : packagesInTable,
  });
}

export interface StatusLineProps {
  /** What to count (null before a table is loaded: an empty line). */
  parts: StatusParts | null;
  /** Packages in the loaded table, for the widest text of the package view. */
  packagesInTable: number;
}

/**
 * The result count, in a slot as wide as the longest count it can show. Without that, typing a query
 * whose count had fewer digits let the header's items fit on one line again and every key could move
 * the whole page below the header up or down by a line (and lay it out, and paint it, again).
 */
export function StatusLine({ parts, packagesInTable }: StatusLineProps) {
  // The reserving text is generated content (see .status-slot::after): not a second copy of the count
  // in the document, where assistive technology or a text search would find it.
  return (
    <div className="status-slot" data-widest={parts ? widestStatusText(parts, packagesInTable) : ''}>
      <p className="status" role="status" aria-live="polite">
        {parts ? statusText(parts) : ''}
      </p>
    </div>
  );
}
