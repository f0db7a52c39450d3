// @vitest-environment node
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../scripts/lib/run-build';
import { hashAt } from '../../../src/data/spec-table';
import { readBuiltData } from '../../helpers/built-data';
import { makeHash, tempDir } from '../../helpers/pages';
import { database, FAST, node, writeFiles } from './fixtures';

// Two indexes with rejected records (and one record not in the build cache) built through runBuild.
const zlib = node('zlib', '1.3.1');
const cmake = node('cmake', '3.30.0', {}, [{ name: 'zlib', hash: zlib.hash }]);
const gcc = node('gcc', '13.2.0');
const badVirtuals = node('mpich', '4.3.0', { provided_virtuals: 'mpi' });
const hdf5 = node('hdf5', '1.14.5');
const openmpi = node('openmpi', '5.0.6');
// Filed under a key that is not its own hash.
const mismatched = { ...openmpi, hash: makeHash() };

let a: string;
let b: string;

beforeAll(async () => {
  const dir = await writeFiles({
    'a.json': database('9', [zlib, cmake, gcc, badVirtuals], (n) => n !== gcc),
    'b.json': database('8', [hdf5, mismatched]),
  });
  a = path.join(dir, 'a.json');
  b = path.join(dir, 'b.json');
});

const build = async (skipInvalid: boolean) => {
  const out = path.join(await tempDir(), 'data');
  const indexes = [a, b].map((location) => ({ location, tag: 'develop', stack: 'root' }));
  const report = await runBuild({ pages: [], indexes, fetch: FAST, out, skipInvalid, shardSize: 100 });
  return { out, report };
};

/** `  <source>: read R, written W, excluded E, rejected X` as [source, R, W, E, X]. */
function perSource(lines: string[]) {
  return lines.flatMap((line) => {
    const m = /^ {2}(\S+): read (\d+), written (\d+), excluded (\d+), rejected (\d+)$/.exec(line);
    return m ? [[m[1], ...m.slice(2).map(Number)]] : [];
  });
}

describe('rejected index records with --skip-invalid', () => {
  it('fails without --skip-invalid, naming each rejected record', async () => {
    const { report } = await build(false);
    expect(report.ok).toBe(false);
    expect(report.lines).toContain('Use --skip-invalid to skip the rejected files and write the rest.');
    expect(report.errors.map((e) => e.field)).toEqual([
      `database.installs.${badVirtuals.hash}.spec.provided_virtuals`,
      `database.installs.${mismatched.hash}.spec.hash`,
    ]);
  });

  it('writes the rest, lists every rejected record (file and record) in the report and the notes', async () => {
    const { out, report } = await build(true);
    expect(report.ok).toBe(true);
    const [fileA, fileB] = [pathToFileURL(a).href, pathToFileURL(b).href];
    const skipped = [
      `${fileA}: database.installs.${badVirtuals.hash}.spec.provided_virtuals: `,
      `${fileB}: database.installs.${mismatched.hash}.spec.hash: is ${openmpi.hash}, but the entry's key is ${mismatched.hash}`,
    ];
    const at = report.lines.indexOf('Skipped 2 file(s), 2 problem(s):');
    expect(at).toBeGreaterThan(0);
    expect(report.lines.slice(at + 1, at + 3)).toEqual(skipped.map((s) => expect.stringContaining(`  ${s}`)));
    const { manifest, shards } = await readBuiltData(out);
    const notes = manifest.notes.filter((n) => n.startsWith('skipped: '));
    expect(notes).toEqual(skipped.map((s) => expect.stringContaining(`skipped: ${s}`)));
    const written = shards.flatMap(({ table }) =>
      Array.from({ length: table.count }, (_, i) => hashAt(table, i)),
    );
    expect(written.sort()).toEqual([zlib.hash, cmake.hash, hdf5.hash].sort());
  });

  it('the per-source and total lines add up: read = written + excluded + rejected', async () => {
    const { report } = await build(true);
    const sources = perSource(report.lines);
    expect(sources).toEqual([
      [pathToFileURL(a).href, 4, 2, 1, 1],
      [pathToFileURL(b).href, 2, 1, 0, 1],
    ]);
    for (const [, read, written, excluded, rejected] of sources)
      expect(read).toBe(Number(written) + Number(excluded) + Number(rejected));
    expect(report.lines).toContain(
      'Index records: read 6 = written 3 + excluded 1 + rejected 2 (2 index(es), 4 unique specs)',
    );
    expect(report.lines).toContain(
      'Excluded 1 record(s) marked in_buildcache: false (they still resolve as dependencies):',
    );
  });
});
