// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildTags, serialise } from '../../../scripts/lib/build';
import { HashPoolCache, loadManifest, loadTag, LoadError, type Fetcher } from '../../../src/data/load';
import type { Manifest, TagEntry } from '../../../src/data/schema';
import { recordAt, type SpecTable } from '../../../src/data/spec-table';
import { joinedHashes } from '../../helpers/tables';

const record = (hash: string, pkg = 'zlib') => ({
  hash,
  package: pkg,
  versions: ['1.3.1'],
  compiler: 'none',
  os: 'ubuntu24.04',
  platform: 'linux',
  target: 'aarch64',
  variants: ['+shared'],
  stacks: ['root'],
  size: '-',
  extra: {},
});
const page = (tag: string, pkg: string, hashes: string[]) => ({
  file: `${tag}/${pkg}`,
  tag,
  package: pkg,
  specs: hashes.map((h) => record(h, pkg)),
  warnings: [],
});
const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const C = 'c'.repeat(32);
const D = 'd'.repeat(32);
const E = 'e'.repeat(32);

/**
 * Two tags sharing hashes, two rows per shard, two hashes per pool chunk. `develop` (newest) has rows
 * c (cmake), then b, a (zlib, in page order across its two shards), so the pool starts c b a; `v1.0`
 * reuses a and c and adds e and d. Pool chunks: [c b] [a] (the newest tag's end) [e d].
 */
const built = serialise(
  buildTags(
    [
      page('develop', 'zlib', [B, A]),
      page('develop', 'cmake', [C]),
      page('v1.0', 'zlib', [A, D]),
      page('v1.0', 'cmake', [C, E]),
    ],
    2,
  ),
  { generatedAt: '2026-11-25T12:00:00.000Z', generator: 'test', sources: [], notes: [] },
  (text) => createHash('sha256').update(text).digest('hex'),
  2,
);
const manifest: Manifest = built.manifest;
const BASE = 'http://data.test/data/index.json';
const files = new Map(built.files.map((f) => [new URL(f.path, BASE).href, f.text]));
const [develop, v1] = manifest.tags;
if (!develop || !v1) throw new Error('fixture: expected two tags');
const chunkUrl = (i: number) => new URL(manifest.hashPool.chunks[i]?.path ?? '', BASE).href;

/** Serves each file as a stream of 100-byte pieces and records every request. */
function server(edit: (url: string, text: string) => string | null = (_url, text) => text) {
  const requests: string[] = [];
  const fetcher: Fetcher = async (url) => {
    requests.push(url);
    const original = files.get(url);
    const text = original === undefined ? null : edit(url, original);
    if (text === null) return new Response('no', { status: 404, statusText: 'Not Found' });
    const bytes = new TextEncoder().encode(text);
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) controller.close();
        else controller.enqueue(bytes.slice(at, (at += 100)));
      },
    });
    return new Response(body);
  };
  return { fetcher, requests };
}

const bytesOf = (refs: ReadonlyArray<{ bytes: number }>) => refs.reduce((n, r) => n + r.bytes, 0);

