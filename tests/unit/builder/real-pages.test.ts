// @vitest-environment node
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildReport } from '../../../scripts/lib/run-build';
import { countValues } from '../../../src/data/int-codec';
import { parseManifest, parsePoolChunk, parseShard } from '../../../src/data/parse';
import type { Manifest } from '../../../src/data/schema';
import { hashAt, recordAt } from '../../../src/data/spec-table';
import { readBuiltData } from '../../helpers/built-data';
import { tempDir } from '../../helpers/pages';
import { referencePages, SAMPLE_PAGES } from '../../helpers/reference-pages';
import { rowHashes } from '../../helpers/tables';

const PAGES = SAMPLE_PAGES;

describe('builder on the real cache.spack.io pages', () => {
  let out: string;
  let report: BuildReport;
  let manifest: Manifest;
  let reference: Awaited<ReturnType<typeof referencePages>>;

  beforeAll(async () => {
    out = path.join(await tempDir(), 'data');
    report = await runBuild({ pages: [PAGES], out, skipInvalid: false, shardSize: 250_000 });
    manifest = parseManifest(JSON.parse(await readFile(path.join(out, 'index.json'), 'utf8')), 'index.json');
    reference = await referencePages();
  });

  it('builds without errors or reconciliation warnings', () => {
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.counts).toMatchObject({ tags: 3, packages: 151, specs: 1188 });
  });

  it('lists the tags newest first with the counts of their pages', () => {
    expect(manifest.tags.map((t) => t.name)).toEqual(['develop-2025-03-30', 'develop-2024-12-29', 'v0.23.0']);
    for (const tag of manifest.tags) {
      const pages = reference.get(tag.name) ?? [];
      expect(tag.packageCount).toBe(pages.length);
      expect(tag.specCount).toBe(pages.reduce((n, p) => n + p.specs.length, 0));
      expect(tag.specCount).toBe(pages.reduce((n, p) => n + Number(p.meta.num_specs), 0));
      const byStack = new Map<string, number>();
      for (const p of pages) {
        for (const [stack, n] of Object.entries(p.meta.num_specs_by_stack as Record<string, number>)) {
          byStack.set(stack, (byStack.get(stack) ?? 0) + n);
        }
      }
      expect(Object.fromEntries(tag.stacks.map((s) => [s.name, s.specCount]))).toEqual(
        Object.fromEntries(byStack),
      );
    }
    expect(manifest.tags.find((t) => t.name === 'develop-2025-03-30')).toMatchObject({
      specCount: 1001,
      packageCount: 96,
    });
  });

  it('round-trips: every spec_details entry appears exactly once in its tag, with all its fields', async () => {
    const built = await readBuiltData(out);
    for (const tag of manifest.tags) {
      const decoded = [];
      for (const { table } of built.shards.filter((s) => s.tag.name === tag.name)) {
        for (let i = 0; i < table.count; i++) decoded.push(recordAt(table, i));
      }
      const expected = (reference.get(tag.name) ?? []).flatMap((p) =>
        p.specs.map((s) => ({ pkg: p.pkg, s })),
      );
      expect(decoded).toHaveLength(expected.length);
      const byHash = new Map(decoded.map((r) => [r.hash, r]));
      expect(byHash.size).toBe(decoded.length);
      for (const { pkg, s } of expected) {
        const r = byHash.get(s.hash);
        expect(r, `${tag.name} ${s.hash}`).toBeDefined();
        const { hash, compiler, os, platform, target, size, stacks, variants, versions, ...extra } = s;
        expect(r).toEqual({
          tag: tag.name,
          package: pkg,
          hash,
          compiler,
          os,
          platform,
          target,
          size,
          stacks,
          variants,
          versions,
          extra,
        });
      }
    }
  });

  it('pools every hash once, newest tag first in row order, each tag within its prefix', async () => {
    const built = await readBuiltData(out);
    const expected: string[] = [];
    const seen = new Set<string>();
    for (const { table } of built.shards) {
      for (let i = 0; i < table.count; i++) {
        const hash = hashAt(table, i);
        if (!seen.has(hash)) expected.push(hash);
        seen.add(hash);
      }
    }
    const pool = [];
    for (const ref of manifest.hashPool.chunks) {
      const json: unknown = JSON.parse(await readFile(path.join(out, ref.path), 'utf8'));
      pool.push(parsePoolChunk(json, ref.path, ref).hashes);
    }
    expect(pool.join('')).toBe(expected.join(''));
    expect(manifest.hashPool.count).toBe(expected.length);
    for (const tag of manifest.tags) {
      const refs = built.shards
        .filter((s) => s.tag.name === tag.name)
        .flatMap((s) => rowHashes(s.table))
        .map((h) => expected.indexOf(h));
      expect(tag.hashPoolPrefix, tag.name).toBe(Math.max(...refs) + 1);
    }
    expect(manifest.tags[0]?.hashPoolPrefix).toBe(manifest.tags[0]?.specCount);
  });

  it('keeps tarball URLs of the v0.23.0 pages', async () => {
    const tag = manifest.tags.find((t) => t.name === 'v0.23.0');
    const ref = tag?.shards[0];
    if (!ref) throw new Error('no v0.23.0 shard');
    const shard = parseShard(JSON.parse(await readFile(path.join(out, ref.path), 'utf8')), ref.path);
    expect(countValues(shard.sparse.tarball?.rows ?? '')).toBeGreaterThan(0);
  });

  it('records the shard and pool chunk byte sizes and SHA-256 the files have', async () => {
    const { createHash } = await import('node:crypto');
    const refs = [...manifest.tags.flatMap((t) => t.shards), ...manifest.hashPool.chunks];
    expect(manifest.hashPool.chunks.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const bytes = await readFile(path.join(out, ref.path));
      expect(bytes.length).toBe(ref.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(ref.sha256);
    }
  });
});
