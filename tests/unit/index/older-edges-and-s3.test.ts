// @vitest-environment node
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestIndexes } from '../../../scripts/lib/index/ingest';
import { normaliseInstall } from '../../../scripts/lib/index/node';
import { database, FAST, ingestFiles, node, rowsByHash, writeFiles } from './fixtures';

// Spec format v2 (database v6, Spack 0.17/0.18) lists an edge's dependency types as `type`, not
// `parameters.deptypes`, and names the compiler in the node's own `compiler` field.
const zlib = node('zlib', '1.2.11', { compiler: { name: 'gcc', version: '9.4.0' } });
const oldEdge = (type: unknown) => ({ name: 'zlib', hash: zlib.hash, type, build_hash: zlib.hash });
const cmake = (type: unknown) =>
  node('cmake', '3.21.4', { compiler: { name: 'gcc', version: '9.4.0' }, dependencies: [oldEdge(type)] });

describe('dependency type lists of older spec formats', () => {
  it('reads `type` as the edge deptypes', async () => {
    const old = cmake(['build', 'link']);
    const result = await ingestFiles({ 'v6.json': database('6', [zlib, old]) });
    expect(result.errors).toEqual([]);
    const row = rowsByHash(result).get(old.hash);
    expect(row?.compiler).toBe('gcc@9.4.0');
    expect(row?.extra.dependencies).toEqual([
      { name: 'zlib', hash: zlib.hash, deptypes: ['build', 'link'], virtuals: [] },
    ]);
  });

  it('names the record whose `type` is not a list of strings', () => {
    const bad = cmake('build');
    const result = normaliseInstall('v6.json', bad.hash, { spec: bad.spec, in_buildcache: true });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        expect.objectContaining({
          file: 'v6.json',
          field: `database.installs.${bad.hash}.spec.dependencies.0.type`,
        }),
      ]);
  });
});

describe('an s3://spack-binaries tag map entry', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is fetched, and reported, at its https://binaries.spack.io URL', async () => {
    // No network: fetch is replaced, so the requests show which URLs the s3 location became.
    const requested: string[] = [];
    const fakeFetch = vi.fn<typeof fetch>(async (input) => {
      requested.push(input instanceof URL ? input.href : typeof input === 'string' ? input : input.url);
      return new Response('unavailable', { status: 503 });
    });
    vi.stubGlobal('fetch', fakeFetch);
    const map = { develop: [{ label: 'e4s', url: 's3://spack-binaries/develop/e4s' }] };
    const dir = await writeFiles({ 'tags.json': JSON.stringify(map) });
    const result = await ingestIndexes({
      inputs: [],
      tagMaps: [path.join(dir, 'tags.json')],
      fetch: FAST,
    });
    const mirror = 'https://binaries.spack.io/develop/e4s';
    expect(result.errors).toEqual([
      { file: mirror, field: '', message: `${mirror}/v3/layout.json: HTTP 503` },
    ]);
    expect(result.sources.map((s) => s.location)).toEqual([mirror]);
    expect(requested).toEqual(Array<string>(FAST.retries + 1).fill(`${mirror}/v3/layout.json`));
  });
});
