import { columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { formatCompiler, formatSize, formatVersions, shortHash } from '../../data/display';
import type { SpecRecord } from '../../data/spec-table';
import { CopyButton } from '../ui/copy-button';

/** What one visible row of the table shows: a materialised record (`recordAt`). */
export interface SpecRow extends SpecRecord {
  tag: string;
}

export const specTableFeatures = tableFeatures({ columnVisibilityFeature });

const helper = createColumnHelper<typeof specTableFeatures, SpecRow>();

const MAX_VARIANTS_SHOWN = 3;

/**
 * The variants and hash cells are plain functions called by CELLS rather than components: a keystroke
 * re-renders every row in view with new props, so a component per cell would only add React's work.
 */
function variantsCell(variants: readonly string[]) {
  const shown = variants.slice(0, MAX_VARIANTS_SHOWN);
  const rest = variants.length - shown.length;
  return (
    <span className="variants" title={variants.join(' ')}>
      <span className="variants-shown">{shown.join(' ')}</span>
      {rest > 0 ? <span className="more">+{rest} more</span> : null}
    </span>
  );
}

function hashCell(hash: string) {
  return (
    <span className="hash-cell">
      <code className="hash" title={hash}>
        {shortHash(hash)}
      </code>
      <CopyButton text={hash} label={`Copy hash ${shortHash(hash)}`} />
      <CopyButton
        text={`spack install /${hash}`}
        label={`Copy spack install /${shortHash(hash)}`}
        icon="command"
      />
    </span>
  );
}

/** Column ids double as sort keys and URL `sort=` values. */
export const COLUMN_LABELS = {
  hash: 'Hash',
  package: 'Package',
  version: 'Version',
  compiler: 'Compiler',
  os: 'OS',
  target: 'Target',
  platform: 'Platform',
  variants: 'Variants',
  stacks: 'Stacks',
  size: 'Size',
  tag: 'Tag',
} as const;
export type ColumnId = keyof typeof COLUMN_LABELS;

/**
 * How each column shows a row. The windowed body calls these directly: going through a cell object per
 * cell costs more than the rendering itself when a keystroke refills a screenful of rows.
 */
export const CELLS: Record<ColumnId, (row: SpecRow) => ReactNode> = {
  hash: (r) => hashCell(r.hash),
  package: (r) => r.package,
  version: (r) => formatVersions(r.versions),
  compiler: (r) => {
    const text = formatCompiler(r.compiler);
    return <span className={text === 'no compiler' ? 'muted' : undefined}>{text}</span>;
  },
  os: (r) => r.os,
  target: (r) => r.target,
  platform: (r) => r.platform,
  variants: (r) => variantsCell(r.variants),
  stacks: (r) => {
    const stacks = r.stacks.filter((s) => s !== 'root');
    return <span title={r.stacks.join(', ')}>{stacks.join(', ') || 'root only'}</span>;
  },
  size: (r) => {
    const text = formatSize(r.size);
    return <span className={text === 'unknown' ? 'muted' : 'num'}>{text}</span>;
  },
  tag: (r) => r.tag,
};

export const COLUMN_IDS = Object.keys(COLUMN_LABELS).filter((id): id is ColumnId => id in COLUMN_LABELS);

// Module-level column definitions, as in TanStack Table's examples: stable identity, no re-creation per
// render. They give the columns, their headers and visibility; cells render through CELLS.
export const specColumns = helper.columns(
  COLUMN_IDS.map((id) => helper.display({ id, header: COLUMN_LABELS[id] })),
);
