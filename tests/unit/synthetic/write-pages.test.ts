import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runBuild } from '../../../scripts/lib/run-build';
import { generateTags, type GenerateOptions } from '../../../scripts/synthetic/generate';
import { buildProfile, type Profile } from '../../../scripts/synthetic/profile';
import { DEFAULT_SAMPLES, readSamples } from '../../../scripts/synthetic/read-samples';
import { renderPage } from '../../../scripts/synthetic/render-page';
import { MARKER, writePages } from '../../../scripts/synthetic/write-pages';
import { tempDir } from '../../helpers/pages';

let profile: Profile;

beforeAll(async () => {
  profile = buildProfile(await readSamples(DEFAULT_SAMPLES));
});

describe('writePages', () => {
  it('writes pages the builder accepts with no error and no reconciliation warning', async () => {
    const options: GenerateOptions = { specs: 4000, tags: 4, seed: 9 };
    const root = await tempDir('synthetic-');
    const pages = path.join(root, 'pages');
    const summary = await writePages(pages, generateTags(profile, options), options);
    expect(summary.specs).toBe(4000);
    const report = await runBuild({
      pages: [pages],
      out: path.join(root, 'data'),
      skipInvalid: false,
      shardSize: 1500,
    });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.counts.specs).toBe(4000);
    expect(report.counts.tags).toBe(4);
    const manifest: unknown = JSON.parse(await readFile(path.join(root, 'data', 'index.json'), 'utf8'));
    expect(manifest).toMatchObject({ notes: [] });
  });

  it('replaces a folder it wrote, and refuses any other non-empty folder', async () => {
    const options: GenerateOptions = { specs: 50, tags: 2, seed: 1 };
    const root = await tempDir('synthetic-');
    await writePages(root, generateTags(profile, options), options);
    await expect(writePages(root, generateTags(profile, options), options)).resolves.toMatchObject({
      specs: 50,
    });
    expect(await readFile(path.join(root, MARKER), 'utf8')).toContain('"seed": 1');
    const foreign = await tempDir('synthetic-');
    await writeFile(path.join(foreign, 'keep.txt'), 'mine');
    await expect(writePages(foreign, generateTags(profile, options), options)).rejects.toThrow(/not empty/);
  });
});

describe('renderPage', () => {
  it('writes the cache.spack.io page form with Python-style JSON', () => {
    const text = renderPage('develop-2026-03-29', 'zlib', [
      {
        hash: 'a'.repeat(32),
        compiler: 'gcc@=13.3.0',
        os: 'ubuntu24.04',
        platform: 'linux',
        target: 'x86_64_v3',
        stacks: ['e4s', 'root'],
        variants: ['+shared'],
        versions: ['1.3.1'],
        size: '-',
      },
    ]);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '---',
      'title: "zlib"',
      'layout: cache',
      'categories: [package, develop-2026-03-29]',
    ]);
    expect(text).toContain('"num_specs_by_stack": {"e4s": 1, "root": 1}');
    expect(text).toContain('{"compiler": "gcc@=13.3.0", "hash": "aaaa');
    expect(text.endsWith('\n---')).toBe(true);
  });
});
