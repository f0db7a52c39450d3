// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normaliseInstall } from '../../../scripts/lib/index/node';
import { NodeStore } from '../../../scripts/lib/index/store';
import { makeHash } from '../../helpers/pages';
import { database, ingestFiles, node, rowsByHash, type GenNode } from './fixtures';

function normalised(n: GenNode) {
  const result = normaliseInstall('test.json', n.hash, { spec: n.spec, in_buildcache: true });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.node;
}

describe('the dictionary-coded node store', () => {
  const gcc = node('gcc', '14.2.0');
  const zlib = node('zlib-ng', '2.2.4', {}, [
    { name: 'gcc', hash: gcc.hash, deptypes: ['build'], virtuals: ['c'] },
  ]);

  const installs: unknown = JSON.parse(database('8', [gcc, zlib])).database.installs;

  it.each([
    ['broken JSON', JSON.stringify({ database: { version: '8', installs } }).slice(0, -3)],
    ['an unknown version after the installs', JSON.stringify({ database: { installs, version: '99' } })],
  ])(
    'an index rejected for %s leaves nothing behind: its specs are neither rows nor dependencies',
    async (_what, spoiled) => {
      // The spoiled index stages gcc, zlib-ng and their edge before it fails; the good one then reuses the
      // same hashes and edge, which must resolve against what the good one itself has.
      const result = await ingestFiles({ 'bad.json': spoiled, 'good.json': database('8', [zlib]) });
      expect(result.errors).toHaveLength(1);
      const rows = rowsByHash(result);
      expect([...rows.keys()]).toEqual([zlib.hash]);
      expect(rows.get(zlib.hash)).toMatchObject({
        compiler: 'none',
        extra: {
          dependencies: [
            { name: 'gcc', hash: gcc.hash, deptypes: ['build'], virtuals: ['c'], missing: true },
          ],
        },
      });
      expect(result.lines[0]).toMatch(/\(2 index\(es\), 1 unique specs\)$/);
    },
  );

  it('shares equal lists and edges between specs, and one row per tag per spec', async () => {
    const other = node('bzip2', '1.0.8', {}, [
      { name: 'gcc', hash: gcc.hash, deptypes: ['build'], virtuals: ['c'] },
    ]);
    const result = await ingestFiles(
      { 'a.json': database('8', [gcc, zlib, other]), 'b.json': database('8', [zlib]) },
      { 'a.json': 'v1', 'b.json': 'v2' },
    );
    const rows = result.pages.flatMap((p) => p.specs);
    const zlibRows = rows.filter((r) => r.hash === zlib.hash);
    expect(zlibRows.map((r) => r.extra.dependencies)).toEqual([
      [{ name: 'gcc', hash: gcc.hash, deptypes: ['build'], virtuals: ['c'] }],
      [{ name: 'gcc', hash: gcc.hash, deptypes: ['build'], virtuals: ['c'] }],
    ]);
    const edgeOf = (hash: string) =>
      (rows.find((r) => r.hash === hash)?.extra.dependencies as unknown[] | undefined)?.[0];
    expect(edgeOf(zlib.hash)).toBe(edgeOf(other.hash));
    expect(rows.find((r) => r.hash === zlib.hash)?.variants).toBe(
      rows.find((r) => r.hash === other.hash)?.variants,
    );
  });

  it('tells apart edges to one hash that differ in name, deptypes or virtuals', async () => {
    const dep = makeHash();
    const edges = [
      { name: 'gcc', hash: dep, deptypes: ['build'], virtuals: ['c'] },
      { name: 'gcc', hash: dep, deptypes: ['build', 'link'], virtuals: ['c'] },
      { name: 'gcc', hash: dep, deptypes: ['build'], virtuals: ['cxx'] },
      { name: 'llvm', hash: dep, deptypes: ['build'], virtuals: ['c'] },
    ];
    const nodes = edges.map((e, i) => node(`pkg-${i}`, '1.0', {}, [e]));
    const rows = rowsByHash(await ingestFiles({ 'a.json': database('8', nodes) }));
    expect(nodes.map((n) => rows.get(n.hash)?.extra.dependencies)).toEqual(
      edges.map((e) => [{ ...e, missing: true }]),
    );
  });

  it('a rollback gives back every table to its size at the mark', () => {
    const store = new NodeStore();
    store.stage(normalised(gcc), 'a.json');
    const mark = store.mark();
    store.stage(normalised(zlib), 'bad.json');
    store.stage(normalised(node('bzip2', '1.0.8', { parameters: { cflags: ['-O2'] } })), 'bad.json');
    expect(store.mark()).not.toEqual(mark);
    store.rollback(mark);
    expect(store.mark()).toEqual(mark);
  });

  it('a rollback unlinks the edges it drops, so a later edge to the same hash is not mistaken for another', async () => {
    // `a` puts the hash `target` and the lists ["build"], ["c"] in the store for good. `bad` adds the edge
    // gcc -> target (build, c) and fails. `b` first adds gcc -> a's own hash (build, c), which takes the
    // dropped edge's id, then gcc -> target (build, c): a chain left pointing at the dropped id would
    // answer with the edge to a's hash.
    const target = makeHash();
    const a = node('a', '1.0', {}, [
      { name: 'gcc', hash: target, deptypes: ['link'], virtuals: [] },
      { name: 'llvm', hash: makeHash(), deptypes: ['build'], virtuals: ['c'] },
    ]);
    const edge = { name: 'gcc', hash: target, deptypes: ['build'], virtuals: ['c'] };
    const bad = node('p', '1.0', {}, [edge]);
    const q = node('q', '1.0', {}, [{ ...edge, hash: a.hash }]);
    const r = node('r', '1.0', {}, [edge]);
    const result = await ingestFiles({
      'a.json': database('8', [a]),
      'bad.json': database('8', [bad]).slice(0, -3),
      'b.json': database('8', [q, r]),
    });
    expect(rowsByHash(result).get(r.hash)?.extra.dependencies).toEqual([{ ...edge, missing: true }]);
  });
});
