import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ProgressReport } from '../progress';

export interface FetchOptions {
  /** Per attempt, body included, so a stalled download is retried rather than waited on forever. */
  timeoutMs: number;
  retries: number;
  /** First wait between attempts; doubled after each failure. */
  backoffMs: number;
  /** Keeps downloads named by checksum, so an unchanged index is not downloaded again. */
  cacheDir?: string;
  /** Event lines (retries, cache hits, summaries) and measurements of downloads and parses. */
  progress?: (report: ProgressReport) => void;
}

export const DEFAULT_FETCH: FetchOptions = { timeoutMs: 120_000, retries: 3, backoffMs: 1_000 };

/** Measurements are reported per this many bytes; the progress writer decides what to draw. */
const PROGRESS_STEP = 1 << 20;

export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(`${url}: ${message}`);
    this.name = 'FetchError';
  }
}

/** A location as a URL: `s3://spack-binaries/…` is served at binaries.spack.io, plain paths become file: URLs. */
export function toUrl(location: string, base?: string): URL {
  const s3 = /^s3:\/\/spack-binaries\/(.*)$/.exec(location);
  if (s3) return new URL(`https://binaries.spack.io/${s3[1] ?? ''}`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return new URL(location);
  if (base && /^https?:/.test(base)) return new URL(location, base);
  const dir = base ? path.dirname(fileURLToPath(toUrl(base))) : process.cwd();
  return pathToFileURL(path.resolve(dir, location));
}

/** `rel` under the folder `base` (with or without a trailing slash). */
export function under(base: URL, rel: string): URL {
  return new URL(rel, base.href.endsWith('/') ? base : new URL(`${base.href}/`));
}

// undici reports "fetch failed" and keeps the reason (reset, truncated, refused) in `cause`.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

const truncated = (bytes: number, total: number | null) =>
  `truncated body: the response ended early, after ${bytes}${total === null ? '' : ` of ${total}`} bytes`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withRetries<T>(url: string, options: FetchOptions, attempt: () => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = !(error instanceof FetchError) || error.retryable;
      if (!retryable || n >= options.retries) {
        if (error instanceof FetchError) throw error;
        throw new FetchError(url, describe(error), true);
      }
      // A FetchError's message already starts with the URL.
      const text = error instanceof FetchError ? error.message : `${url}: ${describe(error)}`;
      options.progress?.(`${text}; retry ${n + 1}`);
      await sleep(options.backoffMs * 2 ** n);
    }
  }
}

/**
 * One HTTP attempt; `onChunk` sees the (decoded) body and its declared length, when there is one for the
 * decoded bytes. 404 resolves false, other failures throw.
 */
