import { parseArgs } from 'node:util';
import { DEFAULT_NEWEST, generateTags, type GenerateOptions } from './generate';
import { buildProfile } from './profile';
import { DEFAULT_SAMPLES, readSamples } from './read-samples';
import { writePages } from './write-pages';

const USAGE = `Usage: npm run data:synthetic -- --specs N --tags T --out <dir> [--seed N] [--samples <dir>] [--newest YYYY-MM-DD]

  --specs N        rows over all tags (e.g. 1000000)
  --tags T         weekly develop-YYYY-MM-DD tags (e.g. 60)
  --out <dir>      where to write _cache/<tag>/<package>/specs.md (must be empty, or written by this tool)
  --seed N         PRNG seed (default 1): the same seed gives the same pages
  --samples <dir>  real cache.spack.io pages to calibrate on (default ${DEFAULT_SAMPLES})
  --newest DATE    date of the newest tag (default ${DEFAULT_NEWEST})`;

function fail(message: string): never {
  process.stderr.write(`data:synthetic: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function positiveInt(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined) {
    if (fallback === undefined) fail(`--${name} is required`);
    return fallback;
  }
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) fail(`--${name}: expected a non-negative integer, got "${text}"`);
  return n;
}

/** Parse the command line; exits with the usage on a bad argument. */
export function parseCli(argv: string[]): { options: GenerateOptions; out: string; samples: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        specs: { type: 'string' },
        tags: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        samples: { type: 'string' },
        newest: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!values.out) fail('--out is required');
  const options: GenerateOptions = {
    specs: positiveInt('specs', values.specs),
    tags: positiveInt('tags', values.tags),
    seed: positiveInt('seed', values.seed, 1),
    newest: values.newest ?? DEFAULT_NEWEST,
  };
  if (options.tags < 1) fail('--tags must be at least 1');
  if (options.specs < options.tags) fail('--specs must be at least --tags (every tag holds a spec)');
  return { options, out: values.out, samples: values.samples ?? DEFAULT_SAMPLES };
}

/** Generate and write; returns the summary line. */
export async function runSynthetic(argv: string[]): Promise<string> {
  const { options, out, samples } = parseCli(argv);
  const started = performance.now();
  const profile = buildProfile(await readSamples(samples));
  const summary = await writePages(out, generateTags(profile, options), options);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return (
    `Wrote ${out}: ${summary.tags} tags, ${summary.pages} pages, ${summary.specs} specs, ` +
    `${(summary.bytes / 1e6).toFixed(1)} MB in ${seconds} s (seed ${options.seed}).`
  );
}
