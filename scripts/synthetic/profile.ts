import type { Rng } from './prng';

/** The part of a sample spec the generator copies: everything but the hash (and size, always `-`). */
export interface SampleSpec {
  compiler: string;
  os: string;
  platform: string;
  target: string;
  stacks: readonly string[];
  variants: readonly string[];
  versions: readonly string[];
}

export interface SamplePage {
  tag: string;
  package: string;
  specs: readonly SampleSpec[];
}

/** Where a spec is built: these fields vary together (an aarch64 stack builds aarch64 targets). */
export interface SampleEnv {
  compiler: string;
  os: string;
  platform: string;
  target: string;
  stacks: readonly string[];
}

/** What one package builds: its own variant/version pairs and the envs it was built in. */
export interface SampleBuild {
  variants: readonly string[];
  versions: readonly string[];
}

export interface PackageProfile {
  name: string;
  /** Indices into Profile.envs, one per sample spec (so frequent envs are picked more often). */
  envs: number[];
  builds: SampleBuild[];
  /** Largest number of specs the package had on one sample page. */
  pageSize: number;
}

/**
 * Distributions taken from real cache.spack.io pages: the joint env of every sample spec, each sample
 * package's builds, and the page sizes (specs per package per tag), heavy-tailed as in the real cache.
 */
export interface Profile {
  envs: SampleEnv[];
  packages: PackageProfile[];
  pageSizes: number[];
}

const envKey = (e: SampleEnv) => [e.compiler, e.os, e.platform, e.target, e.stacks.join(',')].join('|');
const buildKey = (b: SampleBuild) => `${b.variants.join(' ')}|${b.versions.join(',')}`;

export function buildProfile(pages: readonly SamplePage[]): Profile {
  const envs: SampleEnv[] = [];
  const envIndex = new Map<string, number>();
  const byName = new Map<string, PackageProfile & { seen: Set<string> }>();
  const pageSizes: number[] = [];
  for (const page of pages) {
    if (page.specs.length === 0) continue;
    pageSizes.push(page.specs.length);
    let pkg = byName.get(page.package);
    if (!pkg) {
      pkg = { name: page.package, envs: [], builds: [], pageSize: 0, seen: new Set() };
      byName.set(page.package, pkg);
    }
    pkg.pageSize = Math.max(pkg.pageSize, page.specs.length);
    for (const s of page.specs) {
      const env: SampleEnv = {
        compiler: s.compiler,
        os: s.os,
        platform: s.platform,
        target: s.target,
        stacks: s.stacks,
      };
      const key = envKey(env);
      let index = envIndex.get(key);
      if (index === undefined) {
        index = envs.length;
        envs.push(env);
        envIndex.set(key, index);
      }
      pkg.envs.push(index);
      const build = { variants: s.variants, versions: s.versions };
      if (!pkg.seen.has(buildKey(build))) {
        pkg.seen.add(buildKey(build));
        pkg.builds.push(build);
      }
    }
  }
  if (envs.length === 0) throw new Error('the sample pages hold no specs to calibrate on');
  const packages = [...byName.values()]
    .map(({ name, envs: e, builds, pageSize }) => ({ name, envs: e, builds, pageSize }))
    .sort((a, b) => b.pageSize - a.pageSize || (a.name < b.name ? -1 : 1));
  return { envs, packages, pageSizes };
}

const SYLLABLES = ['ab', 'al', 'ar', 'bo', 'ca', 'de', 'el', 'fi', 'ga', 'hy', 'io', 'ka', 'lu', 'me', 'ni'];
const MORE = ['no', 'or', 'pa', 'qu', 'ra', 'si', 'ta', 'um', 'vi', 'xo', 'ze', 'lib', 'net', 'cpp', 'mpi'];
const PARTS = [...SYLLABLES, ...MORE];

/**
 * Names for packages beyond the sample's. The prefix (`py-`, `r-`, none, …) is drawn from the sample
 * names, so the share of Python packages and the like matches the real cache.
 */
export function syntheticNames(profile: Profile, count: number, rng: Rng): string[] {
  const raw = profile.packages.map((p) => /^([a-z]+-)/.exec(p.name)?.[1] ?? '');
  // A prefix on one sample name is part of that name (`zlib-ng`), not an ecosystem like `py-`.
  const uses = new Map<string, number>();
  for (const p of raw) uses.set(p, (uses.get(p) ?? 0) + 1);
  const prefixes = raw.map((p) => ((uses.get(p) ?? 0) >= 2 ? p : ''));
  const taken = new Set(profile.packages.map((p) => p.name));
  const out: string[] = [];
  while (out.length < count) {
    const length = 2 + rng.int(3);
    let stem = '';
    for (let i = 0; i < length; i++) stem += rng.pick(PARTS);
    const name = `${rng.pick(prefixes)}${stem}`;
    if (taken.has(name)) continue;
    taken.add(name);
    out.push(name);
  }
  return out;
}
