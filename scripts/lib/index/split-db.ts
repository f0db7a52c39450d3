export interface DbStreamResult {
  /** `database.version` as text, or null when absent. */
  version: string | null;
  hasDatabase: boolean;
  hasInstalls: boolean;
  entries: number;
}

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isOpen = (c: number) => c === OPEN_OBJECT || c === OPEN_ARRAY;
const isClose = (c: number) => c === CLOSE_OBJECT || c === CLOSE_ARRAY;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Splits `{"database": {"version", "installs": {<key>: <entry>}}}`, fed as text in chunks, into its
 * install entries, each handed over (JSON.parse'd) as soon as it is complete, so memory holds one entry
 * at a time, never the document. A real develop index is 185 MB: a JSON tokenizer written in
 * JavaScript (stream-json) took 23 of the 35 s its ingest took, where finding each entry's end with a
 * character scan and parsing it with the engine's JSON.parse takes a few.
 *
 * Nothing is taken on trust: every entry goes through JSON.parse, and the rest of the document, with
 * each entry replaced by `0`, is kept as the "skeleton" and goes through JSON.parse at the end, which
 * checks the syntax around the entries and gives `database.version` (before or after `installs`: both
 * orders exist in real files).
 */
export class DatabaseSplitter {
  result: DbStreamResult = { version: null, hasDatabase: false, hasInstalls: false, entries: 0 };
  private skeleton: string[] = [];
  /** The skeleton of the chunks already read, each joined into a string of its own (see `write`). */
  private readonly skeletonDone: string[] = [];
  /** Open containers outside entries: their kind, and for objects the key of the current member. */
  private readonly kinds: number[] = [];
  private readonly keys: Array<string | null> = [];
  private inString = false;
  private escaped = false;
  /** The string outside entries being read, in parts, and the last one read (a key if a colon follows). */
  private stringParts: string[] = [];
  private lastStringText = '';
  private afterColon = false;
  /** Inside an entry: its key, its text so far, and its bracket depth (0 for a scalar). */
  private entryKey: string | null = null;
  private entryParts: string[] = [];
  private entryDepth = 0;
  private entryScalar = false;

  constructor(private readonly onEntry: (key: string, value: unknown) => void) {}

  private inInstalls(): boolean {
    return (
      this.kinds.length === 3 &&
      this.kinds[0] === OPEN_OBJECT &&
      this.kinds[1] === OPEN_OBJECT &&
      this.kinds[2] === OPEN_OBJECT &&
      this.keys[0] === 'database' &&
      this.keys[1] === 'installs'
    );
  }

  write(chunk: string): void {
    let from = 0;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (this.entryKey !== null) {
        // Inside an entry: only its end matters.
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) {
            this.inString = false;
            if (this.entryDepth === 0) {
              this.endEntry(chunk, from, i + 1);
              from = i + 1;
            }
          }
        } else if (this.entryScalar) {
          if (isSpace(c) || c === COMMA || isClose(c)) {
            this.endEntry(chunk, from, i);
            from = i;
            continue;
          }
        } else if (c === QUOTE) this.inString = true;
        else if (isOpen(c)) this.entryDepth++;
        else if (isClose(c) && --this.entryDepth === 0) {
          this.endEntry(chunk, from, i + 1);
          from = i + 1;
        }
        i++;
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          this.stringParts.push(chunk.slice(from, i + 1));
          this.lastStringText = this.stringParts.join('');
          this.skeleton.push(this.lastStringText);
          this.stringParts = [];
          from = i + 1;
        }
        i++;
        continue;
      }
      if (this.afterColon && !isSpace(c) && this.inInstalls()) {
        // An entry's value starts here: the skeleton gets `0` in its place.
        this.afterColon = false;
        this.skeleton.push(chunk.slice(from, i), '0');
        from = i;
        this.entryKey = this.keys[2] ?? '';
        this.entryParts = [];
        this.entryDepth = isOpen(c) ? 1 : 0;
        this.entryScalar = !isOpen(c) && c !== QUOTE;
        this.inString = c === QUOTE;
        i++;
        continue;
      }
      if (!isSpace(c)) this.afterColon = false;
      if (c === QUOTE) {
        this.inString = true;
        this.skeleton.push(chunk.slice(from, i));
        from = i;
      } else if (c === COLON) {
        this.afterColon = true;
        if (this.kinds.length > 0) this.keys[this.kinds.length - 1] = this.lastString();
      } else if (isOpen(c)) {
        this.kinds.push(c);
        this.keys.push(null);
      } else if (isClose(c)) {
        this.kinds.pop();
        this.keys.pop();
      }
      i++;
    }
    const rest = chunk.slice(from);
    if (this.entryKey !== null) this.entryParts.push(rest);
    else if (this.inString) this.stringParts.push(rest);
    else this.skeleton.push(rest);
    // Slices of a chunk keep the whole chunk alive (V8 makes them views of it): joined, the chunk's
    // skeleton is a string of its own, and the chunk can go. Kept as slices, every chunk of a 185 MB
    // index stayed in memory, and the ingest's peak RSS went from 290 to 475 MB.
    this.skeletonDone.push(this.skeleton.join(''));
    this.skeleton = [];
  }

  /** The value of the string read last, which a colon has just made a key. */
  private lastString(): string | null {
    const value: unknown = JSON.parse(this.lastStringText);
    return typeof value === 'string' ? value : null;
  }

  private endEntry(chunk: string, from: number, to: number): void {
    this.entryParts.push(chunk.slice(from, to));
    const key = this.entryKey ?? '';
    const text = this.entryParts.join('');
    this.entryKey = null;
    this.entryParts = [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`database.installs["${key}"]: not valid JSON (${why})`, { cause: error });
    }
    this.result.entries++;
    this.onEntry(key, value);
  }

  /** Checks the whole document and reads `database.version`; call once the input has ended. */
  end(): DbStreamResult {
    if (this.entryKey !== null || this.inString) throw new Error('the file ends inside a value');
    const text = this.skeletonDone.join('') + this.skeleton.join('');
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      throw new Error(`not valid JSON (${error instanceof Error ? error.message : String(error)})`, {
        cause: error,
      });
    }
    if (!isRecord(doc)) throw new Error('the file is not a JSON object');
    if (!Object.hasOwn(doc, 'database')) return this.result;
    this.result.hasDatabase = true;
    const db = doc.database;
    if (!isRecord(db)) throw new Error('"database" is not an object');
    if (Object.hasOwn(db, 'installs')) {
      this.result.hasInstalls = true;
      if (!isRecord(db.installs)) throw new Error('"database.installs" is not an object');
    }
    const version = db.version;
    if (typeof version === 'string') this.result.version = version;
    else if (version === null || typeof version === 'number' || typeof version === 'boolean')
      this.result.version = String(version);
    return this.result;
  }
}
