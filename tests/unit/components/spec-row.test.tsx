import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, type ColumnId, type VariantLead } from '../../../src/components/spec-table/columns';
import { SpecRowView } from '../../../src/components/spec-table/spec-row';
import { charWidths } from '../../../src/components/spec-table/text-fit';
import type { CellFit } from '../../../src/components/spec-table/use-cell-fit';
import { spec, tableOf } from '../engine/fixtures';

const data = tableOf([
  [
    'v1',
    [
      spec({
        package: 'zlib',
        compiler: 'intel-oneapi-compilers@2024.1.0',
        variants: ['+a', '+b', '+c', '+d'],
      }),
    ],
  ],
]);

/** Every character 7 px wide; every column 70 px: texts of up to 9 characters fit (63 px + 1 px slack). */
const fit: CellFit = {
  chars: charWidths(() => 7),
  columns: new Map(COLUMN_IDS.map((id): [ColumnId, number] => [id, 70])),
};

function renderRow(cellFit: CellFit | null, table = data, leadVariant: VariantLead | null = null) {
  render(
    <table>
      <tbody>
        <SpecRowView
          data={table}
          row={0}
          index={0}
          cellIds={COLUMN_IDS}
          selectedHash={null}
          tabbable
          actions={false}
          fit={cellFit}
          leadVariant={leadVariant}
        />
      </tbody>
    </table>,
  );
  const row = screen.getByRole('row');
  const clipped = (id: ColumnId) => row.querySelector(`td.col-${id}`)?.classList.contains('clip');
  return { row, clipped };
}

describe('SpecRowView clipping', () => {
  it('clips only the cells whose text may not fit their column', () => {
    const { clipped } = renderRow(fit);
    expect(clipped('package')).toBe(false); // "zlib"
    expect(clipped('platform')).toBe(false); // "linux"
    expect(clipped('target')).toBe(false); // "x86_64_v3", 9 characters
    expect(clipped('os')).toBe(true); // "ubuntu22.04", 11
    expect(clipped('compiler')).toBe(true);
    // The 7-character hash always fits; the variants' own span clips theirs.
    expect(clipped('hash')).toBe(false);
    expect(clipped('variants')).toBe(false);
  });

  it('clips every text cell but the hash without widths to go by', () => {
    const { row, clipped } = renderRow(null);
    expect(clipped('package')).toBe(true);
    expect(clipped('platform')).toBe(true);
    expect(clipped('hash')).toBe(false);
    expect(within(row).getByText('+1 more')).toBeInTheDocument();
  });
});

describe('SpecRowView variants cell', () => {
  it('leads with what the build switched on and lists the rest in its title', () => {
    const hdf5 = tableOf([
      [
        'v1',
        [
          spec({
            package: 'hdf5',
            variants: ['api=default', 'build_system=cmake', '~cxx', '+fortran', '+mpi', '~szip'],
          }),
        ],
      ],
    ]);
    const cell = renderRow(fit, hdf5).row.querySelector('td.col-variants');
    expect(cell).toHaveTextContent('+fortran +mpi api=default+3 more');
    expect(cell).toHaveAttribute('title', '+fortran +mpi api=default build_system=cmake ~cxx ~szip');
  });

  it('lists first the variants the filters ask for', () => {
    const hdf5 = tableOf([
      ['v1', [spec({ package: 'hdf5', variants: ['api=default', '~cxx', '+fortran', '+mpi', '~szip'] })]],
    ]);
    const asked = (token: string) => token === '~szip' || token === '+mpi';
    const cell = renderRow(fit, hdf5, asked).row.querySelector('td.col-variants');
    expect(cell).toHaveTextContent('+mpi ~szip +fortran+2 more');
  });
});
