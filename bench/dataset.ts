import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { generateTags, type GenerateOptions } from '../scripts/synthetic/generate';
import type { Profile } from '../scripts/synthetic/profile';
import { writePages } from '../scripts/synthetic/write-pages';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
const TIME = '/usr/bin/time';

export async function generatePages(profile: Profile, options: GenerateOptions, out: string) {
  const start = performance.now();
  const summary = await writePages(out, generateTags(profile, options), options);
  return { ...summary, ms: performance.now() - start };
}

export interface BuilderRun {
  ms: number;
  specsPerSecond: number;
  peakRssMB: number;
  /** How the peak RSS was read: `/usr/bin/time -v`, or the child's own process.resourceUsage(). */
  rssSource: string;
}

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * Run the real builder CLI (`scripts/build-data.ts`, as `npm run data:build` does) on the pages, and
 * read its peak RSS. Fails when the builder reports any problem: synthetic pages must build cleanly.
 */
export async function runBuilder(pagesDir: string, outDir: string, specs: number): Promise<BuilderRun> {
  const cli = [
    process.execPath,
    '--import',
    'tsx',
    'scripts/build-data.ts',
    '--pages',
    pagesDir,
    '--out',
    outDir,
  ];
  const viaTime = existsSync(TIME);
  const start = performance.now();
  const result = viaTime
    ? await run(TIME, ['-v', ...cli])
    : await run(process.execPath, [
        '--import',
        'tsx',
        path.join('bench', 'build-child.ts'),
        pagesDir,
        outDir,
      ]);
  const ms = performance.now() - start;
  if (result.code !== 0) throw new Error(`builder failed:\n${result.stdout}\n${result.stderr}`);
  if (/warning|Skipped|Rejected/.test(result.stdout)) {
    throw new Error(`builder reported problems on synthetic pages:\n${result.stdout}`);
  }
  const rssKb = viaTime
    ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1] ?? Number.NaN)
    : Number(/maxRSS=(\d+)/.exec(result.stdout)?.[1] ?? Number.NaN);
  return {
    ms,
    specsPerSecond: specs / (ms / 1000),
    peakRssMB: rssKb / 1024,
    rssSource: viaTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
  };
}
