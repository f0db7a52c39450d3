import type { Machine } from './stats';

/** One line of the table: a figure per dataset size, and optionally a target checked at the largest size. */
export interface Row {
  label: string;
  unit: string;
  values: Array<number | null>;
  target?: { text: string; limit: number; higherIsBetter?: boolean };
}

function format(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '–';
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export function verdict(row: Row): string {
  const { target } = row;
  if (!target) return '';
  const v = row.values[row.values.length - 1] ?? null;
  if (v === null || Number.isNaN(v)) return 'not measured';
  const met = target.higherIsBetter ? v >= target.limit : v <= target.limit;
  if (met) return 'met';
  const gap = target.higherIsBetter ? target.limit / v : v / target.limit;
  return `MISSED (${format(Math.abs(v - target.limit))} ${row.unit} off, ${gap.toFixed(1)}×)`;
}

export const sizeName = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

export function renderTable(
  rows: readonly Row[],
  sizes: readonly number[],
  machine: Machine,
  notes: string[],
): string {
  const largest = sizes[sizes.length - 1] ?? 0;
  const header = [
    'figure',
    'unit',
    ...sizes.map((s) => `${sizeName(s)} specs`),
    'target (at 1M)',
    largest >= 1e6 ? 'at 1M' : `at ${sizeName(largest)} (1M not run)`,
  ];
  const body = rows.map((r) => [r.label, r.unit, ...r.values.map(format), r.target?.text ?? '', verdict(r)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 || i >= cells.length - 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [
    `Machine: ${machine.cpu} × ${machine.cores}, ${machine.memoryGB} GB, ${machine.os}, Node ${machine.node}` +
      (machine.chromium === null ? '' : `, Chromium ${machine.chromium}`),
    ...notes,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
  ].join('\n');
}
