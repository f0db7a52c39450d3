// @vitest-environment node
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestIndexes } from '../../../scripts/lib/index/ingest';
import type { ProgressReport } from '../../../scripts/lib/progress';
import { tempDir } from '../../helpers/pages';
import {
  database,
  FAST,
  mirrorV2,
  mirrorV3,
  node,
  serve,
  sha256,
  STALL_TIMEOUT_MS,
  writeFiles,
  type Fault,
} from './fixtures';

// Layout v3 over loopback HTTP: faults on the manifest and the blob, and what layout.json may hold.
const zlib = node('zlib', '1.3.1');
const cmake = node('cmake', '3.30.0', {}, [{ name: 'zlib', hash: zlib.hash }]);
const INDEX = database('8', [zlib, cmake]);
const MANIFEST = '/v3/v3/manifests/index/index.manifest.json';
const BLOB = `/v3/blobs/sha256/${sha256(INDEX).slice(0, 2)}/${sha256(INDEX)}`;
const ATTEMPTS = FAST.retries + 1;

const LAYOUTS: Record<string, string> = {
  notjson: '{"signing": ',
  array: '[]',
  v2: '{"signing": "gpg", "version": 2}',
  v4: '{"version": "4"}',
  v3number: '{"signing": "gpg", "version": 3}',
  v3string: '{"version": "3"}',
  empty: '{}',
};

let server: Awaited<ReturnType<typeof serve>>;
let root: string;
const faults: Record<string, Fault[]> = {};

beforeAll(async () => {
  root = await tempDir();
  const put = (prefix: string, files: Record<string, string | Buffer>) =>
    writeFiles(Object.fromEntries(Object.entries(files).map(([k, v]) => [`${prefix}/${k}`, v])), root);
  await put('v3', mirrorV3(INDEX));
  await put('v2', mirrorV2(INDEX));
  for (const [name, layout] of Object.entries(LAYOUTS))
    await put(`layout-${name}`, mirrorV3(INDEX, { layout }));
  server = await serve(root, faults);
});
afterAll(() => server.close());

async function ingest(location: string, timeoutMs = FAST.timeoutMs, progress?: (r: ProgressReport) => void) {
  return ingestIndexes({
    inputs: [{ location, tag: 'develop', stack: 'root' }],
    tagMaps: [],
    fetch: { ...FAST, timeoutMs, progress },
  });
}

/** Requests to `file` while `run` runs. */
async function counting<T>(file: string, run: () => Promise<T>): Promise<[T, number]> {
  const before = server.hits.get(file) ?? 0;
  const result = await run();
  return [result, (server.hits.get(file) ?? 0) - before];
}

describe('layout v3 faults over loopback HTTP', () => {
  it.each([
    ['manifest', MANIFEST],
    ['blob', BLOB],
  ])('a truncated %s body is retried, saying why, then read', async (_what, file) => {
    faults[file] = ['truncate'];
    const events: string[] = [];
    const [result, hits] = await counting(file, () =>
      ingest(`${server.url}/v3`, FAST.timeoutMs, (r) => {
        if (typeof r === 'string') events.push(r);
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.tallies.map((t) => t.written.length)).toEqual([2]);
    expect(hits).toBe(2);
    expect(events.filter((e) => e.includes('retry'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${server.url}${file}: truncated body: the response ended early, after \\d+ of \\d+ bytes .*; retry 1$`,
        ),
      ),
    ]);
  });

  it.each([
    ['manifest', MANIFEST],
    ['blob', BLOB],
  ])('a %s body truncated on every attempt is an error saying so, naming its URL', async (_what, file) => {
    faults[file] = Array<Fault>(ATTEMPTS).fill('truncate');
    const [result, hits] = await counting(file, () => ingest(`${server.url}/v3`));
    expect(result.errors).toEqual([
      {
        file: `${server.url}/v3`,
        field: '',
        message: expect.stringMatching(/truncated body: the response ended early, after \d+ of \d+ bytes/),
      },
    ]);
    expect(result.errors[0]?.message).toContain(`${server.url}${file}: `);
    expect(hits).toBe(ATTEMPTS);
    expect(result.pages).toEqual([]);
  });

  it.each([
    ['manifest', MANIFEST, /layout v3 mirror without an index manifest/],
    ['blob', BLOB, /not found \(HTTP 404\)/],
  ])('a 404 on the %s is not retried and names its URL', async (_what, file, message) => {
    faults[file] = [404];
    const [result, hits] = await counting(file, () => ingest(`${server.url}/v3`));
    expect(result.errors).toEqual([
      { file: `${server.url}/v3`, field: '', message: expect.stringMatching(message) },
    ]);
    expect(result.errors[0]?.message).toContain(`${server.url}${file}: `);
    expect(hits).toBe(1);
  });
});

describe('v3/layout.json', () => {
  it.each(['v3number', 'v3string', 'empty'])('%s: accepted', async (name) => {
    for (const location of [`${root}/layout-${name}`, `${server.url}/layout-${name}`]) {
      const result = await ingest(location);
      expect(result.errors).toEqual([]);
      expect(result.sources.map((s) => s.kind)).toEqual(['spack build-cache index (mirror layout v3)']);
    }
  });

  it.each([
    ['notjson', /v3\/layout\.json: not JSON: /],
    ['array', /v3\/layout\.json: expected a JSON object such as \{"signing": "gpg"\}/],
    ['v2', /v3\/layout\.json: version: layout version 2 is not 3/],
    ['v4', /v3\/layout\.json: version: layout version "4" is not 3/],
  ])('%s: rejected, naming the file and field', async (name, message) => {
    const cases: Array<[string, string]> = [
      [`${root}/layout-${name}`, pathToFileURL(`${root}/layout-${name}`).href],
      [`${server.url}/layout-${name}`, `${server.url}/layout-${name}`],
    ];
    for (const [location, base] of cases) {
      const result = await ingest(location);
      expect(result.errors).toEqual([{ file: base, field: '', message: expect.stringMatching(message) }]);
      expect(result.errors[0]?.message).toContain(`${base}/v3/layout.json: `);
      expect(result.pages).toEqual([]);
    }
  });

  it.each<[string, string, Fault[], RegExp, number]>([
    ['a 500', 'v2', Array<Fault>(ATTEMPTS).fill(500), /HTTP 500/, FAST.timeoutMs],
    ['a stall', 'v3', Array<Fault>(ATTEMPTS).fill('slow'), /timed out after 150 ms/, STALL_TIMEOUT_MS],
  ])(
    '%s on it (%s mirror) is an error naming it, not a fall back to layout v2',
    async (_what, mirror, script, message, timeoutMs) => {
      const layout = `/${mirror}/v3/layout.json`;
      faults[layout] = [...script];
      const [result, v2Hits] = await counting(`/${mirror}/build_cache/index.json`, () =>
        ingest(`${server.url}/${mirror}`, timeoutMs),
      );
      expect(result.errors).toEqual([
        { file: `${server.url}/${mirror}`, field: '', message: expect.stringMatching(message) },
      ]);
      expect(result.errors[0]?.message).toContain(`${server.url}${layout}: `);
      expect(v2Hits).toBe(0);
      expect(faults[layout]).toEqual([]);
    },
  );

  it('a 404 on it means layout v2', async () => {
    const result = await ingest(`${server.url}/v2`);
    expect(result.errors).toEqual([]);
    expect(result.sources.map((s) => s.kind)).toEqual(['spack build-cache index (mirror layout v2)']);
  });
});
