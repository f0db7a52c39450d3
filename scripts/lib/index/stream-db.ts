import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DatabaseSplitter, type DbStreamResult } from './split-db';

/** Stream-parse a Spack database document; throws on malformed JSON or a wrong top-level shape. */
export function streamDatabase(
  input: Readable,
  onEntry: (key: string, value: unknown) => void,
): Promise<DbStreamResult> {
  const splitter = new DatabaseSplitter(onEntry);
  // Decoded as a stream, so a character split between two chunks is joined before it is read.
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      input.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    input.on('error', fail);
    input.on('data', (chunk: string | Buffer) => {
      if (failed) return;
      try {
        splitter.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      } catch (error) {
        fail(error);
      }
    });
    input.on('end', () => {
      if (failed) return;
      try {
        resolve(splitter.end());
      } catch (error) {
        fail(error);
      }
    });
  });
}

/** Open an index file for streaming, gunzipping it when it starts with the gzip magic bytes. */
export async function openIndexFile(file: string, onBytes?: (n: number) => void): Promise<Readable> {
  const handle = await open(file, 'r');
  const head = Buffer.alloc(2);
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (onBytes) raw.on('data', (chunk) => onBytes(chunk.length));
  if (head[0] !== 0x1f || head[1] !== 0x8b) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}
