/**
 * The builder in a child process that reports its own peak RSS, for machines without /usr/bin/time:
 * `node --import tsx bench/build-child.ts <pages> <out>`.
 */
import { DEFAULT_SHARD_SIZE } from '../scripts/lib/build';
import { runBuild } from '../scripts/lib/run-build';

const [pages, out] = process.argv.slice(2);
if (!pages || !out) throw new Error('usage: build-child.ts <pages> <out>');
const report = await runBuild({ pages: [pages], out, skipInvalid: false, shardSize: DEFAULT_SHARD_SIZE });
process.stdout.write(`${report.lines.join('\n')}\nmaxRSS=${process.resourceUsage().maxRSS}\n`);
process.exitCode = report.ok ? 0 : 1;
