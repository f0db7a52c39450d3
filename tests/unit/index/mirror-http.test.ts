// @vitest-environment node
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestIndexes } from '../../../scripts/lib/index/ingest';
import { readClearsigned } from '../../../scripts/lib/index/mirror';
import { tempDir } from '../../helpers/pages';
import {
  database,
  FAST,
  STALL_TIMEOUT_MS,
  mirrorV2,
  mirrorV3,
  node,
  serve,
  sha256,
  writeFiles,
  type Fault,
} from './fixtures';

const zlib = node('zlib', '1.3.1');
const cmake = node('cmake', '3.30.0', {}, [{ name: 'zlib', hash: zlib.hash }]);
const INDEX = database('8', [zlib, cmake]);
const V3_BLOB = `/v3mirror/blobs/sha256/${sha256(INDEX).slice(0, 2)}/${sha256(INDEX)}`;

let server: Awaited<ReturnType<typeof serve>>;
let root: string;

async function mirrors() {
  root = await tempDir();
  const put = (prefix: string, files: Record<string, string | Buffer>) =>
    writeFiles(Object.fromEntries(Object.entries(files).map(([k, v]) => [`${prefix}/${k}`, v])), root);
  await put('v2mirror', mirrorV2(INDEX));
  await put('v2nohash', mirrorV2(INDEX, { hash: null }));
  await put('v2badhash', mirrorV2(INDEX, { hash: sha256('something else') }));
  await put('v3mirror', mirrorV3(INDEX));
  await put('v3signed', mirrorV3(INDEX, { signed: true }));
  await put('v3gzip', mirrorV3(INDEX, { gzip: true }));
  await put('v3badsum', {
    ...mirrorV3(INDEX, { checksum: sha256('other') }),
    [`blobs/sha256/${sha256('other').slice(0, 2)}/${sha256('other')}`]: INDEX,
  });
  await put('v3noindex', mirrorV3(INDEX, { mediaType: 'application/pgp-keys' }));
  await put('v3nomanifest', { 'v3/layout.json': '{}' });
  await put('empty', { README: 'no index here' });
}

const faults: Record<string, Fault[]> = {};

beforeAll(async () => {
  await mirrors();
  server = await serve(root, faults);
});
afterAll(() => server.close());

async function ingestOne(location: string, cacheDir?: string) {
  const timeoutMs = Object.values(faults).some((f) => f.includes('slow')) ? STALL_TIMEOUT_MS : FAST.timeoutMs;
  return ingestIndexes({
    inputs: [{ location, tag: 'develop', stack: 'root' }],
    tagMaps: [],
    fetch: { ...FAST, timeoutMs, cacheDir },
  });
}

const hashes = (r: Awaited<ReturnType<typeof ingestOne>>) =>
  r.pages.flatMap((p) => p.specs.map((s) => s.hash)).sort();

describe('mirror layouts, local and over loopback HTTP', () => {
  it.each(['v2mirror', 'v2nohash', 'v3mirror', 'v3signed', 'v3gzip'])(
    '%s: reads both specs',
    async (name) => {
      for (const location of [`${root}/${name}`, `${server.url}/${name}`, `${server.url}/${name}/`]) {
        const result = await ingestOne(location);
        expect(result.errors).toEqual([]);
        expect(hashes(result)).toEqual([zlib.hash, cmake.hash].sort());
      }
    },
  );

  it.each([
    ['v2badhash', /checksum mismatch/],
    ['v3badsum', /checksum mismatch/],
    ['v3noindex', /no index entry.*application\/pgp-keys/],
    ['v3nomanifest', /without an index manifest/],
  ])('%s: a clear error naming the source', async (name, message) => {
    for (const location of [`${root}/${name}`, `${server.url}/${name}`]) {
      const result = await ingestOne(location);
      expect(result.errors).toEqual([
        expect.objectContaining({
          file: expect.stringContaining(name),
          message: expect.stringMatching(message),
        }),
      ]);
      expect(result.pages).toEqual([]);
    }
  });

  it('an empty folder is not a mirror; a missing URL is reported as not found', async () => {
    expect((await ingestOne(`${root}/empty`)).errors[0]?.message).toMatch(
      /looked for v3\/layout\.json and build_cache\/index\.json/,
    );
    expect((await ingestOne(`${server.url}/empty`)).errors[0]?.message).toMatch(/404/);
  });

  it('reads the body of a clearsigned manifest, undoing dash-escaping', () => {
    const signed =
      '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n{"a":\n- -1}\n-----BEGIN PGP SIGNATURE-----\nxx\n-----END PGP SIGNATURE-----\n';
    expect(readClearsigned(signed)).toBe('{"a":\n-1}');
    expect(readClearsigned('{"plain": true}')).toBe('{"plain": true}');
  });
});

describe('remote faults', () => {
  it.each<[string, string, Fault[]]>([
    ['500 then success', '/v2mirror/build_cache/index.json', [500, 500]],
    ['a truncated body then success', '/v2mirror/build_cache/index.json', ['truncate']],
    ['a stalled body then success', V3_BLOB, ['slow']],
    ['a gzip-encoded response', '/v2mirror/build_cache/index.json', ['gzip']],
    ['a 500 on the manifest', '/v3mirror/v3/manifests/index/index.manifest.json', [500]],
  ])('recovers from %s', async (_what, file, script) => {
    faults[file] = [...script];
    const mirror = file.split('/')[1] ?? '';
    const result = await ingestOne(`${server.url}/${mirror}`);
    expect(result.errors).toEqual([]);
    expect(hashes(result)).toHaveLength(2);
    expect(faults[file]).toEqual([]);
  });

  it.each<[string, Fault[], RegExp]>([
    ['500', [500, 500, 500], /HTTP 500/],
    ['truncation', ['truncate', 'truncate', 'truncate'], /truncated body: the response ended early/],
    ['stalling', ['slow', 'slow', 'slow'], /timed out after 150 ms/],
  ])('gives up after the retries on repeated %s, naming the URL', async (_what, script, message) => {
    const file = '/v2mirror/build_cache/index.json';
    faults[file] = [...script];
    const result = await ingestOne(`${server.url}/v2mirror`);
    expect(result.errors).toEqual([
      expect.objectContaining({ file: `${server.url}/v2mirror`, message: expect.stringMatching(message) }),
    ]);
    expect(result.errors[0]?.message).toContain(`${server.url}${file}`);
    faults[file] = [];
  });

  it('a 404 is not retried', async () => {
    const file = '/v2mirror/build_cache/index.json';
    faults[file] = [404, 404, 404];
    const before = server.hits.get(file) ?? 0;
    const result = await ingestOne(`${server.url}/v2mirror`);
    expect(result.errors[0]?.message).toMatch(/not found/);
    expect((server.hits.get(file) ?? 0) - before).toBe(1);
    faults[file] = [];
  });
});

describe('download cache keyed by checksum', () => {
  it.each([
    ['v2 (index.json.hash)', 'v2mirror', '/v2mirror/build_cache/index.json'],
    ['v3 (manifest checksum)', 'v3mirror', V3_BLOB],
  ])('%s: an unchanged index is downloaded once', async (_what, mirror, file) => {
    const cacheDir = await tempDir();
    const before = server.hits.get(file) ?? 0;
    const first = await ingestOne(`${server.url}/${mirror}`, cacheDir);
    const second = await ingestOne(`${server.url}/${mirror}`, cacheDir);
    expect(hashes(second)).toEqual(hashes(first));
    expect((server.hits.get(file) ?? 0) - before).toBe(1);
    expect(await readdir(cacheDir)).toEqual([`${sha256(INDEX)}.json`]);
  });
});
