import { columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { formatCompiler, formatSize, formatVersions, shortHash, variantsForCell } from '../../data/display';
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
 * What one cell shows. The class and title go on the cell itself rather than on an element inside it:
 * a keystroke can refill every row in view, and each element less per cell is less to create, style,
 * lay out and paint in that frame.
 */
export interface CellView {
  content: ReactNode;
  className?: string;
  title?: string;
  /** The content always fits its column (the 7-character hash), so the cell never needs clipping. */
  fits?: boolean;
}

/** Whether a variant token is one the filters ask for: the variants cell lists those first. */
export type VariantLead = (token: string) => boolean;

function variantsCell(source: readonly string[], lead: VariantLead | null): CellView {
  const variants = variantsForCell(source, lead ?? undefined);
  // The title continues the cell's list where "+N more" cuts it, so it uses the cell's order too.
  const title = variants.join(' ');
  const rest = variants.length - MAX_VARIANTS_SHOWN;
  if (rest <= 0) return { content: title, title };
  return {
    className: 'variants',
    title,
    content: (
      <>
        <span className="variants-shown">{variants.slice(0, MAX_VARIANTS_SHOWN).join(' ')}</span>
        <span className="more">+{rest} more</span>
      </>
    ),
  };
}

/**
 * The hash with its copy buttons, for the rows that show them (see SpecRowView): the row with the
 * keyboard's tab stop and the row under the pointer.
 */
export function hashActions(hash: string): ReactNode {
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
export const CELLS: Record<ColumnId, (row: SpecRow, lead: VariantLead | null) => CellView> = {
  hash: (r) => ({ content: shortHash(r.hash), className: 'hash', title: r.hash, fits: true }),
  package: (r) => ({ content: r.package }),
  version: (r) => ({ content: formatVersions(r.versions) }),
  compiler: (r) => {
    const text = formatCompiler(r.compiler);
    return { content: text, className: text === 'no compiler' ? 'muted' : undefined };
  },
  os: (r) => ({ content: r.os }),
  target: (r) => ({ content: r.target }),
  platform: (r) => ({ content: r.platform }),
  variants: (r, lead) => variantsCell(r.variants, lead),
  stacks: (r) => {
    const stacks = r.stacks.filter((s) => s !== 'root');
    return { content: stacks.join(', ') || 'root only', title: r.stacks.join(', ') };
  },
  size: (r) => {
    const text = formatSize(r.size);
    return { content: text, className: text === 'unknown' ? 'muted' : 'num' };
  },
  tag: (r) => ({ content: r.tag }),
};

export const COLUMN_IDS = Object.keys(COLUMN_LABELS).filter((id): id is ColumnId => id in COLUMN_LABELS);

// Module-level column definitions, as in TanStack Table's examples: stable identity, no re-creation per
// render. They give the columns, their headers and visibility; cells render through CELLS.
export const specColumns = helper.columns(
  COLUMN_IDS.map((id) => helper.display({ id, header: COLUMN_LABELS[id] })),
);
