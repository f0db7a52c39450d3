import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildTags, DEFAULT_POOL_CHUNK_SIZE, DEFAULT_SHARD_SIZE, serialise } from './build';
import { discoverPages } from './discover';
import { DEFAULT_FETCH, type FetchOptions } from './index/fetch';
import { ingestIndexes } from './index/ingest';
import type { IndexInput } from './index/tag-map';
import { formatProblem, parsePage, type ParsedPage, type Problem } from './page';
import { writeFolderAtomically } from './write';

export interface BuildOptions {
  pages: string[];
  out: string;
  skipInvalid: boolean;
  shardSize: number;
  /** Most hashes per hash-pool chunk file; defaults to DEFAULT_POOL_CHUNK_SIZE. */
  poolChunkSize?: number;
  /** Spack build-cache indexes (files, mirror folders or URLs), each with its tag and stack. */
  indexes?: IndexInput[];
  /** binaries.spack.io-style tag maps (files or URLs) naming more indexes. */
  tagMaps?: string[];
  /** Download settings (timeouts, retries, cache folder, progress); defaults are for real mirrors. */
  fetch?: Partial<FetchOptions>;
  /** Fixed timestamp for reproducible output (tests); defaults to now. */
  now?: Date;
}

export interface BuildReport {
  ok: boolean;
  lines: string[];
  errors: Problem[];
  warnings: Problem[];
  counts: { tags: number; packages: number; specs: number; stacks: number; rejectedFiles: number };
}

export const GENERATOR = 'spack-cache-explorer data:build 0.1.0';

async function readPages(root: string) {
  const found = await discoverPages(root);
  const parsed: ParsedPage[] = [];
  const problems: Problem[] = [...found.problems];
  for (const file of found.pages) {
    // Synchronous on purpose: at a million specs there are about 117,000 pages of 4 KB, and from the
    // page cache readFileSync reads them all in 2 s where the promise API took 10 s of main-thread CPU
    // and, awaited one by one, left the parser idle for another 30 s.
    const text = readFileSync(file.absolute, 'utf8');
    const result = parsePage(file.display, text, file.tag, file.dirName);
    if (result.ok) parsed.push(result.page);
    else problems.push(...result.problems);
  }
  return { parsed, problems, fileCount: found.pages.length };
}

/** Read pages, build, and write the dataset atomically. Never throws for bad input: it reports. */
export async function runBuild(options: BuildOptions): Promise<BuildReport> {
  const parsed: ParsedPage[] = [];
  const errors: Problem[] = [];
  const sources = [];
  for (const root of options.pages) {
    const read = await readPages(root);
    parsed.push(...read.parsed);
    errors.push(...read.problems.map((p) => ({ ...p, file: path.join(root, p.file) })));
    sources.push({ kind: 'cache.spack.io pages', location: root, files: read.fileCount });
  }
  const indexLines: string[] = [];
  const indexWarnings: Problem[] = [];
  if ((options.indexes?.length ?? 0) + (options.tagMaps?.length ?? 0) > 0) {
    const ingested = await ingestIndexes({
      inputs: options.indexes ?? [],
      tagMaps: options.tagMaps ?? [],
      fetch: { ...DEFAULT_FETCH, ...options.fetch },
    });
    parsed.push(...ingested.pages);
    errors.push(...ingested.errors);
    indexWarnings.push(...ingested.warnings);
    sources.push(...ingested.sources);
    indexLines.push(...ingested.lines);
  }
  const built = buildTags(
    parsed.map((p) => ({ ...p })),
    options.shardSize || DEFAULT_SHARD_SIZE,
  );
  errors.push(...built.errors);
  const rejectedFiles = new Set(errors.map((e) => e.file)).size;
  const warnings = [...built.warnings, ...indexWarnings];
  const packages = built.tags.reduce((n, t) => n + t.packageCount, 0);
  const specs = built.tags.reduce((n, t) => n + t.specCount, 0);
  const stacks = new Set(built.tags.flatMap((t) => t.stacks.map((s) => s.name))).size;
  const counts = { tags: built.tags.length, packages, specs, stacks, rejectedFiles };
  const lines: string[] = [];
  const ok = errors.length === 0 || (options.skipInvalid && built.tags.length > 0);
  if (ok) {
    const { manifest, files } = serialise(
      built,
      {
        generatedAt: (options.now ?? new Date()).toISOString(),
        generator: GENERATOR,
        sources,
        notes: [
          ...errors.map((e) => `skipped: ${formatProblem(e)}`),
          ...warnings.map((w) => `warning: ${formatProblem(w)}`),
        ],
      },
      (text) => createHash('sha256').update(text).digest('hex'),
      options.poolChunkSize || DEFAULT_POOL_CHUNK_SIZE,
    );
    await writeFolderAtomically(options.out, [
      { path: 'index.json', text: JSON.stringify(manifest, null, 1) },
      ...files,
    ]);
    const poolFiles = manifest.hashPool.chunks.length;
    lines.push(
      `Wrote ${options.out}: index.json, ${files.length - poolFiles} shard file(s) and ${poolFiles} hash-pool file(s).`,
    );
  } else {
    lines.push(`Build failed: nothing was written to ${options.out}.`);
    if (!options.skipInvalid && errors.length > 0)
      lines.push('Use --skip-invalid to skip the rejected files and write the rest.');
  }
  lines.push(
    `Tags: ${counts.tags}  packages: ${packages}  specs: ${specs}  stacks: ${stacks}`,
    ...built.tags.map(
      (t) => `  ${t.name}: ${t.packageCount} packages, ${t.specCount} specs, ${t.stacks.length} stacks`,
    ),
    ...indexLines,
  );
  if (errors.length > 0) {
    lines.push(
      `${options.skipInvalid ? 'Skipped' : 'Rejected'} ${rejectedFiles} file(s), ${errors.length} problem(s):`,
    );
    lines.push(...errors.map((e) => `  ${formatProblem(e)}`));
  }
  if (warnings.length > 0) {
    lines.push(
      `${warnings.length} reconciliation warning(s) (page meta disagrees with spec_details, or a stack index with its root index; the data was kept):`,
    );
    lines.push(...warnings.map((w) => `  ${formatProblem(w)}`));
  }
  return { ok, lines, errors, warnings, counts };
}
