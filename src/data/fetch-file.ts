import { DataFormatError } from './parse';

export type Fetcher = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/** A load that failed; `what` names the file (URL) so the screen can say what to retry. */
export class LoadError extends Error {
  constructor(
    readonly what: string,
    message: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

/** Told the size of each chunk received, for a progress bar. */
export type OnBytes = (bytes: number) => void;

async function readBody(response: Response, onBytes?: OnBytes): Promise<ArrayBuffer> {
  if (!onBytes || !response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    onBytes(value.byteLength);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out.buffer;
}

export async function fetchBytes(
  fetcher: Fetcher,
  url: string,
  signal?: AbortSignal,
  onBytes?: OnBytes,
): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetcher(url, signal ? { signal } : undefined);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new LoadError(
      url,
      `${url}: could not be fetched (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!response.ok)
    throw new LoadError(url, `${url}: the server answered ${response.status} ${response.statusText}`);
  return readBody(response, onBytes);
}

export function parseJson(bytes: ArrayBuffer, url: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new LoadError(
      url,
      `${url}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string | null> {
  // crypto.subtle exists only in secure contexts; a portal served over plain http still gets the size check.
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(bytes)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Fetch a file the manifest lists, checking its size and SHA-256 against the manifest's reference. */
export async function fetchListedFile(
  fetcher: Fetcher,
  url: string,
  ref: { bytes: number; sha256: string },
  signal?: AbortSignal,
  onBytes?: OnBytes,
): Promise<ArrayBuffer> {
  const bytes = await fetchBytes(fetcher, url, signal, onBytes);
  if (bytes.byteLength !== ref.bytes) {
    throw new LoadError(
      url,
      `${url}: ${bytes.byteLength} bytes, the manifest says ${ref.bytes} (stale or truncated file)`,
    );
  }
  let digest: string | null;
  try {
    digest = await sha256Hex(bytes);
  } catch (error) {
    throw new LoadError(
      url,
      `${url}: could not compute its SHA-256 (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (digest !== null && digest !== ref.sha256) {
    throw new LoadError(url, `${url}: content hash ${digest} does not match the manifest's ${ref.sha256}`);
  }
  return bytes;
}

export function rethrowAsLoad(url: string, error: unknown): never {
  if (error instanceof DataFormatError || error instanceof Error) {
    if (error instanceof LoadError) throw error;
    if (error.name === 'AbortError') throw error;
    throw new LoadError(url, error.message);
  }
  throw new LoadError(url, `${url}: ${String(error)}`);
}

/** A listed file read as JSON by `read` (a schema parse): every failure is a LoadError naming the URL. */
export async function fetchListedJson<T>(
  fetcher: Fetcher,
  url: string,
  ref: { bytes: number; sha256: string },
  read: (json: unknown) => T,
  signal?: AbortSignal,
  onBytes?: OnBytes,
): Promise<T> {
  const bytes = await fetchListedFile(fetcher, url, ref, signal, onBytes);
  try {
    return read(parseJson(bytes, url));
  } catch (error) {
    rethrowAsLoad(url, error);
  }
}
