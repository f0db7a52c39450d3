import { parseArgs } from 'node:util';
import { DEFAULT_SHARD_SIZE } from './lib/build';
import { runBuild } from './lib/run-build';

const USAGE = `Usage: npm run data:build -- --pages <dir> [--pages <dir> ...] --out <dir> [--skip-invalid] [--shard-size N]

  --pages <dir>     a folder holding cache.spack.io pages as _cache/<tag>/<package>/specs.md (repeatable)
  --out <dir>       where to write index.json and shards/ (replaced atomically)
  --skip-invalid    skip files with errors (they are listed) and write the rest
  --shard-size N    specs per shard file (default ${DEFAULT_SHARD_SIZE})
  --quiet           print only the summary line and problems`;

function fail(message: string): never {
  process.stderr.write(`data:build: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        pages: { type: 'string', multiple: true },
        out: { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        'shard-size': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.pages?.length) fail('--pages is required');
  if (!values.out) fail('--out is required');
  const shardSize = values['shard-size'] === undefined ? DEFAULT_SHARD_SIZE : Number(values['shard-size']);
  if (!Number.isInteger(shardSize) || shardSize < 1)
    fail(`--shard-size: expected a positive integer, got "${values['shard-size']}"`);
  const report = await runBuild({
    pages: values.pages,
    out: values.out,
    skipInvalid: values['skip-invalid'],
    shardSize,
  });
  const lines =
    values.quiet && report.ok && report.errors.length === 0 ? report.lines.slice(0, 2) : report.lines;
  (report.ok ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
  process.exitCode = report.ok ? 0 : 1;
}

await main();