async function httpAttempt(
  url: URL,
  options: FetchOptions,
  onChunk: (c: Uint8Array, total: number | null) => void,
) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { 'accept-encoding': 'gzip' } });
    if (response.status === 404) return false;
    if (!response.ok || !response.body) {
      throw new FetchError(
        url.href,
        `HTTP ${response.status}`,
        response.status >= 500 || response.status === 429,
      );
    }
    // With a content-encoding, Content-Length counts the encoded bytes, not the ones read here.
    const declared = response.headers.get('content-encoding') ? null : response.headers.get('content-length');
    const total = declared === null ? null : Number(declared);
    let bytes = 0;
    try {
      for await (const chunk of response.body) {
        bytes += chunk.length;
        onChunk(chunk, total);
      }
    } catch (error) {
      // A timeout also lands here; it is reported as one below.
      if (controller.signal.aborted) throw error;
      // Undici reports a connection dropped mid-body as a bare "terminated" (the reason is in `cause`).
      const dropped = error instanceof Error && error.message === 'terminated';
      const what =
        dropped || (total !== null && bytes < total)
          ? truncated(bytes, total)
          : `unreadable body after ${bytes} bytes`;
      throw new FetchError(url.href, `${what} (${describe(error)})`, true);
    }
    // Undici normally throws "terminated" first; this catches a body of the wrong length it let through.
    if (total !== null && bytes < total) throw new FetchError(url.href, truncated(bytes, total), true);
    if (total !== null && bytes > total)
      throw new FetchError(url.href, `body of ${bytes} bytes, but Content-Length says ${total}`, true);
    return true;
  } catch (error) {
    if (controller.signal.aborted)
      throw new FetchError(url.href, `timed out after ${options.timeoutMs} ms`, true);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** A small file (layout, manifest, `.hash`), or null when it does not exist. */
export async function fetchBytes(url: URL, options: FetchOptions): Promise<Buffer | null> {
  if (url.protocol === 'file:') {
    try {
      return await readFile(fileURLToPath(url));
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
      throw error;
    }
  }
  return withRetries(url.href, options, async () => {
    const chunks: Uint8Array[] = [];
    return (await httpAttempt(url, options, (c) => chunks.push(c))) ? Buffer.concat(chunks) : null;
  });
}

export interface LocalCopy {
  file: string;
  bytes: number;
  sha256: string;
  /** True when an earlier download with this checksum was reused. */
  cached: boolean;
  /** Removes a temporary download; a no-op for local files and the cache. */
  cleanup: () => Promise<void>;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

function checkDigest(url: string, actual: string, expected: string | undefined): void {
  if (expected !== undefined && actual !== expected)
    throw new FetchError(url, `checksum mismatch: expected sha256 ${expected}, got ${actual}`, false);
}

/**
 * A local file with the content at `url`, streamed to disk (never whole in memory) and checked against
 * `sha256` when given. With a cache folder and a checksum, a file already there is reused.
 */
export async function fetchToFile(url: URL, options: FetchOptions, sha256?: string): Promise<LocalCopy> {
  const noop = async () => {};
  if (url.protocol === 'file:') {
    const file = fileURLToPath(url);
    const { size } = await stat(file);
    const digest = await sha256File(file);
    checkDigest(url.href, digest, sha256);
    return { file, bytes: size, sha256: digest, cached: false, cleanup: noop };
  }
  if (options.cacheDir && sha256) {
    const cachedFile = path.join(options.cacheDir, `${sha256}.json`);
    const hit = await stat(cachedFile).catch(() => null);
    if (hit) {
      options.progress?.(`${url.href}: unchanged (sha256 ${sha256.slice(0, 12)}), using the cached copy`);
      return { file: cachedFile, bytes: hit.size, sha256, cached: true, cleanup: noop };
    }
  }
  const dir = options.cacheDir ?? (await mkdtemp(path.join(tmpdir(), 'spack-index-')));
  await mkdir(dir, { recursive: true });
  const partial = path.join(dir, `.download-${randomBytes(6).toString('hex')}`);
  const removeDir = options.cacheDir ? noop : () => rm(dir, { recursive: true, force: true });
  try {
    const { bytes, digest } = await withRetries(url.href, options, async () => {
      const out = createWriteStream(partial);
      const hash = createHash('sha256');
      let bytes = 0;
      let reported = 0;
      let declared: number | null = null;
      const report = () => {
        options.progress?.({ label: url.href, bytes, total: declared });
        reported = bytes;
      };
      const found = await httpAttempt(url, options, (chunk, total) => {
        hash.update(chunk);
        out.write(chunk);
        bytes += chunk.length;
        declared = total;
        if (bytes - reported >= PROGRESS_STEP) report();
      }).finally(() => out.end());
      await finished(out);
      if (!found) throw new FetchError(url.href, 'not found (HTTP 404)', false);
      if (bytes !== reported) report();
      return { bytes, digest: hash.digest('hex') };
    });
    checkDigest(url.href, digest, sha256);
    options.progress?.(`${url.href}: downloaded ${(bytes / 1e6).toFixed(1)} MB`);
    if (!options.cacheDir || !sha256) {
      return {
        file: partial,
        bytes,
        sha256: digest,
        cached: false,
        cleanup: () => rm(partial, { force: true }).then(removeDir),
      };
    }
    const file = path.join(dir, `${sha256}.json`);
    await rename(partial, file);
    return { file, bytes, sha256: digest, cached: false, cleanup: noop };
  } catch (error) {
    await rm(partial, { force: true });
    await removeDir();
    throw error;
  }
}

/** Gzip-compressed small files (e.g. a gzip v3 manifest blob) are read transparently. */
export function maybeGunzip(data: Buffer): Buffer {
  return data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
}
