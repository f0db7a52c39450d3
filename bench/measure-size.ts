import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Profile } from '../scripts/synthetic/profile';
import { parseManifest } from '../src/data/parse';
import { measureBrowser, type BrowserFigures } from './browser';
import { generatePages, PROJECT_ROOT, runBuilder, type BuilderRun } from './dataset';
import { engineRunSchema, type EngineRun } from './engine-run';
import { measurePayload, type Payload } from './payload';
import { serveStatic } from './static-server';

/**
 * From this size on, the builder runs once and the DataTables page is loaded once: each takes a minute
 * or more at a million specs, and the full bench must fit in ten. From 100k too since the sixth December
 * session, when on a slower host the bench took ten and a half minutes: their 100k runs took 40 s.
 */
export const SINGLE_RUN_FROM = 1e5;

export interface SizeOptions {
  size: number;
  tags: number;
  seed: number;
  runs: number;
  workDir: string;
  /** The built app (vite build output), or null to skip the browser figures. */
  appDir: string | null;
  dataTables: boolean;
  /** Measure the floor page too (bench/in-page.ts, FLOOR_INIT). */
  floor: boolean;
  log: (line: string) => void;
}

export interface SizeResult {
  size: number;
  generation: { ms: number; pages: number; pageBytes: number };
  builder: BuilderRun[];
  payload: Payload;
  engine: EngineRun[];
  browser: BrowserFigures | null;
}

function engineRun(dataDir: string, repeats: number): Promise<EngineRun> {
  return new Promise((resolve, reject) => {
    const args = ['--expose-gc', '--import', 'tsx', path.join('bench', 'engine-child.ts'), '--data', dataDir];
    const child = spawn(process.execPath, [...args, '--repeats', String(repeats)], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`engine child exited with ${code}`));
      try {
        resolve(engineRunSchema.parse(JSON.parse(out.trim().split('\n').pop() ?? '')));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
      return undefined;
    });
  });
}

/** Every figure for one dataset size: generate, build, payload, engine in Node, then the browser. */
export async function measureSize(profile: Profile, o: SizeOptions): Promise<SizeResult> {
  const dir = path.join(o.workDir, `s${o.size}`);
  const pagesDir = path.join(dir, 'pages');
  const dataDir = path.join(dir, 'data');
  const rowsDir = path.join(dir, 'rows');
  await mkdir(rowsDir, { recursive: true });
  const tags = Math.min(o.tags, o.size);
  o.log(`${o.size} specs: generating ${tags} tags…`);
  const gen = await generatePages(profile, { specs: o.size, tags, seed: o.seed }, pagesDir);
  const builderRuns = o.size >= SINGLE_RUN_FROM ? 1 : o.runs;
  const builder: BuilderRun[] = [];
  for (let r = 0; r < builderRuns; r++) {
    o.log(`${o.size} specs: builder run ${r + 1}/${builderRuns}…`);
    builder.push(await runBuilder(pagesDir, dataDir, o.size));
  }
  o.log(`${o.size} specs: payload…`);
  const payload = await measurePayload(dataDir, pagesDir, path.join(rowsDir, 'rows.json'));
  await rm(pagesDir, { recursive: true, force: true });
  const engine: EngineRun[] = [];
  for (let r = 0; r < o.runs; r++) {
    o.log(`${o.size} specs: engine run ${r + 1}/${o.runs}…`);
    engine.push(await engineRun(dataDir, 5));
  }
  let browser: SizeResult['browser'] = null;
  if (o.appDir) {
    o.log(`${o.size} specs: browser…`);
    const server = await serveStatic([
      { prefix: '/app/data/', dir: dataDir },
      { prefix: '/app/', dir: o.appDir },
      { prefix: '/dt/', dir: path.join(PROJECT_ROOT, 'bench', 'datatables') },
      { prefix: '/dt-data/', dir: rowsDir },
      { prefix: '/vendor/', dir: path.join(PROJECT_ROOT, 'node_modules') },
    ]);
    try {
      const manifestPath = path.join(dataDir, 'index.json');
      const manifest = parseManifest(JSON.parse(await readFile(manifestPath, 'utf8')), manifestPath);
      browser = await measureBrowser({
        log: (line) => o.log(`${o.size} specs: ${line}`),
        origin: server.origin,
        appPath: '/app/',
        dataTablesPath: o.dataTables ? '/dt/index.html?rows=/dt-data/rows.json' : null,
        tags: manifest.tags.map((t) => t.name),
        runs: o.runs,
        dataTablesRuns: o.size >= SINGLE_RUN_FROM ? 1 : o.runs,
        floor: o.floor,
      });
    } finally {
      await server.close();
    }
  }
  await rm(rowsDir, { recursive: true, force: true });
  return {
    size: o.size,
    generation: { ms: gen.ms, pages: gen.pages, pageBytes: gen.bytes },
    builder,
    payload,
    engine,
    browser,
  };
}