describe('loadTag', () => {
  it('pools the newest tag first and gives each tag the prefix it needs', () => {
    expect(manifest.hashPool.count).toBe(5);
    expect(manifest.hashPool.chunks.map((c) => [c.start, c.count])).toEqual([
      [0, 2],
      [2, 1],
      [3, 2],
    ]);
    expect(develop.hashPoolPrefix).toBe(3);
    expect(v1.hashPoolPrefix).toBe(5);
    // v1.0's rows in shard order are c e (cmake), a d (zlib): e and d are new to the pool.
    const pool = manifest.hashPool.chunks.map(
      (c) => JSON.parse(files.get(new URL(c.path, BASE).href) ?? '').hashes,
    );
    expect(pool.join('')).toBe(C + B + A + E + D);
  });

  it('merges the shards of a tag, hashes included, and reports bytes of its shards and pool chunks', async () => {
    const reports: Array<[number, number]> = [];
    const { fetcher, requests } = server();
    const table = await loadTag(fetcher, BASE, manifest, v1, {
      onProgress: (loaded, total) => reports.push([loaded, total]),
    });
    expect(Array.from({ length: table.count }, (_, i) => recordAt(table, i).hash).sort()).toEqual(
      [A, C, D, E].sort(),
    );
    expect(recordAt(table, 0)).toMatchObject({ tag: 'v1.0', package: 'cmake', hash: C });
    const total = bytesOf(v1.shards) + bytesOf(manifest.hashPool.chunks);
    expect(requests.filter((url) => url.includes('/hashes/'))).toHaveLength(3);
    expect(reports.length).toBeGreaterThan(2);
    expect(reports.every(([, t]) => t === total)).toBe(true);
    expect(reports.map(([l]) => l)).toEqual([...reports.map(([l]) => l)].sort((a, b) => a - b));
    expect(reports.at(-1)).toEqual([total, total]);
  });

  it('fetches only the pool chunks covering the newest tag', async () => {
    const { fetcher, requests } = server();
    const table = await loadTag(fetcher, BASE, manifest, develop);
    expect(joinedHashes(table)).toBe(C + B + A);
    expect(requests.filter((url) => url.includes('/hashes/'))).toEqual([chunkUrl(0), chunkUrl(1)]);
  });

  it('keeps fetched chunks across tag loads: a second tag fetches only the chunks it adds', async () => {
    const { fetcher, requests } = server();
    const pool = new HashPoolCache();
    await loadTag(fetcher, BASE, manifest, develop, { pool });
    const reports: Array<[number, number]> = [];
    const table = await loadTag(fetcher, BASE, manifest, v1, {
      pool,
      onProgress: (loaded, total) => reports.push([loaded, total]),
    });
    expect(table.count).toBe(4);
    expect(requests.filter((url) => url.includes('/hashes/'))).toEqual([
      chunkUrl(0),
      chunkUrl(1),
      chunkUrl(2),
    ]);
    // Chunks already here count as received at once, so the bar still ends full.
    const total = bytesOf(v1.shards) + bytesOf(manifest.hashPool.chunks);
    expect(reports.at(-1)).toEqual([total, total]);
    await loadTag(fetcher, BASE, manifest, develop, { pool });
    expect(requests.filter((url) => url.includes('/hashes/'))).toHaveLength(3);
  });

  it('shares a chunk between tags loading at once, fetching it once', async () => {
    const { fetcher, requests } = server();
    const pool = new HashPoolCache();
    const tables = await Promise.all([
      loadTag(fetcher, BASE, manifest, develop, { pool }),
      loadTag(fetcher, BASE, manifest, v1, { pool }),
    ]);
    expect(tables.map((t) => t.count)).toEqual([3, 4]);
    // Both read their hashes from the one pool buffer, filled as the chunks arrive.
    expect(tables[0] && joinedHashes(tables[0])).toBe(C + B + A);
    const hashesOf = (t: SpecTable | undefined) =>
      Array.from({ length: t?.count ?? 0 }, (_, i) => (t ? recordAt(t, i).hash : '')).sort();
    expect(hashesOf(tables[1])).toEqual([A, C, D, E].sort());
    expect(requests.filter((url) => url === chunkUrl(0))).toHaveLength(1);
  });

  it('names a truncated shard', async () => {
    const { fetcher } = server((url, text) => (url.includes('/shards/') ? text.slice(0, 50) : text));
    await expect(loadTag(fetcher, BASE, manifest, develop)).rejects.toThrow(LoadError);
    await expect(loadTag(fetcher, BASE, manifest, develop)).rejects.toThrow(
      /shards\/develop\.0\.[0-9a-f]{12}\.json: 50 bytes, the manifest says \d+/,
    );
  });

  it('names a pool chunk whose content does not match its SHA-256', async () => {
    // The same size, one hash character changed.
    const corrupt = (text: string) =>
      text.replace(/(.)"}$/, (_m, ch: string) => `${ch === 'a' ? 'b' : 'a'}"}`);
    const { fetcher } = server((url, text) => (url === chunkUrl(0) ? corrupt(text) : text));
    const error = await loadTag(fetcher, BASE, manifest, develop).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ what: chunkUrl(0) });
    expect(String(error)).toMatch(
      /hashes\/pool-0000\.[0-9a-f]{12}\.json: content hash [0-9a-f]{64} does not match the manifest's/,
    );
  });

  it('names a missing pool chunk, and fetches it again on retry', async () => {
    let missing = true;
    const { fetcher, requests } = server((url, text) => (missing && url === chunkUrl(1) ? null : text));
    const pool = new HashPoolCache();
    await expect(loadTag(fetcher, BASE, manifest, develop, { pool })).rejects.toThrow(
      /hashes\/pool-0001\.[0-9a-f]{12}\.json: the server answered 404 Not Found/,
    );
    missing = false;
    expect((await loadTag(fetcher, BASE, manifest, develop, { pool })).count).toBe(3);
    expect(requests.filter((url) => url === chunkUrl(1))).toHaveLength(2);
    expect(requests.filter((url) => url === chunkUrl(0))).toHaveLength(1);
  });

  it('names the shard whose refs reach past the tag prefix the manifest gives', async () => {
    const { fetcher } = server();
    const narrowed: TagEntry = { ...develop, hashPoolPrefix: 2 };
    await expect(loadTag(fetcher, BASE, manifest, narrowed)).rejects.toThrow(
      /shards\/develop\.\d\.[0-9a-f]{12}\.json: columns\.hashRef: row \d: refers to pool entry 2, outside the 2 entries/,
    );
  });

  it('still loads a chunk whose fetch another, aborted, load had started', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { fetcher: plain } = server();
    const held: Fetcher = async (url, init) => {
      if (url !== chunkUrl(0) || !init?.signal) return plain(url, init);
      const signal = init.signal;
      await new Promise<void>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        void gate.then(resolve);
      });
      return plain(url, init);
    };
    const pool = new HashPoolCache();
    const controller = new AbortController();
    const first = loadTag(held, BASE, manifest, develop, { pool, signal: controller.signal });
    const second = loadTag(held, BASE, manifest, v1, { pool });
    controller.abort();
    release();
    await expect(first).rejects.toThrow(/aborted/);
    expect((await second).count).toBe(4);
  });
});

describe('loadManifest', () => {
  it('rejects data of schema version 1 with what to do about it', async () => {
    const old: Fetcher = async () => new Response(JSON.stringify({ ...manifest, schemaVersion: 1 }));
    await expect(loadManifest(old, BASE)).rejects.toThrow(LoadError);
    await expect(loadManifest(old, BASE)).rejects.toThrow(
      /index\.json: schemaVersion 1 is an older format than this app reads \(version 2\); rebuild the data with npm run data:build/,
    );
  });
});
