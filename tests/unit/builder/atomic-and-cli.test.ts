// @vitest-environment node
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../../scripts/lib/run-build';
import { writeFolderAtomically } from '../../../scripts/lib/write';
import { makeSpec, pageText, tempDir, writeTree } from '../../helpers/pages';
import { runBuildCli } from '../../helpers/cli';

const TAG = 'v0.23.0';

describe('atomic output', () => {
  it('a failed build leaves the previous data folder exactly as it was', async () => {
    const parent = await tempDir();
    const out = path.join(parent, 'data');
    const goodPages = await writeTree({
      [`_cache/${TAG}/zlib/specs.md`]: pageText(TAG, 'zlib', [makeSpec()]),
    });
    expect((await runBuild({ pages: [goodPages], out, skipInvalid: false, shardSize: 10 })).ok).toBe(true);
    const before = await readFile(path.join(out, 'index.json'), 'utf8');
    const badPages = await writeTree({ [`_cache/${TAG}/zlib/specs.md`]: '' });
    expect((await runBuild({ pages: [badPages], out, skipInvalid: false, shardSize: 10 })).ok).toBe(false);
    expect(await readFile(path.join(out, 'index.json'), 'utf8')).toBe(before);
    expect(await readdir(parent)).toEqual(['data']);
  });

  it('a write that fails half-way leaves the target untouched and no temporary folder behind', async () => {
    const parent = await tempDir();
    const out = path.join(parent, 'data');
    await writeFolderAtomically(out, [{ path: 'index.json', text: 'old' }]);
    // 'a' is written as a file, so writing 'a/b' under it must fail after the first file is on disk.
    const failing = writeFolderAtomically(out, [
      { path: 'index.json', text: 'new' },
      { path: 'a', text: 'x' },
      { path: 'a/b', text: 'y' },
    ]);
    await expect(failing).rejects.toThrow();
    expect(await readFile(path.join(out, 'index.json'), 'utf8')).toBe('old');
    expect(await readdir(parent)).toEqual(['data']);
  });

  it('replaces a previous output completely, leaving no stale shard files', async () => {
    const parent = await tempDir();
    const out = path.join(parent, 'data');
    await writeFolderAtomically(out, [{ path: 'shards/stale.json', text: '{}' }]);
    await writeFolderAtomically(out, [{ path: 'index.json', text: '{}' }]);
    expect(await readdir(out)).toEqual(['index.json']);
  });
});

describe('data:build CLI', () => {
  const cli = runBuildCli;

  it('prints the summary and exits 0 on good pages', async () => {
    const pages = await writeTree({
      [`_cache/${TAG}/zlib/specs.md`]: pageText(TAG, 'zlib', [makeSpec(), makeSpec()]),
    });
    const out = path.join(await tempDir(), 'data');
    const r = await cli(['--pages', pages, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Tags: 1 {2}packages: 1 {2}specs: 2 {2}stacks: 2/);
  });

  it('exits 1 listing the rejected files when input is bad, and 0 with --skip-invalid', async () => {
    const pages = await writeTree({
      [`_cache/${TAG}/zlib/specs.md`]: pageText(TAG, 'zlib', [makeSpec()]),
      [`_cache/${TAG}/bad/specs.md`]: '',
    });
    const out = path.join(await tempDir(), 'data');
    const failed = await cli(['--pages', pages, '--out', out]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/bad\/specs\.md: empty file/);
    expect(failed.stderr).toMatch(/--skip-invalid/);
    const skipped = await cli(['--pages', pages, '--out', out, '--skip-invalid']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/Skipped 1 file\(s\)/);
  });

  it('exits 2 with usage on a bad argument', async () => {
    const r = await cli(['--pages', 'x', '--out', 'y', '--shard-size', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--shard-size: expected a positive integer/);
    const missing = await cli(['--out', 'y']);
    expect(missing.stderr).toMatch(/--pages is required/);
  });
});
