import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { makeHash, tempDir } from '../../helpers/pages';
import type { FetchOptions } from '../../../scripts/lib/index/fetch';
import { ingestIndexes } from '../../../scripts/lib/index/ingest';

export const SAMPLES = path.resolve('data/samples/spack-index');

/** Tiny timeouts and backoffs keep fault tests fast; nothing here waits on a wall clock assertion. */
export const FAST: FetchOptions = { timeoutMs: 5_000, retries: 2, backoffMs: 1 };
/** For the stalled-body cases only: the stall is what times out. */
export const STALL_TIMEOUT_MS = 150;

export interface Edge {
  name: string;
  hash: string;
  deptypes?: string[];
  virtuals?: string[];
}

/** A v8/v9 spec node as Spack 1.x writes it: no `compiler` field, compilers are dependency edges. */
export function node(name: string, version: string, extra: Record<string, unknown> = {}, deps: Edge[] = []) {
  const hash = typeof extra.hash === 'string' ? extra.hash : makeHash();
  return {
    hash,
    spec: {
      name,
      version,
      arch: {
        platform: 'linux',
        platform_os: 'ubuntu24.04',
        target: { name: 'x86_64_v3', vendor: 'generic', features: ['avx2'] },
      },
      namespace: 'builtin',
      parameters: {
        build_system: 'generic',
        cflags: [],
        cppflags: [],
        cxxflags: [],
        fflags: [],
        ldflags: [],
        ldlibs: [],
      },
      package_hash: `${name}-package-hash====`,
      dependencies: deps.map((d) => ({
        name: d.name,
        hash: d.hash,
        parameters: { deptypes: d.deptypes ?? ['build', 'link'], virtuals: d.virtuals ?? [] },
      })),
      annotations: { original_specfile_version: 5 },
      ...extra,
      hash,
    },
  };
}

export type GenNode = ReturnType<typeof node>;

export function database(version: string, nodes: GenNode[], inCache: (n: GenNode) => boolean = () => true) {
  const installs: Record<string, unknown> = {};
  for (const n of nodes) installs[n.hash] = { spec: n.spec, ref_count: 0, in_buildcache: inCache(n) };
  return JSON.stringify({ database: { version, installs } });
}

export async function writeFiles(files: Record<string, string | Buffer>, root?: string): Promise<string> {
  const dir = root ?? (await tempDir());
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

/** Ingest index files, in the order given, all into tag `develop` (stack root) unless `tags` says otherwise. */
export async function ingestFiles(files: Record<string, string>, tags: Record<string, string> = {}) {
  const dir = await writeFiles(files);
  return ingestIndexes({
    inputs: Object.keys(files).map((f) => ({
      location: path.join(dir, f),
      tag: tags[f] ?? 'develop',
      stack: 'root',
    })),
    tagMaps: [],
    fetch: FAST,
  });
}

/** Every row of an ingest result by hash (one tag). */
export const rowsByHash = (result: Awaited<ReturnType<typeof ingestFiles>>) =>
  new Map(result.pages.flatMap((p) => p.specs).map((s) => [s.hash, s]));

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Files of a layout v2 mirror: build_cache/index.json and, unless told otherwise, its .hash. */
export function mirrorV2(index: string, options: { hash?: string | null } = {}): Record<string, string> {
  const files: Record<string, string> = { 'build_cache/index.json': index };
  if (options.hash !== null) files['build_cache/index.json.hash'] = options.hash ?? sha256(index);
  return files;
}

/** Files of a layout v3 mirror: layout.json, the index manifest and the blob it names. */
export function mirrorV3(
  index: string,
  options: { signed?: boolean; gzip?: boolean; checksum?: string; mediaType?: string; layout?: string } = {},
): Record<string, string | Buffer> {
  const blob = options.gzip ? gzipSync(index) : Buffer.from(index);
  const checksum = sha256(blob);
  const manifest = JSON.stringify(
    {
      version: 3,
      data: [
        {
          contentLength: blob.length,
          mediaType: options.mediaType ?? 'application/vnd.spack.db.v8+json',
          compression: options.gzip ? 'gzip' : 'none',
          checksumAlgorithm: 'sha256',
          checksum: options.checksum ?? checksum,
        },
      ],
    },
    null,
    2,
  );
  const signed = `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${manifest}\n-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCgAdFiEE\n-----END PGP SIGNATURE-----\n`;
  return {
    // What Spack writes (url_buildcache.py, maybe_push_layout_json).
    'v3/layout.json': options.layout ?? JSON.stringify({ signing: 'gpg' }),
    'v3/manifests/index/index.manifest.json': options.signed ? signed : manifest,
    [`blobs/sha256/${checksum.slice(0, 2)}/${checksum}`]: blob,
  };
}

export type Fault = 404 | 500 | 'truncate' | 'slow' | 'gzip';

/**
 * Serve a folder on 127.0.0.1 (random port). `faults[path]` is consumed one per request, so a path can
 * fail a few times and then succeed; `hits` counts requests per path.
 */
export async function serve(root: string, faults: Record<string, Fault[]> = {}) {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const fault = faults[url]?.shift();
    if (fault === 404 || fault === 500) {
      res.writeHead(fault).end('fault');
      return;
    }
    readFile(path.join(root, decodeURIComponent(url))).then(
      (body) => {
        if (fault === 'gzip') {
          res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(body));
        } else if (fault === 'truncate') {
          // Headers and half the body reach the client before the connection drops, so this is a
          // truncated body, not a connection refused before any response.
          res.writeHead(200, { 'content-length': body.length });
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
        } else if (fault === 'slow') {
          res.writeHead(200, { 'content-length': body.length });
          res.write(body.subarray(0, 1));
          setTimeout(() => res.destroy(), 5_000).unref();
        } else {
          res.writeHead(200, { 'content-length': body.length }).end(body);
        }
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
