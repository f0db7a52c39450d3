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
import { addCpuTimes, readCpuTimes, stealPercent } from './cpu-steal';
import { PROJECT_ROOT } from './dataset';
import { measureSize, SINGLE_RUN_FROM, type SizeResult } from './measure-size';
import { renderTable, sizeName, verdict } from './report';
import { rows } from './rows';
import { machine } from './stats';
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

async function main(o: ReturnType<typeof options>): Promise<void> {
  const started = performance.now();
  const cpuAtStart = readCpuTimes();
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
          // Its page is the same at every size (a screenful of rows), so once is enough.
          floor: size === Math.max(...o.sizes),
          log,
        }),
      );
    }
    const table = rows(results);
    const whole = cpuAtStart && { steal: 0, total: 0 };
    addCpuTimes(whole, cpuAtStart, readCpuTimes());
    const steal = stealPercent(whole);
    const notes = [
      `Runs: ${o.runs} per figure (builder and DataTables page load: 1 from ${sizeName(SINGLE_RUN_FROM)} specs), ${o.tags} weekly tags, seed ${o.seed}; ` +
        `latencies pooled over ${results[0]?.engine[0]?.samples.filter.length ?? 0} query samples per run; total ${((performance.now() - started) / 1000).toFixed(0)} s.`,
      'Targets apply at 1M specs; see bench/README.md for what each figure means.',
      // The host's share of this virtual machine's cores moves every timing here (bench/README.md).
      `Host CPU steal over the whole run: ${steal === null ? 'not measured (no /proc/stat)' : `${steal.toFixed(1)}%`}.`,
    ];
    const host = machine(results.find((r) => r.browser)?.browser?.version ?? null);
    process.stdout.write(`${renderTable(table, o.sizes, host, notes)}\n`);
    const json = {
      date: new Date().toISOString(),
      machine: host,
      hostCpuStealPercent: steal,
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
