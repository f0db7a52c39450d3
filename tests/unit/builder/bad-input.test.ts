// @vitest-environment node
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../../scripts/lib/run-build';
import { countValues, decodeInts, decodeUints32 } from '../../../src/data/int-codec';
import { parseManifest } from '../../../src/data/parse';
import { makeHash, makeSpec, pageText, tempDir, writeTree } from '../../helpers/pages';

const TAG = 'develop-2025-03-30';
const good = (pkg: string) => ({
  [`_cache/${TAG}/${pkg}/specs.md`]: pageText(TAG, pkg, [makeSpec(), makeSpec()]),
});

async function build(files: Record<string, string>, skipInvalid = false) {
  const pages = await writeTree({ ...good('zlib'), ...files });
  const out = path.join(await tempDir(), 'out');
  const report = await runBuild({ pages: [pages], out, skipInvalid, shardSize: 1000 });
  return {
    report,
    out,
    messages: report.errors.map((e) => `${path.relative(pages, e.file)} | ${e.field} | ${e.message}`),
  };
}

const page = (pkg: string) => `_cache/${TAG}/${pkg}/specs.md`;
const spec = makeSpec();

// One row per bad-input class: the file, the field the error must name, and words the message must use.
const cases: Array<{
  name: string;
  files: Record<string, string>;
  file: string;
  field: string;
  message: RegExp;
}> = [
  { name: 'empty file', files: { [page('bad')]: '' }, file: page('bad'), field: '', message: /empty file/ },
  {
    name: 'no front matter',
    files: { [page('bad')]: 'just text\n' },
    file: page('bad'),
    field: '',
    message: /no YAML front matter/,
  },
  {
    name: 'unparseable front matter',
    files: { [page('bad')]: '---\ntitle: "bad"\nmeta: {"a": [1,\n---\n' },
    file: page('bad'),
    field: 'front matter',
    message: /unparseable YAML/,
  },
  {
    name: 'missing field',
    files: { [page('bad')]: pageText(TAG, 'bad', [spec]).replace(/^spec_details:.*$/m, '') },
    file: page('bad'),
    field: 'spec_details',
    message: /expected array/i,
  },
  {
    name: 'mistyped field in a spec',
    files: { [page('bad')]: pageText(TAG, 'bad', [makeSpec({ stacks: 'e4s' as unknown as string[] })]) },
    file: page('bad'),
    field: 'spec_details[0].stacks',
    message: /expected array/i,
  },
  {
    name: 'missing field in a spec',
    files: {
      [page('bad')]: pageText(TAG, 'bad', [makeSpec()]).replace(/"os":"[^"]*",/, ''),
    },
    file: page('bad'),
    field: 'spec_details[0].os',
    message: /expected string/i,
  },
  {
    name: 'bad hash',
    files: { [page('bad')]: pageText(TAG, 'bad', [makeSpec({ hash: 'ABC1234' })]) },
    file: page('bad'),
    field: 'spec_details[0].hash',
    message: /32 lowercase base32/,
  },
  {
    name: 'hash with a character outside base32',
    files: { [page('bad')]: pageText(TAG, 'bad', [makeSpec({ hash: `${makeHash().slice(0, 31)}1` })]) },
    file: page('bad'),
    field: 'spec_details[0].hash',
    message: /base32/,
  },
  {
    name: 'duplicate hash in a page',
    files: { [page('bad')]: pageText(TAG, 'bad', [spec, { ...spec }]) },
    file: page('bad'),
    field: 'spec_details[1].hash',
    message: new RegExp(`duplicate hash ${spec.hash}`),
  },
  {
    name: 'older _cache/<pkg>/index.md layout',
    files: { '_cache/cmake/index.md': '---\ntitle: cmake\n---\n' },
    file: '_cache/cmake/index.md',
    field: '',
    message: /older _cache\/<package>\/index\.md form/,
  },
  {
    name: 'wrong layout value',
    files: { [page('bad')]: pageText(TAG, 'bad', [makeSpec()]).replace('layout: cache', 'layout: post') },
    file: page('bad'),
    field: 'layout',
    message: /expected "cache"/,
  },
  {
    name: 'title that disagrees with its directory',
    files: { [page('bad')]: pageText(TAG, 'other', [makeSpec()]) },
    file: page('bad'),
    field: 'title',
    message: /differs from the directory name "bad"/,
  },
  {
    name: 'categories without the directory tag',
    files: { [page('bad')]: pageText('v0.23.0', 'bad', [makeSpec()]) },
    file: page('bad'),
    field: 'categories',
    message: /does not include the tag/,
  },
];

