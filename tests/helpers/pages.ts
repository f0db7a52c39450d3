import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SpecDetail {
  hash: string;
  compiler: string;
  os: string;
  platform: string;
  target: string;
  size: string | number;
  stacks: string[];
  variants: string[];
  versions: string[];
  [extra: string]: unknown;
}

let counter = 0;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A deterministic valid 32-char base32 hash, distinct per call. */
export function makeHash(seed = counter++): string {
  const digest = createHash('sha256').update(`spec-${seed}`).digest();
  let out = '';
  for (let i = 0; i < 32; i++) out += ALPHABET[(digest[i] ?? 0) % 32];
  return out;
}

export function makeSpec(overrides: Partial<SpecDetail> = {}): SpecDetail {
  return {
    hash: makeHash(),
    compiler: 'gcc@11.4.0',
    os: 'ubuntu22.04',
    platform: 'linux',
    target: 'x86_64_v3',
    size: '-',
    stacks: ['e4s', 'root'],
    variants: ['+shared', 'build_system=cmake'],
    versions: ['1.0.0'],
    ...overrides,
  };
}

/** Page text in the cache.spack.io form, with meta computed from the specs unless overridden. */
export function pageText(
  tag: string,
  pkg: string,
  specs: SpecDetail[],
  metaOverrides: Record<string, unknown> = {},
) {
  const byStack: Record<string, number> = {};
  for (const s of specs) for (const st of s.stacks) byStack[st] = (byStack[st] ?? 0) + 1;
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  const meta = {
    compilers: uniq(specs.map((s) => s.compiler)),
    num_specs: specs.length,
    num_specs_by_stack: byStack,
    oss: uniq(specs.map((s) => s.os)),
    platforms: uniq(specs.map((s) => s.platform)),
    stacks: uniq(Object.keys(byStack)),
    targets: uniq(specs.map((s) => s.target)),
    versions: uniq(specs.flatMap((s) => s.versions)),
    ...metaOverrides,
  };
  return [
    '---',
    `title: "${pkg}"`,
    'layout: cache',
    `categories: [package, ${tag}]`,
    `meta: ${JSON.stringify(meta)}`,
    `spec_details: ${JSON.stringify(specs)}`,
    '---',
  ].join('\n');
}

const made = new Set<string>();

export async function tempDir(prefix = 'spack-pages-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every dir `tempDir` made in this test file (tests/setup.ts calls it after each file). */
export async function removeTempDirs(): Promise<void> {
  const dirs = [...made];
  made.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Write files given as { 'relative/path': text } under a new temp dir; returns the dir. */
export async function writeTree(files: Record<string, string>, root?: string): Promise<string> {
  const dir = root ?? (await tempDir());
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return dir;
}
