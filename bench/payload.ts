import { createWriteStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { joinPool, poolPrefix } from '../src/data/hash-pool';
import { mergeTables } from '../src/data/merge';
import { parsePoolChunk, parseShard } from '../src/data/parse';
import { decodeShard, recordAt, type SpecTable } from '../src/data/spec-table';
import { readDataFiles } from './load-data';

/** Bytes per spec of one way to ship the rows, as files served one by one. */
export interface PayloadFigure {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
  /** Files compressed for the gzip and brotli figures (evenly spread; see `sampleEvery`). */
  gzipSampled: number;
  brotliSampled: number;
}

export interface Payload {
  ours: PayloadFigure;
  specsData: PayloadFigure;
  pages: PayloadFigure;
}

/**
 * Static hosts pre-compress at the top levels (gzip -9, brotli 11). Brotli 11 runs at about 1 MB/s here,
 * so past these input sizes only an evenly spread subset of files is compressed and the bytes per
 * spec of that subset are reported; files of one kind are alike, so the ratio carries over.
 */
const GZIP_BUDGET = 24e6;
const BROTLI_BUDGET = 2e6;

// Asynchronous, so files compress side by side on zlib's thread pool: compressing was most of the
// payload step, and the bench runs nothing else meanwhile.
const gzipAsync = promisify(zlib.gzip);
const brotliAsync = promisify(zlib.brotliCompress);
const gzip = async (b: Uint8Array) => (await gzipAsync(b, { level: 9 })).byteLength;
const brotli = async (b: Uint8Array) =>
  (
    await brotliAsync(b, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.byteLength,
      },
    })
  ).byteLength;
const sum = async (sizes: Array<Promise<number>>) => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);

interface Sized {
  bytes: Uint8Array;
  specs: number;
}

class Meter {
  private files = 0;
  private raw = 0;
  private readonly z = { gzip: { bytes: 0, specs: 0, files: 0 }, brotli: { bytes: 0, specs: 0, files: 0 } };
  private readonly jobs: Array<Promise<void>> = [];
  constructor(
    private readonly gzipEvery: number,
    private readonly brotliEvery: number,
  ) {}

  /** `load` is called only for files in the compressed subset, so unsampled pages are never read. */
  async add(size: number, load: () => Promise<Sized> | Sized): Promise<void> {
    const index = this.files++;
    this.raw += size;
    const wantGzip = index % this.gzipEvery === 0;
    const wantBrotli = index % this.brotliEvery === 0;
    if (!wantGzip && !wantBrotli) return;
    const { bytes, specs } = await load();
    if (wantGzip) this.jobs.push(gzip(bytes).then((n) => this.count('gzip', n, specs)));
    if (wantBrotli) this.jobs.push(brotli(bytes).then((n) => this.count('brotli', n, specs)));
  }

  private count(kind: 'gzip' | 'brotli', bytes: number, specs: number): void {
    this.z[kind].bytes += bytes;
    this.z[kind].specs += specs;
    this.z[kind].files++;
  }

  async figure(totalSpecs: number): Promise<PayloadFigure> {
    await Promise.all(this.jobs);
    const per = (x: { bytes: number; specs: number }) => (x.specs > 0 ? x.bytes / x.specs : Number.NaN);
    return {
      files: this.files,
      raw: this.raw / totalSpecs,
      gzip: per(this.z.gzip),
      brotli: per(this.z.brotli),
      gzipSampled: this.z.gzip.files,
      brotliSampled: this.z.brotli.files,
    };
  }
}

/** Compress every k-th file so that about `budget` bytes of input are compressed. */
const sampleEvery = (totalBytes: number, budget: number) => Math.max(1, Math.ceil(totalBytes / budget));

/**
 * One pass over a tag's rows (one record each, at a million specs the records were a fifth of this
 * step's main-thread time): the tag's file in the shape assumed for cache.spack.io's 2026
 * `specs_data.json.gz`, one JSON object keyed by hash (see bench/README.md for the assumption), and its
 * rows for the DataTables page, one JSON array of the columns the app's table shows per row.
 */
function tagFiles(table: SpecTable): { specsData: string; rows: string[] } {
  const specsData: Record<string, unknown> = {};
  const rows: string[] = [];
  for (let row = 0; row < table.count; row++) {
    const r = recordAt(table, row);
    specsData[r.hash] = {
      name: r.package,
      version: r.versions.join(','),
      compiler: r.compiler,
      os: r.os,
      target: r.target,
      platform: r.platform,
      variants: r.variants.join(' '),
      stacks: r.stacks,
      tag: r.tag,
    };
    rows.push(
      JSON.stringify([
        r.hash,
        r.package,
        r.versions.join(', '),
        r.compiler,
        r.os,
        r.target,
        r.platform,
        r.variants.join(' '),
        r.stacks.join(' '),
        r.tag,
      ]),
    );
  }
  return { specsData: JSON.stringify(specsData), rows };
}

