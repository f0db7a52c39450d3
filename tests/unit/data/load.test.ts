// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeShard } from '../../../src/data/encode';
import { loadTag, LoadError, type Fetcher } from '../../../src/data/load';
import type { TagEntry } from '../../../src/data/schema';

const record = (hash: string) => ({
  hash,
  package: 'zlib',
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

const parts = [
  JSON.stringify(encodeShard('v1', 0, [record('a'.repeat(32)), record('b'.repeat(32))])),
  JSON.stringify(encodeShard('v1', 1, [record('c'.repeat(32))])),
];
const tag: TagEntry = {
  name: 'v1',
  specCount: 3,
  packageCount: 1,
  stacks: [{ name: 'root', specCount: 3 }],
  shards: parts.map((text, i) => ({
    path: `shards/v1.${i}.json`,
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    specCount: i === 0 ? 2 : 1,
  })),
};
const BASE = 'http://data.test/data/index.json';

/** Serves each shard as a stream of 100-byte chunks. */
const chunked: Fetcher = async (url) => {
  const i = tag.shards.findIndex((ref) => new URL(ref.path, BASE).href === url);
  const bytes = new TextEncoder().encode(parts[i] ?? '');
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.slice(at, (at += 100)));
    },
  });
  return i < 0 ? new Response('no', { status: 404 }) : new Response(body);
};

describe('loadTag', () => {
  it('merges the shards of a tag and reports bytes received of the manifest total', async () => {
    const reports: Array<[number, number]> = [];
    const table = await loadTag(chunked, BASE, tag, undefined, (loaded, total) =>
      reports.push([loaded, total]),
    );
    expect(table.count).toBe(3);
    const total = tag.shards.reduce((n, r) => n + r.bytes, 0);
    expect(reports.length).toBeGreaterThan(2);
    expect(reports.every(([, t]) => t === total)).toBe(true);
    expect(reports.map(([l]) => l)).toEqual([...reports.map(([l]) => l)].sort((a, b) => a - b));
    expect(reports.at(-1)).toEqual([total, total]);
  });

  it('names a truncated shard', async () => {
    const short: Fetcher = async (url, init) => {
      const full = await chunked(url, init);
      return new Response((await full.text()).slice(0, 50));
    };
    await expect(loadTag(short, BASE, tag)).rejects.toThrow(LoadError);
    await expect(loadTag(short, BASE, tag)).rejects.toThrow(
      /shards\/v1\.0\.json: 50 bytes, the manifest says \d+/,
    );
  });
});
