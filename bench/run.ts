/**
 * `npm run bench` (node --expose-gc --import tsx bench/run.ts): synthetic datasets of each size through
 * the real builder, the engine in Node and the app in headless Chromium, against the targets. Prints
 * one table and writes bench/results.json. Not a test: nothing here asserts, it measures.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { buildProfile } from '../scripts/synthetic/profile';
import { DEFAULT_SAMPLES, readSamples } from '../scripts/synthetic/read-samples';
import { buildApp } from './app-build';
import { PROJECT_ROOT } from './dataset';
import { measureSize, SINGLE_RUN_FROM, type SizeResult } from './measure-size';
import { renderTable, sizeName, verdict, type Row } from './report';
import { machine, median, percentile } from './stats';
import { makeWorkDir } from './work-dir';

const USAGE = `Usage: npm run bench -- [--sizes 10000,100000,1000000] [--tags 60] [--runs 3] [--seed 1]
                        [--no-browser] [--no-datatables] [--no-ingest] [--keep] [--work-dir DIR]
                        [--out bench/results.json]`;

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000,1000000' },
      tags: { type: 'string', default: '60' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      'no-browser': { type: 'boolean', default: false },
      'no-datatables': { type: 'boolean', default: false },
      'no-ingest': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'work-dir': { type: 'string' },
      out: { type: 'string', default: path.join(PROJECT_ROOT, 'bench', 'results.json') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: string, text: string) => {
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new Error(`--${name}: expected a positive integer, got "${text}"\n${USAGE}`);
    return n;
  };
  const sizes = values.sizes.split(',').map((s) => int('sizes', s.trim()));
  return {
    sizes: [...sizes].sort((a, b) => a - b),
    tags: int('tags', values.tags),
    runs: int('runs', values.runs),
    seed: int('seed', values.seed),
    browser: !values['no-browser'],
    dataTables: !values['no-datatables'],
    ingest: !values['no-ingest'],
    keep: values.keep,
    workDir: values['work-dir'] ?? null,
    out: values.out,
  };
}

const pair = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x + (b[i] ?? 0));
const pooled = (r: SizeResult, pick: (s: SizeResult['engine'][number]['samples']) => number[]) =>
  r.engine.flatMap((e) => pick(e.samples));

function rows(results: readonly SizeResult[]): Row[] {
  const each = (f: (r: SizeResult) => number | null | undefined) => results.map((r) => f(r) ?? null);
  const p = (q: number, pick: (s: SizeResult['engine'][number]['samples']) => number[]) =>
    each((r) => percentile(pooled(r, pick), q));
  const app = (r: SizeResult) => r.browser?.app;
  const dt = (r: SizeResult) => r.browser?.dataTables;
  return [
    { label: 'payload, our shards + manifest: raw', unit: 'B/spec', values: each((r) => r.payload.ours.raw) },
    {
      label: 'payload, our shards + manifest: gzip -9',
      unit: 'B/spec',
      values: each((r) => r.payload.ours.gzip),
      target: { text: '≤ 24', limit: 24 },
    },
    {
      label: 'payload, our shards + manifest: brotli 11',
      unit: 'B/spec',
      values: each((r) => r.payload.ours.brotli),
    },
    {
      label: 'payload, specs_data.json shape: raw',
      unit: 'B/spec',
      values: each((r) => r.payload.specsData.raw),
    },
    {
      label: 'payload, specs_data.json shape: gzip -9',
      unit: 'B/spec',
      values: each((r) => r.payload.specsData.gzip),
    },
    {
      label: 'payload, specs_data.json shape: brotli 11',
      unit: 'B/spec',
      values: each((r) => r.payload.specsData.brotli),
    },
    { label: 'payload, cache.spack.io pages: raw', unit: 'B/spec', values: each((r) => r.payload.pages.raw) },
    {
      label: 'payload, cache.spack.io pages: gzip -9',
      unit: 'B/spec',
      values: each((r) => r.payload.pages.gzip),
    },
    {
      label: 'payload, cache.spack.io pages: brotli 11',
      unit: 'B/spec',
      values: each((r) => r.payload.pages.brotli),
    },
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
      values: each((r) => percentile(app(r)?.keystrokeMs ?? [], 50)),
    },
    {
      label: 'app: keystroke → rows painted p95',
      unit: 'ms',
      values: each((r) => percentile(app(r)?.keystrokeMs ?? [], 95)),
      target: { text: '≤ 30', limit: 30 },
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
      values: each((r) => percentile(dt(r)?.keystrokeMs ?? [], 50)),
    },
    {
      label: 'DataTables: keystroke → draw painted p95',
      unit: 'ms',
      values: each((r) => percentile(dt(r)?.keystrokeMs ?? [], 95)),
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
      label: 'keystrokes that changed nothing (app + DataTables)',
      unit: 'count',
      values: each((r) => (app(r)?.unchanged ?? 0) + (dt(r)?.unchanged ?? 0)),
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

async function main(o: ReturnType<typeof options>): Promise<void> {
  const started = performance.now();
  const log = (line: string) =>
    process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const work = await makeWorkDir(Math.max(...o.sizes), o.workDir);
  const workDir = work.dir;
  log(`work folder ${workDir} (${work.why})`);
  // Interrupted, the bench still removes its folder: in /dev/shm it would hold memory until a reboot.
  process.once('SIGINT', () => {
    if (!o.keep) rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    const profile = buildProfile(await readSamples(path.join(PROJECT_ROOT, DEFAULT_SAMPLES)));
    let appDir: string | null = null;
    if (o.browser) {
      log('building the app (vite build)…');
      appDir = path.join(workDir, 'app');
      await buildApp(appDir);
    }
    const results: SizeResult[] = [];
    for (const size of o.sizes) {
      results.push(
        await measureSize(profile, {
          size,
          tags: o.tags,
          seed: o.seed,
          runs: o.runs,
          workDir,
          appDir,
          dataTables: o.dataTables,
          log,
        }),
      );
    }
    const table = rows(results);
    const notes = [
      `Runs: ${o.runs} per figure (builder and DataTables page load: 1 from ${sizeName(SINGLE_RUN_FROM)} specs), ${o.tags} weekly tags, seed ${o.seed}; ` +
        `latencies pooled over ${results[0]?.engine[0]?.samples.filter.length ?? 0} query samples per run; total ${((performance.now() - started) / 1000).toFixed(0)} s.`,
      'Targets apply at 1M specs; see bench/README.md for what each figure means.',
    ];
    process.stdout.write(`${renderTable(table, o.sizes, machine(), notes)}\n`);
    const json = {
      date: new Date().toISOString(),
      machine: machine(),
      options: { ...o, out: undefined },
      table: table.map((r) => ({ ...r, sizes: o.sizes, verdict: verdict(r) })),
      results,
    };
    // Formatted as `npm run format` would, so that the committed results pass `prettier --check`.
    const config = await resolveConfig(o.out);
    await writeFile(o.out, await format(JSON.stringify(json), { ...config, filepath: o.out }));
    log(`wrote ${path.relative(process.cwd(), o.out)}`);
  } finally {
    if (o.keep) log(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * The Spack index ingest figures (scripts/bench-ingest.ts), run from here rather than chained after this
 * script in package.json: chained, the options given to `npm run bench -- …` went to the ingest script
 * instead of this one.
 */
function runIngest(): Promise<void> {
  const script = path.join(PROJECT_ROOT, 'scripts', 'bench-ingest.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`scripts/bench-ingest.ts failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

const o = options();
await main(o);
if (o.ingest) await runIngest();
