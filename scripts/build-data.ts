import { parseArgs } from 'node:util';
import { DEFAULT_POOL_CHUNK_SIZE, DEFAULT_SHARD_SIZE } from './lib/build';
import { DEFAULT_FETCH } from './lib/index/fetch';
import { ROOT_STACK, type IndexInput } from './lib/index/tag-map';
import { progressWriter } from './lib/progress';
import { runBuild } from './lib/run-build';

const DEFAULT_TAG = 'index';

const USAGE = `Usage: npm run data:build -- [--pages <dir> ...] [--index <file|dir|url> [--tag T] [--stack S] ...]
                          [--tag-map <file|url> ...] --out <dir> [options]

  --pages <dir>       a folder holding cache.spack.io pages as _cache/<tag>/<package>/specs.md (repeatable)
  --index <loc>       a Spack build-cache index: an index.json file, a mirror folder or URL in layout v2
                      (build_cache/index.json) or v3 (v3/layout.json) (repeatable)
    --tag <name>      the tag of the --index just before it (default "${DEFAULT_TAG}")
    --stack <name>    the stack of the --index just before it (default "${ROOT_STACK}")
  --tag-map <loc>     a binaries.spack.io tag map {"<tag>": [{"label": "<stack>", "url": "<index>"}]} (repeatable)
  --cache-dir <dir>   keep downloaded indexes by checksum; an unchanged index is not downloaded again
  --timeout <ms>      per download attempt (default ${DEFAULT_FETCH.timeoutMs})
  --retries N         retries after a failed download, with doubling backoff (default ${DEFAULT_FETCH.retries})
  --out <dir>         where to write index.json, shards/ and hashes/ (replaced atomically)
  --skip-invalid      skip files and records with errors (they are listed) and write the rest
  --shard-size N      specs per shard file (default ${DEFAULT_SHARD_SIZE})
  --pool-chunk-size N hashes per hash-pool file (default ${DEFAULT_POOL_CHUNK_SIZE}); the newest tag's
                      hashes also end a file, so the default view loads only its own
  --quiet             print only the summary line and problems, no download progress`;

function fail(message: string): never {
  process.stderr.write(`data:build: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function positiveInt(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    fail(`--${name}: expected ${min === 0 ? 'a non-negative' : 'a positive'} integer, got "${text}"`);
  return n;
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        pages: { type: 'string', multiple: true },
        index: { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
        stack: { type: 'string', multiple: true },
        'tag-map': { type: 'string', multiple: true },
        'cache-dir': { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        out: { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        'shard-size': { type: 'string' },
        'pool-chunk-size': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      tokens: true,
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values, tokens } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // --tag and --stack qualify the --index before them, so the order of the options matters.
  const indexes: IndexInput[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'index') indexes.push({ location: token.value, tag: DEFAULT_TAG, stack: ROOT_STACK });
    if (token.name !== 'tag' && token.name !== 'stack') continue;
    const last = indexes.at(-1);
    if (!last) fail(`--${token.name} must follow the --index it applies to`);
    if (token.name === 'tag') last.tag = token.value;
    else last.stack = token.value;
  }
  const tagMaps = values['tag-map'] ?? [];
  if (!values.pages?.length && indexes.length === 0 && tagMaps.length === 0)
    fail('--pages is required (or --index / --tag-map)');
  if (!values.out) fail('--out is required');
  const shardSize = positiveInt('shard-size', values['shard-size'], DEFAULT_SHARD_SIZE);
  const poolChunkSize = positiveInt('pool-chunk-size', values['pool-chunk-size'], DEFAULT_POOL_CHUNK_SIZE);
  const progress = progressWriter();
  const report = await runBuild({
    pages: values.pages ?? [],
    indexes,
    tagMaps,
    fetch: {
      timeoutMs: positiveInt('timeout', values.timeout, DEFAULT_FETCH.timeoutMs),
      retries: positiveInt('retries', values.retries, DEFAULT_FETCH.retries, 0),
      cacheDir: values['cache-dir'],
      progress: values.quiet ? undefined : progress.report,
    },
    out: values.out,
    skipInvalid: values['skip-invalid'],
    shardSize,
    poolChunkSize,
  });
  progress.done();
  const lines =
    values.quiet && report.ok && report.errors.length === 0 ? report.lines.slice(0, 2) : report.lines;
  (report.ok ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
  process.exitCode = report.ok ? 0 : 1;
}

await main();
