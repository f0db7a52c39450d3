import type { PageFigures } from './browser';
import { stealPercent } from './cpu-steal';
import type { SizeResult } from './measure-size';
import type { Row } from './report';
import { median, percentile } from './stats';

const pair = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x + (b[i] ?? 0));
const pooled = (r: SizeResult, pick: (s: SizeResult['engine'][number]['samples']) => number[]) =>
  r.engine.flatMap((e) => pick(e.samples));

const PAYLOAD_SOURCES = [
  ['ours', 'our shards + manifest'],
  ['specsData', 'specs_data.json shape'],
  ['pages', 'cache.spack.io pages'],
] satisfies ReadonlyArray<readonly [keyof SizeResult['payload'], string]>;
const PAYLOAD_ENCODINGS = [
  ['raw', 'raw'],
  ['gzip', 'gzip -9'],
  ['brotli', 'brotli 11'],
] satisfies ReadonlyArray<readonly [keyof SizeResult['payload']['ours'], string]>;

/** The bench's table: one row per figure, one value per dataset size (see bench/README.md). */
export function rows(results: readonly SizeResult[]): Row[] {
  const each = (f: (r: SizeResult) => number | null | undefined) => results.map((r) => f(r) ?? null);
  const p = (q: number, pick: (s: SizeResult['engine'][number]['samples']) => number[]) =>
    each((r) => percentile(pooled(r, pick), q));
  const app = (r: SizeResult) => r.browser?.app;
  const dt = (r: SizeResult) => r.browser?.dataTables;
  const floor = (r: SizeResult) => r.browser?.floor;
  /** Keystroke latency percentile `q` of one page, per size. */
  const keys = (page: (r: SizeResult) => PageFigures | null | undefined, q: number) =>
    each((r) => percentile(page(r)?.keystrokeMs ?? [], q));
  const payloadRows = PAYLOAD_SOURCES.flatMap(([source, name]) =>
    PAYLOAD_ENCODINGS.map(([encoding, encodingName]): Row => ({
      label: `payload, ${name}: ${encodingName}`,
      unit: 'B/spec',
      values: each((r) => r.payload[source][encoding]),
      // The target is on what the app ships, as a static host serves it.
      ...(source === 'ours' && encoding === 'gzip' ? { target: { text: '≤ 24', limit: 24 } } : {}),
    })),
  );
  return [
    ...payloadRows,
    {
      label: 'load+decode+index in Node (median)',
      unit: 'ms',
      values: each((r) => median(r.engine.map((e) => e.loadMs.total))),
    },
    {
      label: '  of which JSON.parse',
      unit: 'ms',
      values: each((r) => median(r.engine.map((e) => e.loadMs.parse))),
    },
    {
      label: '  of which parseShard (zod)',
      unit: 'ms',
      values: each((r) => median(r.engine.map((e) => e.loadMs.validate))),
    },
    {
      label: '  of which decodeShard + mergeTables',
      unit: 'ms',
      values: each((r) => median(r.engine.map((e) => e.loadMs.decode + e.loadMs.merge))),
    },
    {
      label: '  of which buildFacetIndex',
      unit: 'ms',
      values: each((r) => median(r.engine.map((e) => e.loadMs.index))),
    },
    {
      label: 'JS heap after load, Node (heap + typed arrays)',
      unit: 'MB',
      values: each((r) => median(r.engine.map((e) => e.heapMB.total))),
      target: { text: '≤ 250', limit: 250 },
    },
    {
      label: 'JS heap after load, app in Chromium',
      unit: 'MB',
      values: each((r) => app(r)?.heapMB),
      target: { text: '≤ 250', limit: 250 },
    },
    { label: 'JS heap after load, DataTables page', unit: 'MB', values: each((r) => dt(r)?.heapMB) },
    { label: 'filter (query + facets → rows) p50', unit: 'ms', values: p(50, (s) => s.filter) },
    { label: 'filter (query + facets → rows) p95', unit: 'ms', values: p(95, (s) => s.filter) },
    { label: 'facet recount p95', unit: 'ms', values: p(95, (s) => s.counts) },
    { label: 'charts (3 countBy + crossCount) p95', unit: 'ms', values: p(95, (s) => s.charts) },
    {
      label: 'facet counts + charts refreshed p95',
      unit: 'ms',
      values: p(95, (s) => pair(s.counts, s.charts)),
      target: { text: '≤ 60', limit: 60 },
    },
    { label: 'sort p95', unit: 'ms', values: p(95, (s) => s.sort) },
    {
      label: 'whole interaction (filter+counts+charts+sort) p95',
      unit: 'ms',
      values: p(95, (s) => s.interaction),
    },
    {
      label: 'app: navigation → first rows (median)',
      unit: 'ms',
      values: each((r) => median(app(r)?.firstRowsMs ?? [])),
      target: { text: '≤ 2,500', limit: 2500 },
    },
    {
      label: 'app: navigation → all tags in (median)',
      unit: 'ms',
      values: each((r) => median(app(r)?.allRowsMs ?? [])),
    },
    {
      label: 'app: keystroke → rows painted p50',
      unit: 'ms',
      values: keys(app, 50),
    },
    {
      label: 'app: keystroke → rows painted p95',
      unit: 'ms',
      values: keys(app, 95),
      target: { text: '≤ 30', limit: 30 },
    },
    {
      label: 'app: host CPU steal while typing',
      unit: '%',
      values: each((r) => stealPercent(app(r)?.cpu)),
    },
    {
      label: 'floor page: keystroke → cells repainted p50',
      unit: 'ms',
      values: keys(floor, 50),
    },
    {
      label: 'floor page: keystroke → cells repainted p95',
      unit: 'ms',
      values: keys(floor, 95),
    },
    {
      label: 'floor page: host CPU steal while typing',
      unit: '%',
      values: each((r) => stealPercent(floor(r)?.cpu)),
    },
    {
      label: 'floor page: body rows in view, all rewritten per key',
      unit: 'count',
      values: each((r) => floor(r)?.rowsRewritten),
    },
    {
      label: 'app: longest main-thread task during load',
      unit: 'ms',
      values: each((r) => (app(r) ? Math.max(0, ...(app(r)?.longTasks.load ?? [])) : null)),
    },
    {
      label: 'app: main-thread tasks ≥ 50 ms while typing (all runs)',
      unit: 'count',
      values: each((r) => app(r)?.longTasks.typing.length),
    },
    {
      label: 'app: longest main-thread task while typing',
      unit: 'ms',
      values: each((r) => (app(r) ? Math.max(0, ...(app(r)?.longTasks.typing ?? [])) : null)),
    },
    {
      label: 'DataTables: navigation → first rows (median)',
      unit: 'ms',
      values: each((r) => median(dt(r)?.firstRowsMs ?? [])),
    },
    {
      label: 'DataTables: keystroke → draw painted p50',
      unit: 'ms',
      values: keys(dt, 50),
    },
    {
      label: 'DataTables: keystroke → draw painted p95',
      unit: 'ms',
      values: keys(dt, 95),
    },
    {
      label: 'DataTables: host CPU steal while typing',
      unit: '%',
      values: each((r) => stealPercent(dt(r)?.cpu)),
    },
    {
      label: 'app faster than DataTables (keystroke p50 ratio)',
      unit: '×',
      values: each(
        (r) => percentile(dt(r)?.keystrokeMs ?? [], 50) / percentile(app(r)?.keystrokeMs ?? [], 50),
      ),
      target: { text: '≥ 50', limit: 50, higherIsBetter: true },
    },
    {
      label: 'keystrokes that changed nothing (app + floor + DataTables)',
      unit: 'count',
      values: each((r) => (app(r)?.unchanged ?? 0) + (floor(r)?.unchanged ?? 0) + (dt(r)?.unchanged ?? 0)),
    },
    {
      label: 'builder throughput (median)',
      unit: 'specs/s',
      values: each((r) => median(r.builder.map((b) => b.specsPerSecond))),
    },
    {
      label: 'builder peak RSS (median)',
      unit: 'MB',
      values: each((r) => median(r.builder.map((b) => b.peakRssMB))),
    },
    { label: 'synthetic generation', unit: 's', values: each((r) => r.generation.ms / 1000) },
  ];
}