async function pageFiles(pagesDir: string): Promise<string[]> {
  const root = path.join(pagesDir, '_cache');
  const files: string[] = [];
  for (const tag of (await readdir(root)).sort()) {
    for (const pkg of (await readdir(path.join(root, tag))).sort())
      files.push(path.join(root, tag, pkg, 'specs.md'));
  }
  return files;
}

/**
 * Bytes per spec of our manifest + shards + hash-pool chunks, of the specs_data.json shape, and of the
 * cache.spack.io pages; on the way, writes every row as an array of strings to `rowsFile` for the
 * DataTables page.
 */
export async function measurePayload(dataDir: string, pagesDir: string, rowsFile: string): Promise<Payload> {
  const data = await readDataFiles(dataDir);
  const totalSpecs = data.manifest.tags.reduce((n, t) => n + t.specCount, 0);
  const shards = data.tags.flatMap((t) => t.shards);
  const shardBytes = shards.reduce((n, s) => n + s.bytes.byteLength, 0);
  const ours = new Meter(sampleEvery(shardBytes, GZIP_BUDGET), sampleEvery(shardBytes, BROTLI_BUDGET));
  for (const s of shards) await ours.add(s.bytes.byteLength, () => ({ bytes: s.bytes, specs: s.specCount }));
  // The manifest and the pool chunks hold no rows of their own, so sampling them with the shards would
  // skew the per-spec ratio: every one is compressed (each file on its own, as served) and its bytes
  // are spread over all specs. The pool is a few MB even at 1M specs.
  const manifest = await readFile(path.join(dataDir, 'index.json'));
  const shared = [manifest, ...data.pool.map((c) => c.bytes)];
  // Started here and awaited at the end, like the sampled files, so they compress while the rows are built.
  const sharedBytes = { gzip: sum(shared.map(gzip)), brotli: sum(shared.map(brotli)) };
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const pool = joinPool(
    data.pool.map((c) =>
      encoder.encode(parsePoolChunk(JSON.parse(decoder.decode(c.bytes)), c.path, c.ref).hashes),
    ),
  );

  let specsData: Meter | null = null;
  const rows = createWriteStream(rowsFile);
  rows.write('[');
  let first = true;
  for (const tag of data.tags) {
    const tagPool = poolPrefix(pool, tag.hashPoolPrefix);
    const table = mergeTables(
      tag.shards.map((s) =>
        decodeShard(
          { shard: parseShard(JSON.parse(decoder.decode(s.bytes)), s.path), pool: tagPool },
          s.path,
        ),
      ),
    );
    const files = tagFiles(table);
    const text = encoder.encode(files.specsData);
    // Sampled by the first tag's file, the newest and so the largest: specs_data.json runs 4 to 8 times
    // our shard bytes with the dataset's size, too loose a ratio to size the sample by, and sized by it
    // the sample was 4 times the budget at a million specs.
    const total = text.byteLength * data.tags.length;
    specsData ??= new Meter(sampleEvery(total, GZIP_BUDGET), sampleEvery(total, BROTLI_BUDGET));
    await specsData.add(text.byteLength, () => ({ bytes: text, specs: table.count }));
    if (files.rows.length > 0) {
      if (!rows.write(`${first ? '' : '\n,'}${files.rows.join('\n,')}`)) await once(rows, 'drain');
      first = false;
    }
  }
  rows.end(']');
  if (!specsData) throw new Error(`${dataDir}: the manifest lists no tags`);
  await once(rows, 'finish');

  const files = await pageFiles(pagesDir);
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const pageBytes = sizes.reduce((a, b) => a + b, 0);
  const pages = new Meter(sampleEvery(pageBytes, GZIP_BUDGET), sampleEvery(pageBytes, BROTLI_BUDGET));
  for (let i = 0; i < files.length; i++) {
    await pages.add(sizes[i] ?? 0, async () => {
      const bytes = new Uint8Array(await readFile(files[i] ?? ''));
      // One `"hash": ` per spec_details entry: the page's spec count without parsing its YAML.
      const specs = decoder.decode(bytes).split('"hash": ').length - 1;
      return { bytes, specs };
    });
  }
  const oursFigure = await ours.figure(totalSpecs);
  return {
    ours: {
      ...oursFigure,
      files: oursFigure.files + shared.length,
      raw: oursFigure.raw + shared.reduce((n, b) => n + b.byteLength, 0) / totalSpecs,
      gzip: oursFigure.gzip + (await sharedBytes.gzip) / totalSpecs,
      brotli: oursFigure.brotli + (await sharedBytes.brotli) / totalSpecs,
    },
    specsData: await specsData.figure(totalSpecs),
    pages: await pages.figure(totalSpecs),
  };
}