describe('builder on bad input', () => {
  it.each(cases)(
    '$name: fails naming the file and field, and writes nothing',
    async ({ files, file, field, message }) => {
      const { report, out, messages } = await build(files);
      expect(report.ok).toBe(false);
      const hit = report.errors.find(
        (e) => e.file.endsWith(file) && e.field === field && message.test(e.message),
      );
      expect(hit, messages.join('\n')).toBeDefined();
      await expect(stat(out)).rejects.toThrow(/ENOENT/);
      expect(report.lines.join('\n')).toContain('Build failed');
    },
  );

  it('lists every error of every file, not just the first', async () => {
    const { report } = await build({
      [page('a')]: '',
      [page('b')]: pageText(TAG, 'b', [makeSpec({ hash: 'nope' }), makeSpec({ versions: [] })]),
    });
    expect(report.errors.map((e) => e.field).sort()).toEqual([
      '',
      'spec_details[0].hash',
      'spec_details[1].versions',
    ]);
  });

  it('rejects a hash that appears on two pages of one tag, naming both files', async () => {
    const shared = makeSpec();
    const { report } = await build({
      [page('a')]: pageText(TAG, 'a', [shared]),
      [page('b')]: pageText(TAG, 'b', [{ ...shared }]),
    });
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.message).toMatch(
      new RegExp(`hash ${shared.hash} is also on .*_cache/${TAG}/a/specs.md`),
    );
  });

  it('with --skip-invalid skips the bad files, reports them, and writes the rest', async () => {
    const { report, out } = await build({ [page('bad')]: '', [page('worse')]: 'x' }, true);
    expect(report.ok).toBe(true);
    expect(report.counts).toMatchObject({ specs: 2, packages: 1, rejectedFiles: 2 });
    const text = report.lines.join('\n');
    expect(text).toMatch(/Skipped 2 file\(s\)/);
    expect(text).toMatch(/bad\/specs\.md: empty file/);
    const manifest = parseManifest(
      JSON.parse(await readFile(path.join(out, 'index.json'), 'utf8')),
      'index.json',
    );
    expect(manifest.tags[0]?.specCount).toBe(2);
    expect(manifest.notes.some((n) => n.includes('bad/specs.md: empty file'))).toBe(true);
  });

  it('reports meta that disagrees with spec_details, with the file and both numbers, and keeps the specs', async () => {
    const specs = [makeSpec(), makeSpec({ stacks: ['root'] })];
    const { report } = await build({
      [page('odd')]: pageText(TAG, 'odd', specs, { num_specs: 5, num_specs_by_stack: { e4s: 2, root: 2 } }),
    });
    expect(report.ok).toBe(true);
    const warnings = report.warnings.map((w) => `${w.field}: ${w.message}`);
    expect(warnings).toContain('meta.num_specs: says 5, spec_details has 2');
    expect(warnings).toContain('meta.num_specs_by_stack.e4s: says 2, spec_details has 1');
    expect(report.warnings.every((w) => w.file.endsWith(page('odd')))).toBe(true);
    expect(report.counts.specs).toBe(4);
    expect(report.lines.join('\n')).toMatch(/reconciliation warning/);
  });

  it('keeps values as the source has them: compiler none, size -, exact-version compilers, numeric sizes', async () => {
    const specs = [
      makeSpec({ compiler: 'none', size: '-' }),
      makeSpec({ compiler: 'gcc@=13.2.0', size: 123456 }),
    ];
    const { report, out } = await build({ [page('vals')]: pageText(TAG, 'vals', specs) });
    expect(report.ok).toBe(true);
    const files = await readdir(path.join(out, 'shards'));
    const shard = JSON.parse(await readFile(path.join(out, 'shards', files[0] ?? ''), 'utf8'));
    expect(shard.dicts.compiler).toEqual(expect.arrayContaining(['none', 'gcc@=13.2.0']));
    expect(shard.dicts.sizeText).toEqual(['-']);
    expect(Array.from(decodeInts('s', 'columns.size', shard.columns.size, shard.count))).toContain(123456);
  });

  it('keeps a field it does not know yet instead of dropping it', async () => {
    const { report, out } = await build({
      [page('new')]: pageText(TAG, 'new', [makeSpec({ license: 'MIT' })]),
    });
    expect(report.ok).toBe(true);
    const files = await readdir(path.join(out, 'shards'));
    const shard = JSON.parse(await readFile(path.join(out, 'shards', files[0] ?? ''), 'utf8'));
    expect(shard.sparse.license).toEqual({ rows: expect.any(String), values: ['MIT'] });
    const rows = shard.sparse.license.rows;
    expect(Array.from(decodeUints32('s', 'rows', rows, countValues(rows)))).toEqual([expect.any(Number)]);
  });
});
