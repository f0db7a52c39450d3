import type { RowOrder } from './engine/row-order';
import { recordAt, type SpecTable } from './spec-table';

export const EXPORT_FIELDS = [
  'hash',
  'package',
  'version',
  'compiler',
  'os',
  'platform',
  'target',
  'variants',
  'stacks',
  'size',
  'tag',
] as const;

/** RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The rows as CSV with a header line, CRLF line ends (RFC 4180). Lists (versions, variants, stacks) are
 * space-separated, as Spack writes them; values are the source's own (`none`, `-`).
 */
export function toCsv(table: SpecTable, rows: RowOrder): string {
  const lines = [EXPORT_FIELDS.join(',')];
  rows.forEach((row) => {
    const r = recordAt(table, row);
    const fields = [
      r.hash,
      r.package,
      r.versions.join(' '),
      r.compiler,
      r.os,
      r.platform,
      r.target,
      r.variants.join(' '),
      r.stacks.join(' '),
      String(r.size),
      r.tag,
    ];
    lines.push(fields.map(csvField).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** The rows as a JSON array of records, with the source's field names and values. */
export function toJson(table: SpecTable, rows: RowOrder): string {
  const out: object[] = [];
  rows.forEach((row) => {
    const { extra, ...r } = recordAt(table, row);
    out.push({ ...r, ...extra });
  });
  return `${JSON.stringify(out, null, 1)}\n`;
}
