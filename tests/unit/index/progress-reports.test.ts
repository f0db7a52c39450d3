// @vitest-environment node
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestIndexes } from '../../../scripts/lib/index/ingest';
import type { ProgressReport, ProgressUpdate } from '../../../scripts/lib/progress';
import { tempDir } from '../../helpers/pages';
import { database, FAST, mirrorV2, node, serve, writeFiles, type Fault } from './fixtures';

const INDEX = database('8', [node('zlib', '1.3.1'), node('cmake', '3.30.0')]);
const faults: Record<string, Fault[]> = {};
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const root = await tempDir();
  await writeFiles(
    Object.fromEntries(Object.entries(mirrorV2(INDEX)).map(([k, v]) => [`mirror/${k}`, v])),
    root,
  );
  server = await serve(root, faults);
});
afterAll(() => server.close());

async function reports(location: string) {
  const seen: ProgressReport[] = [];
  const result = await ingestIndexes({
    inputs: [{ location, tag: 'develop', stack: 'root' }],
    tagMaps: [],
    fetch: { ...FAST, progress: (r) => seen.push(r) },
  });
  expect(result.errors).toEqual([]);
  const updates = seen.filter((r): r is ProgressUpdate => typeof r !== 'string');
  return { updates, lines: seen.filter((r): r is string => typeof r === 'string') };
}

describe('progress reports of an ingest', () => {
  it('a local index: its size is the total, and the last report has every byte and the specs', async () => {
    const dir = await writeFiles({ 'index.json': INDEX });
    const file = path.join(dir, 'index.json');
    const { updates, lines } = await reports(file);
    const { size } = await stat(file);
    const href = pathToFileURL(file).href;
    expect(updates.at(-1)).toEqual({ label: href, bytes: size, total: size, specs: expect.any(Number) });
    expect(lines).toEqual([expect.stringMatching(/: 2 specs, 0\.0 MB in .* s \(.* MB\/s, \d+ specs\/s\)$/)]);
  });

  it('a download: Content-Length is the total', async () => {
    const { updates } = await reports(`${server.url}/mirror`);
    const download = updates.filter((u) => u.label.endsWith('/mirror/build_cache/index.json'));
    expect(download.at(-1)).toEqual({
      label: `${server.url}/mirror/build_cache/index.json`,
      bytes: INDEX.length,
      total: INDEX.length,
    });
  });

  it('a gzip-encoded download: the size is unknown, since Content-Length counts the encoded bytes', async () => {
    faults['/mirror/build_cache/index.json'] = ['gzip'];
    const { updates } = await reports(`${server.url}/mirror`);
    const download = updates.filter((u) => u.label.endsWith('/mirror/build_cache/index.json'));
    expect(download.at(-1)).toEqual({
      label: `${server.url}/mirror/build_cache/index.json`,
      bytes: INDEX.length,
      total: null,
    });
  });
});
