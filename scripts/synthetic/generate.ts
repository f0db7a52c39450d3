import { createRng, randomHash, weightedPicker, type Rng } from './prng';
import { syntheticNames, type PackageProfile, type Profile, type SampleSpec } from './profile';

export interface GenerateOptions {
  /** Rows over all tags. */
  specs: number;
  tags: number;
  seed: number;
  /** The newest tag's date (YYYY-MM-DD); older tags go back a week each. */
  newest?: string;
}

export interface SyntheticSpec extends SampleSpec {
  hash: string;
  size: string;
}

export interface SyntheticPage {
  package: string;
  specs: readonly SyntheticSpec[];
}

export interface SyntheticTag {
  name: string;
  pages: SyntheticPage[];
}

export const DEFAULT_NEWEST = '2026-03-29';
/** Per tag, the share of the previous tag's specs that are dropped, and rebuilt under a new hash. */
const DROP_RATE = 0.02;
const REBUILD_RATE = 0.08;
/** Of rebuilds, how many also move to another version or variant set of the package. */
const REBUILD_NEW_BUILD = 0.3;
/** A real package usually builds in its own sample envs, sometimes in any env of the cache. */
const OWN_ENV = 0.8;
/** Shares of a tag held by the few huge packages (real caches have a handful with thousands of specs). */
const HUGE_SHARES = [0.03, 0.02, 0.015];
/** More packages exist than one tag builds, so packages come and go between tags. */
const PACKAGE_HEADROOM = 1.15;

/** Weekly `develop-YYYY-MM-DD` names, oldest first. */
export function tagNames(count: number, newest = DEFAULT_NEWEST): string[] {
  const end = Date.parse(`${newest}T00:00:00Z`);
  if (Number.isNaN(end)) throw new RangeError(`not a date: ${newest}`);
  const week = 7 * 24 * 3600 * 1000;
  return Array.from(
    { length: count },
    (_, i) => `develop-${new Date(end - (count - 1 - i) * week).toISOString().slice(0, 10)}`,
  );
}

/** Rows per tag, oldest first, growing gently over time (as the real cache does) and adding up to `total`. */
export function tagSizes(total: number, tags: number): number[] {
  if (!Number.isInteger(tags) || tags < 1) throw new RangeError('tags must be a positive integer');
  if (!Number.isInteger(total) || total < tags)
    throw new RangeError('specs must be at least the number of tags');
  const weights = Array.from({ length: tags }, (_, i) => 0.85 + (tags === 1 ? 0 : (0.3 * i) / (tags - 1)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  // Hand out the rounding remainder newest first; it is never more than the number of tags.
  for (let i = tags - 1; rest !== 0; i = (i - 1 + tags) % tags) {
    const step = rest > 0 ? 1 : -1;
    if ((sizes[i] ?? 0) + step >= 1) {
      sizes[i] = (sizes[i] ?? 0) + step;
      rest -= step;
    }
  }
  return sizes;
}

interface Universe {
  names: string[];
  donors: PackageProfile[];
  /** Whether the package is a sample package (builds in its own envs) or a synthetic one. */
  real: boolean[];
  pick: (rng: Rng) => number;
}

function universe(profile: Profile, perTag: number, rng: Rng): Universe {
  const meanPage = profile.pageSizes.reduce((a, b) => a + b, 0) / profile.pageSizes.length;
  const wanted = Math.max(1, Math.ceil((perTag / meanPage) * PACKAGE_HEADROOM));
  const realCount = Math.min(wanted, profile.packages.length);
  const real = profile.packages.slice(0, realCount);
  const extra = syntheticNames(profile, wanted - realCount, rng);
  const names = [...real.map((p) => p.name), ...extra];
  const donors = [...real, ...extra.map(() => rng.pick(profile.packages))];
  const weights = [...real.map((p) => p.pageSize), ...extra.map(() => rng.pick(profile.pageSizes))];
  // Only with enough rows per tag do the huge packages stand out as they do in a full cache.
  if (perTag >= 2000) {
    const total = weights.reduce((a, b) => a + b, 0);
    HUGE_SHARES.forEach((share, i) => {
      if (i < weights.length) weights[i] = (total * share) / (1 - share);
    });
  }
  return { names, donors, real: names.map((_, i) => i < realCount), pick: weightedPicker(weights) };
}

function newSpec(profile: Profile, u: Universe, pkg: number, rng: Rng, hashes: Set<string>): SyntheticSpec {
  const donor = u.donors[pkg] ?? rng.pick(profile.packages);
  const envIndex = u.real[pkg] && rng.chance(OWN_ENV) ? rng.pick(donor.envs) : rng.int(profile.envs.length);
  const env = profile.envs[envIndex] ?? rng.pick(profile.envs);
  const build = rng.pick(donor.builds);
  return { ...env, ...build, hash: uniqueHash(rng, hashes), size: '-' };
}

function uniqueHash(rng: Rng, hashes: Set<string>): string {
  for (;;) {
    const hash = randomHash(rng);
    if (!hashes.has(hash)) {
      hashes.add(hash);
      return hash;
    }
  }
}

/**
 * Weekly develop tags, oldest first, as one population of specs that evolves: each tag keeps most of
 * the previous tag's specs (same hash), drops a few, rebuilds a few under a new hash, and adds new ones
 * until it holds its share of `specs`. Pure and deterministic per seed; one tag is in memory at a time.
 */
export function* generateTags(profile: Profile, options: GenerateOptions): Generator<SyntheticTag> {
  const rng = createRng(options.seed);
  const sizes = tagSizes(options.specs, options.tags);
  const names = tagNames(options.tags, options.newest);
  const u = universe(profile, options.specs / options.tags, rng);
  const live: SyntheticSpec[][] = u.names.map(() => []);
  const hashes = new Set<string>();
  let total = 0;
  for (let t = 0; t < options.tags; t++) {
    for (let p = 0; p < live.length; p++) {
      const next: SyntheticSpec[] = [];
      for (const spec of live[p] ?? []) {
        const r = rng.next();
        if (r < DROP_RATE) continue;
        if (r < DROP_RATE + REBUILD_RATE) {
          const fresh = newSpec(profile, u, p, rng, hashes);
          next.push(rng.chance(REBUILD_NEW_BUILD) ? fresh : { ...spec, hash: fresh.hash });
        } else next.push(spec);
      }
      total += next.length - (live[p]?.length ?? 0);
      live[p] = next;
    }
    const size = sizes[t] ?? 0;
    while (total > size) {
      const list = live[rng.int(live.length)] ?? [];
      if (list.length === 0) continue;
      list.splice(rng.int(list.length), 1);
      total--;
    }
    while (total < size) {
      const p = u.pick(rng);
      live[p]?.push(newSpec(profile, u, p, rng, hashes));
      total++;
    }
    const pages: SyntheticPage[] = [];
    live.forEach((specs, p) => {
      if (specs.length > 0) pages.push({ package: u.names[p] ?? '', specs: [...specs] });
    });
    pages.sort((a, b) => (a.package < b.package ? -1 : a.package > b.package ? 1 : 0));
    yield { name: names[t] ?? '', pages };
  }
}
