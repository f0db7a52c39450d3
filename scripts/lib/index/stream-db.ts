import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import Assembler from 'stream-json/Assembler';
import Parser from 'stream-json/Parser';

export interface DbStreamResult {
  /** `database.version` as text, or null when absent. */
  version: string | null;
  hasDatabase: boolean;
  hasInstalls: boolean;
  entries: number;
}

interface Token {
  name: string;
  value?: string | undefined;
}

const OPEN = new Set(['startObject', 'startArray']);
const CLOSE = new Set(['endObject', 'endArray']);

/**
 * Walks the token stream of `{"database": {"version", "installs": {<key>: <entry>}}}` and hands each
 * install entry over as soon as it is complete, so memory holds one entry at a time, never the document.
 * `database.version` may come before or after `installs` (both orders exist in real files).
 */
class DatabaseWalker {
  result: DbStreamResult = { version: null, hasDatabase: false, hasInstalls: false, entries: 0 };
  private depth = 0;
  /** Key of the value about to start at each depth that matters (1: database's key, 2: its field). */
  private keys: Array<string | null> = [];
  private skipDepth = 0;
  private entry: { key: string; asm: Assembler } | null = null;
  private pendingEntryKey: string | null = null;

  constructor(private readonly onEntry: (key: string, value: unknown) => void) {}

  push(token: Token): void {
    if (this.entry) return this.feedEntry(token);
    if (this.skipDepth > 0) {
      if (OPEN.has(token.name)) this.skipDepth++;
      else if (CLOSE.has(token.name)) this.skipDepth--;
      return;
    }
    if (token.name === 'keyValue') {
      if (this.depth === 3) this.pendingEntryKey = token.value ?? '';
      else this.keys[this.depth] = token.value ?? '';
      return;
    }
    if (this.depth === 0) {
      if (token.name !== 'startObject') throw new Error('the file is not a JSON object');
      this.depth = 1;
      return;
    }
    const key = this.keys[this.depth];
    const path = this.depth === 1 ? [key] : this.depth === 2 ? ['database', key] : ['database', 'installs'];
    const where = path.join('.');
    if (this.depth === 3 && this.pendingEntryKey !== null) return this.startEntry(token);
    if (CLOSE.has(token.name)) {
      this.depth--;
      return;
    }
    if (where === 'database') {
      this.result.hasDatabase = true;
      if (token.name !== 'startObject') throw new Error('"database" is not an object');
      this.depth = 2;
    } else if (where === 'database.installs') {
      this.result.hasInstalls = true;
      if (token.name !== 'startObject') throw new Error('"database.installs" is not an object');
      this.depth = 3;
    } else if (where === 'database.version' && !OPEN.has(token.name)) {
      this.result.version = token.value ?? token.name;
    } else if (OPEN.has(token.name)) {
      this.skipDepth = 1;
    }
  }

  private startEntry(token: Token): void {
    const key = this.pendingEntryKey ?? '';
    this.pendingEntryKey = null;
    if (!OPEN.has(token.name)) {
      this.emit(key, token.name === 'stringValue' || token.name === 'numberValue' ? token.value : null);
      return;
    }
    this.entry = { key, asm: new Assembler() };
    this.entry.asm.consume(token);
  }

  private feedEntry(token: Token): void {
    const entry = this.entry;
    if (!entry) return;
    entry.asm.consume(token);
    if (entry.asm.done) {
      this.entry = null;
      const value: unknown = entry.asm.current;
      this.emit(entry.key, value);
    }
  }

  private emit(key: string, value: unknown): void {
    this.result.entries++;
    this.onEntry(key, value);
  }
}

/** Stream-parse a Spack database document; throws on malformed JSON or a wrong top-level shape. */
export function streamDatabase(
  input: Readable,
  onEntry: (key: string, value: unknown) => void,
): Promise<DbStreamResult> {
  const walker = new DatabaseWalker(onEntry);
  const parser = new Parser({ packValues: true, streamValues: false });
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      input.destroy();
      parser.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    input.on('error', fail);
    parser.on('error', fail);
    parser.on('data', (token: Token) => {
      try {
        walker.push(token);
      } catch (error) {
        fail(error);
      }
    });
    parser.on('end', () => resolve(walker.result));
    input.pipe(parser);
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
