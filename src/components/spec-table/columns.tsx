import { columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { formatCompiler, formatSize, formatVersions, shortHash } from '../../data/display';
import type { SpecRecord } from '../../data/spec-table';
import { CopyButton } from '../ui/copy-button';

/** What one visible row of the table shows: a materialised record plus its row index in the SpecTable. */
export interface SpecRow extends SpecRecord {
  tag: string;
  row: number;
}

export const specTableFeatures = tableFeatures({ columnVisibilityFeature });

const helper = createColumnHelper<typeof specTableFeatures, SpecRow>();

const MAX_VARIANTS_SHOWN = 3;

function VariantsCell({ variants }: { variants: readonly string[] }) {
  const shown = variants.slice(0, MAX_VARIANTS_SHOWN);
  const rest = variants.length - shown.length;
  return (
    <span className="variants" title={variants.join(' ')}>
      <span className="variants-shown">{shown.join(' ')}</span>
      {rest > 0 ? <span className="more">+{rest} more</span> : null}
    </span>
  );
}

function HashCell({ hash }: { hash: string }) {
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

// Module-level column definitions, as in TanStack Table's examples: stable identity, no re-creation per render.
export const specColumns = helper.columns([
  helper.accessor('hash', {
    header: COLUMN_LABELS.hash,
    cell: (info) => <HashCell hash={info.getValue()} />,
  }),
  helper.accessor('package', { header: COLUMN_LABELS.package }),
  helper.accessor('versions', {
    id: 'version',
    header: COLUMN_LABELS.version,
    cell: (info) => formatVersions(info.getValue()),
  }),
  helper.accessor('compiler', {
    header: COLUMN_LABELS.compiler,
    cell: (info) => {
      const text = formatCompiler(info.getValue());
      return <span className={text === 'no compiler' ? 'muted' : undefined}>{text}</span>;
    },
  }),
  helper.accessor('os', { header: COLUMN_LABELS.os }),
  helper.accessor('target', { header: COLUMN_LABELS.target }),
  helper.accessor('platform', { header: COLUMN_LABELS.platform }),
  helper.accessor('variants', {
    header: COLUMN_LABELS.variants,
    cell: (info) => <VariantsCell variants={info.getValue()} />,
  }),
  helper.accessor('stacks', {
    header: COLUMN_LABELS.stacks,
    cell: (info) => {
      const stacks = info.getValue().filter((s) => s !== 'root');
      return <span title={info.getValue().join(', ')}>{stacks.join(', ') || 'root only'}</span>;
    },
  }),
  helper.accessor('size', {
    header: COLUMN_LABELS.size,
    cell: (info) => {
      const text = formatSize(info.getValue());
      return <span className={text === 'unknown' ? 'muted' : 'num'}>{text}</span>;
    },
  }),
  helper.accessor('tag', { header: COLUMN_LABELS.tag }),
]);
