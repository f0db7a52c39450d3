import { HASH_PATTERN } from '../../../src/data/schema';
import { generateTags, tagNames, tagSizes, type SyntheticTag } from '../../../scripts/synthetic/generate';
import { buildProfile, type Profile, type SamplePage } from '../../../scripts/synthetic/profile';
import { createRng, randomHash } from '../../../scripts/synthetic/prng';
import { DEFAULT_SAMPLES, readSamples } from '../../../scripts/synthetic/read-samples';

let samples: SamplePage[];
let profile: Profile;

beforeAll(async () => {
  samples = await readSamples(DEFAULT_SAMPLES);
  profile = buildProfile(samples);
});

const generate = (specs: number, tags: number, seed = 1): SyntheticTag[] => [
  ...generateTags(profile, { specs, tags, seed }),
];
const hashesOf = (tag: SyntheticTag) => new Set(tag.pages.flatMap((p) => p.specs.map((s) => s.hash)));
const specCount = (tag: SyntheticTag) => tag.pages.reduce((n, p) => n + p.specs.length, 0);

describe('the seeded PRNG', () => {
  it('repeats per seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => rng.uint32());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('makes valid 32-character base32 hashes', () => {
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) expect(randomHash(rng)).toMatch(HASH_PATTERN);
  });
});

describe('tag names and sizes', () => {
  it('names weekly develop tags, oldest first, ending at the newest date', () => {
    expect(tagNames(3, '2026-03-29')).toEqual([
      'develop-2026-03-15',
      'develop-2026-03-22',
      'develop-2026-03-29',
    ]);
  });

  it('splits the requested rows over the tags exactly', () => {
    for (const [total, tags] of [
      [1_000_000, 60],
      [10_007, 7],
      [5, 5],
    ] as const) {
      const sizes = tagSizes(total, tags);
      expect(sizes).toHaveLength(tags);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    }
    expect(() => tagSizes(3, 4)).toThrow(RangeError);
  });
});

describe('generateTags', () => {
  it('is deterministic per seed', () => {
    expect(generate(3000, 4, 42)).toEqual(generate(3000, 4, 42));
    expect(generate(3000, 4, 42)).not.toEqual(generate(3000, 4, 43));
  });

  it('writes as many specs as requested over all tags, with valid hashes unique within a tag', () => {
    const tags = generate(5000, 6);
    expect(tags.map((t) => t.name)).toEqual(tagNames(6));
    expect(tags.reduce((n, t) => n + specCount(t), 0)).toBe(5000);
    for (const tag of tags) {
      const hashes = tag.pages.flatMap((p) => p.specs.map((s) => s.hash));
      expect(new Set(hashes).size).toBe(hashes.length);
      for (const h of hashes) expect(h).toMatch(HASH_PATTERN);
      expect(new Set(tag.pages.map((p) => p.package)).size).toBe(tag.pages.length);
    }
  });

  it('shares most hashes between consecutive tags, with some churn', () => {
    const tags = generate(8000, 5);
    for (let t = 1; t < tags.length; t++) {
      const before = hashesOf(tags[t - 1] ?? { name: '', pages: [] });
      const after = hashesOf(tags[t] ?? { name: '', pages: [] });
      const shared = [...after].filter((h) => before.has(h)).length;
      expect(shared / after.size).toBeGreaterThan(0.7);
      expect(shared).toBeLessThan(after.size);
    }
  });

  it('draws every field value from the sample pages', () => {
    const known = (pick: (s: SamplePage['specs'][number]) => readonly string[]) =>
      new Set(samples.flatMap((p) => p.specs.flatMap(pick)));
    const fields: Array<[string, (s: SamplePage['specs'][number]) => readonly string[]]> = [
      ['os', (s) => [s.os]],
      ['target', (s) => [s.target]],
      ['platform', (s) => [s.platform]],
      ['compiler', (s) => [s.compiler]],
      ['stacks', (s) => s.stacks],
      ['variants', (s) => s.variants],
      ['versions', (s) => s.versions],
    ];
    const specs = generate(6000, 3).flatMap((t) => t.pages.flatMap((p) => p.specs));
    for (const [name, pick] of fields) {
      const allowed = known(pick);
      const unknown = new Set(specs.flatMap(pick).filter((v) => !allowed.has(v)));
      expect([name, [...unknown]]).toEqual([name, []]);
    }
  });

  it('keeps sample packages and adds a few huge ones, as a full cache has', () => {
    const [tag] = generate(20_000, 1);
    const sizes = (tag?.pages ?? []).map((p) => p.specs.length).sort((a, b) => b - a);
    expect(sizes[0] ?? 0).toBeGreaterThan(20_000 * 0.02);
    expect(sizes.filter((n) => n <= 2).length).toBeGreaterThan(sizes.length / 5);
    const names = new Set(tag?.pages.map((p) => p.package));
    expect(profile.packages.filter((p) => names.has(p.name)).length).toBeGreaterThan(
      profile.packages.length / 2,
    );
  });
});
