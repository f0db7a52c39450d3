import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { fetchBytes, fetchToFile, maybeGunzip, under, type FetchOptions, type LocalCopy } from './fetch';

export type Layout = 'index file' | 'mirror layout v2' | 'mirror layout v3';

export interface LocatedIndex extends LocalCopy {
  layout: Layout;
  /** Where the index itself came from (the blob for v3), for messages. */
  indexUrl: string;
}

export class MirrorError extends Error {
  constructor(
    readonly location: string,
    message: string,
  ) {
    super(`${location}: ${message}`);
    this.name = 'MirrorError';
  }
}

const SIGNED_HEAD = '-----BEGIN PGP SIGNED MESSAGE-----';
const SIGNATURE_HEAD = '-----BEGIN PGP SIGNATURE-----';

/**
 * The body of a clearsigned (RFC 4880 §7) message: after the armor headers' blank line, up to the
 * signature, with dash-escaping undone. The signature is not verified: this tool only reads metadata.
 */
export function readClearsigned(text: string): string {
  if (!text.startsWith(SIGNED_HEAD)) return text;
  const lines = text.split(/\r?\n/);
  const blank = lines.indexOf('');
  const end = lines.indexOf(SIGNATURE_HEAD);
  if (blank < 0 || end < blank) throw new Error('clearsigned message without a body or signature');
  return lines
    .slice(blank + 1, end)
    .map((l) => (l.startsWith('- ') ? l.slice(2) : l))
    .join('\n');
}

/** Spack's buildcache manifest (`spack/schema/url_buildcache_manifest.py`): a version and blob records. */
const manifestSchema = z.looseObject({
  version: z.number().int(),
  data: z.array(
    z.looseObject({
      contentLength: z.number().int().nonnegative(),
      mediaType: z.string(),
      compression: z.string(),
      checksumAlgorithm: z.string(),
      checksum: z.string(),
    }),
  ),
});

/** Index blobs have the media type `application/vnd.spack.db.v<N>+json`. */
export const INDEX_MEDIA_TYPE = /^application\/vnd\.spack\.db\.v\d+\+json$/;

export interface IndexBlob {
  checksum: string;
  contentLength: number;
  mediaType: string;
}

/** Parse `v3/manifests/index/index.manifest.json` (clearsigned or not) and pick its index blob. */
export function parseIndexManifest(text: string): IndexBlob {
  let json: unknown;
  try {
    json = JSON.parse(readClearsigned(text));
  } catch (error) {
    throw new Error(`unreadable index manifest: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`index manifest: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const blob = parsed.data.data.find((d) => INDEX_MEDIA_TYPE.test(d.mediaType));
  if (!blob) {
    const types = parsed.data.data.map((d) => d.mediaType).join(', ') || 'no blobs';
    throw new Error(
      `index manifest has no index entry (media type application/vnd.spack.db.v*+json); it lists ${types}`,
    );
  }
  if (blob.checksumAlgorithm !== 'sha256' || !/^[0-9a-f]{64}$/.test(blob.checksum)) {
    throw new Error(`index manifest: unsupported checksum ${blob.checksumAlgorithm}:${blob.checksum}`);
  }
  return { checksum: blob.checksum, contentLength: blob.contentLength, mediaType: blob.mediaType };
}

async function isFile(url: URL): Promise<boolean> {
  if (url.protocol !== 'file:') return /\.json(\.gz)?$/.test(url.pathname);
  const info = await stat(fileURLToPath(url)).catch(() => null);
  if (!info) throw new MirrorError(url.href, 'no such file or folder');
  return info.isFile();
}

async function v2Hash(indexUrl: URL, options: FetchOptions): Promise<string | undefined> {
  const hashFile = await fetchBytes(new URL(`${indexUrl.href}.hash`), options);
  if (hashFile === null) return undefined;
  const text = hashFile.toString('utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text))
    throw new MirrorError(`${indexUrl.href}.hash`, 'expected the 64 hex characters of a sha256');
  return text;
}

/** Layout versions this reader knows; `v3/layout.json` lives under the `v3/` of the version it describes. */
const LAYOUT_VERSIONS: ReadonlySet<unknown> = new Set([3, '3']);

/**
 * Spack writes `v3/layout.json` as `{"signing": "gpg"}` (spack/spack lib/spack/spack/url_buildcache.py,
 * `maybe_push_layout_json`) and itself only checks that it exists. Anything that is not a JSON object, or
 * names a layout version other than 3, is not a mirror this reader understands.
 */
export function checkLayout(location: string, data: Buffer): void {
  let json: unknown;
  try {
    json = JSON.parse(maybeGunzip(data).toString('utf8'));
  } catch (error) {
    throw new MirrorError(location, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new MirrorError(location, 'expected a JSON object such as {"signing": "gpg"}');
  if ('version' in json && !LAYOUT_VERSIONS.has(json.version)) {
    throw new MirrorError(
      location,
      `version: layout version ${JSON.stringify(json.version)} is not 3, the one this reader knows`,
    );
  }
}

/**
 * Find and fetch the index behind `url`: an index file itself, or a mirror in layout v3
 * (`v3/layout.json` present) or v2 (`build_cache/index.json`). Checksums are verified where the
 * layout provides them: `index.json.hash` (v2) and the manifest's blob checksum (v3).
 */
export async function locateIndex(url: URL, options: FetchOptions): Promise<LocatedIndex> {
  if (await isFile(url)) {
    const sha = url.pathname.endsWith('/index.json') ? await v2Hash(url, options) : undefined;
    return { ...(await fetchToFile(url, options, sha)), layout: 'index file', indexUrl: url.href };
  }
  // Only a missing layout.json means "not v3": any other failure to read it is an error, since falling
  // back to v2 would then report a misleading 404 for build_cache/index.json.
  const layoutUrl = under(url, 'v3/layout.json');
  const layout = await fetchBytes(layoutUrl, options);
  if (layout !== null) {
    checkLayout(layoutUrl.href, layout);
    const manifestUrl = under(url, 'v3/manifests/index/index.manifest.json');
    const manifest = await fetchBytes(manifestUrl, options);
    if (manifest === null)
      throw new MirrorError(manifestUrl.href, 'layout v3 mirror without an index manifest');
    let blob: IndexBlob;
    try {
      blob = parseIndexManifest(maybeGunzip(manifest).toString('utf8'));
    } catch (error) {
      throw new MirrorError(manifestUrl.href, error instanceof Error ? error.message : String(error));
    }
    const blobUrl = under(url, `blobs/sha256/${blob.checksum.slice(0, 2)}/${blob.checksum}`);
    return {
      ...(await fetchToFile(blobUrl, options, blob.checksum)),
      layout: 'mirror layout v3',
      indexUrl: blobUrl.href,
    };
  }
  const indexUrl = under(url, 'build_cache/index.json');
  if (url.protocol === 'file:' && !(await stat(fileURLToPath(indexUrl)).catch(() => null))) {
    throw new MirrorError(
      url.href,
      'no build-cache index here (looked for v3/layout.json and build_cache/index.json)',
    );
  }
  const sha = await v2Hash(indexUrl, options);
  return {
    ...(await fetchToFile(indexUrl, options, sha)),
    layout: 'mirror layout v2',
    indexUrl: indexUrl.href,
  };
}
