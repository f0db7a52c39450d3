/**
 * Ingest benchmark, not part of the test suite: writes a synthetic database v8 index of about the size of
 * the real develop index (185 MB) to a temp folder, ingests it in a child process, and prints throughput
 * and the ingest's own peak RSS.
 * Usage: npx tsx scripts/bench-ingest.ts [target MB, default 185]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_FETCH } from './lib/index/fetch';
import { ingestIndexes } from './lib/index/ingest';
import { progressWriter } from './lib/progress';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const FEATURES = [
  'adx',
  'aes',
  'avx',
  'avx2',
  'bmi1',
  'bmi2',
  'f16c',
  'fma',
  'mmx',
  'movbe',
  'pclmulqdq',
  'popcnt',
  'rdrand',
  'sse',
  'sse2',
  'sse4_1',
  'sse4_2',
  'ssse3',
  'xsave',
];
const PACKAGES = [
  'zlib-ng',
  'cmake',
  'openmpi',
  'hdf5',
  'py-numpy',
  'python',
  'boost',
  'llvm',
  'petsc',
  'trilinos',
];

function hashOf(i: number): string {
  const digest = createHash('sha256').update(`bench-${i}`).digest();
  let out = '';
  for (let k = 0; k < 32; k++) out += ALPHABET[(digest[k] ?? 0) % 32];
  return out;
}

/** Entry i: a v8 node whose compiler is one of the first ten nodes, reached through a `c` edge. */
function entry(i: number): string {
  const hash = hashOf(i);
  const deps =
    i < 10
      ? []
      : [0, 1, 2, 3].map((k) => ({
          name: k === 0 ? 'gcc' : PACKAGES[(i + k) % PACKAGES.length],
          hash: hashOf(k === 0 ? i % 10 : (i * 7 + k) % i),
          parameters: { deptypes: ['build', 'link'], virtuals: k === 0 ? ['c', 'cxx'] : [] },
        }));
  const spec = {
    name: i < 10 ? 'gcc' : PACKAGES[i % PACKAGES.length],
    version: i < 10 ? `1${i}.2.0` : `${i % 7}.${i % 13}.${i % 3}`,
    arch: {
      platform: 'linux',
      platform_os: 'ubuntu24.04',
      target: {
        name: 'x86_64_v3',
        vendor: 'generic',
        features: FEATURES,
        generation: 0,
        parents: ['x86_64_v2'],
        cpupart: '',
      },
    },
    namespace: 'builtin',
    parameters: {
      build_system: 'cmake',
      shared: i % 2 === 0,
      mpi: i % 3 === 0,
      cxxstd: '17',
      patches: ['abcdef0123456789'],
      cflags: [],
      cppflags: [],
      cxxflags: [],
      fflags: [],
      ldflags: [],
      ldlibs: [],
    },
    package_hash: `${hash}${hash}====`,
    dependencies: deps,
    annotations: { original_specfile_version: 5 },
    hash,
  };
  return `${JSON.stringify(hash)}:${JSON.stringify({ spec, ref_count: 1, in_buildcache: i % 50 !== 0 })}`;
}

async function generate(file: string, targetBytes: number): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  let i = 0;
  const write = (text: string) => {
    bytes += text.length;
    return out.write(text);
  };
  write('{"database":{"version":"8","installs":{');
  while (bytes < targetBytes) {
    if (!write(`${i > 0 ? ',' : ''}${entry(i)}`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    i++;
  }
  write('}}}');
  out.end();
  await finished(out);
  return i;
}

/** What the child reports on its stdout, one JSON line. maxRSS is in kilobytes, as Node gives it. */
const childReport = z.object({
  seconds: z.number(),
  rows: z.number(),
  errors: z.number(),
  summary: z.string(),
  rssAtStartKb: z.number(),
  maxRssKb: z.number(),
});

/**
 * The ingest alone, in this process: run as a child so that its peak RSS is the ingest's (plus Node and
 * tsx), not that of the generator, which ran in the parent.
 */
async function child(file: string) {
  const rssAtStartKb = process.memoryUsage().rss / 1024;
  const started = performance.now();
  const progress = progressWriter();
  const result = await ingestIndexes({
    inputs: [{ location: file, tag: 'develop', stack: 'root' }],
    tagMaps: [],
    fetch: { ...DEFAULT_FETCH, progress: progress.report },
  });
  progress.done();
  const report: z.infer<typeof childReport> = {
    seconds: (performance.now() - started) / 1000,
    rows: result.pages.reduce((n, p) => n + p.specs.length, 0),
    errors: result.errors.length,
    summary: result.lines[0] ?? '',
    rssAtStartKb,
    maxRssKb: process.resourceUsage().maxRSS,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** Run `child` in a fresh Node process (progress goes straight to this stderr) and read its report. */
function runChild(file: string): Promise<z.infer<typeof childReport>> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, '--child', file], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ingest child exited with ${code}:\n${stdout}`));
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(childReport.parse(JSON.parse(last)));
      } catch (error) {
        reject(new Error(`unreadable report from the ingest child: ${last}`, { cause: error }));
      }
    });
  });
}

async function main() {
  const targetMb = Number(process.argv[2] ?? 185);
  if (!(targetMb > 0)) throw new Error(`usage: bench-ingest.ts [target MB > 0], got ${process.argv[2]}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-ingest-'));
  try {
    const file = path.join(dir, 'index.json');
    const entries = await generate(file, targetMb * 1e6);
    const { size } = await stat(file);
    const r = await runChild(file);
    const mb = (kb: number) => ((kb * 1024) / 1e6).toFixed(0);
    process.stdout.write(
      [
        `index: ${(size / 1e6).toFixed(1)} MB, ${entries} entries (db v8)`,
        `ingest (parse + normalise + resolve to records): ${r.seconds.toFixed(2)} s`,
        `throughput: ${(size / 1e6 / r.seconds).toFixed(1)} MB/s, ${Math.round(entries / r.seconds)} specs/s`,
        `records: ${r.rows} written, errors: ${r.errors}`,
        r.summary,
        `ingest peak RSS: ${mb(r.maxRssKb)} MB (its own process: Node and tsx take ${mb(r.rssAtStartKb)} MB at start; the generator is not included)`,
      ].join('\n') + '\n',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const file = process.argv[3];
  if (!file) throw new Error('usage: bench-ingest.ts --child <index file>');
  await child(file);
} else {
  await main();
}
