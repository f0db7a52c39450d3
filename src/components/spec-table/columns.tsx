import { columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { formatCompiler, formatSize, formatVersions, shortHash } from '../../data/display';
import type { SpecRecord } from '../../data/spec-table';

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
      {shown.join(' ')}
      {rest > 0 ? <span className="more"> +{rest} more</span> : null}
    </span>
  );
}

// Module-level column definitions, as in TanStack Table's examples: stable identity, no re-creation per render.
export const specColumns = helper.columns([
  helper.accessor('hash', {
    header: 'Hash',
    cell: (info) => (
      <code className="hash" title={info.getValue()}>
        {shortHash(info.getValue())}
      </code>
    ),
  }),
  helper.accessor('package', { header: 'Package' }),
  helper.accessor('versions', {
    id: 'version',
    header: 'Version',
    cell: (info) => formatVersions(info.getValue()),
  }),
  helper.accessor('compiler', {
    header: 'Compiler',
    cell: (info) => {
      const text = formatCompiler(info.getValue());
      return <span className={text === 'no compiler' ? 'muted' : undefined}>{text}</span>;
    },
  }),
  helper.accessor('os', { header: 'OS' }),
  helper.accessor('target', { header: 'Target' }),
  helper.accessor('platform', { header: 'Platform' }),
  helper.accessor('variants', {
    header: 'Variants',
    cell: (info) => <VariantsCell variants={info.getValue()} />,
  }),
  helper.accessor('stacks', {
    header: 'Stacks',
    cell: (info) => {
      const stacks = info.getValue().filter((s) => s !== 'root');
      return <span title={info.getValue().join(', ')}>{stacks.join(', ') || 'root only'}</span>;
    },
  }),
  helper.accessor('size', {
    header: 'Size',
    cell: (info) => {
      const text = formatSize(info.getValue());
      return <span className={text === 'unknown' ? 'muted' : 'num'}>{text}</span>;
    },
  }),
]);
