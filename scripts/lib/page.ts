import { z } from 'zod';
import { HASH_PATTERN } from '../../src/data/schema';
import type { SpecRecord } from '../../src/data/spec-table';
import { parseFrontMatter } from './front-matter';

/** A problem with one input file; `field` is a dotted path into the front matter, or '' for the file. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.field ? `${p.file}: ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;
}

const nonEmpty = z.string().min(1, 'must not be empty');
const KNOWN_SPEC_FIELDS = new Set([
  'hash',
  'compiler',
  'os',
  'platform',
  'target',
  'size',
  'stacks',
  'variants',
  'versions',
]);

// Strict on shape (every field present, typed), lenient on values: any compiler, stack or variant token.
const specDetailSchema = z.looseObject({
  hash: z.string().regex(HASH_PATTERN, 'expected 32 lowercase base32 characters (a-z, 2-7)'),
  compiler: nonEmpty,
  os: nonEmpty,
  platform: nonEmpty,
  target: nonEmpty,
  size: z.union([z.number().int().nonnegative(), z.string()]),
  stacks: z.array(nonEmpty),
  variants: z.array(nonEmpty),
  versions: z.array(nonEmpty).min(1, 'must list at least one version'),
});

const metaSchema = z.looseObject({
  compilers: z.array(z.string()),
  num_specs: z.number().int().nonnegative(),
  num_specs_by_stack: z.record(z.string(), z.number().int().nonnegative()),
  oss: z.array(z.string()),
  platforms: z.array(z.string()),
  stacks: z.array(z.string()),
  targets: z.array(z.string()),
  versions: z.array(z.string()),
});

const frontMatterSchema = z.looseObject({
  title: nonEmpty,
  layout: z.literal('cache', { error: 'expected "cache" (a cache.spack.io package page)' }),
  categories: z.array(z.string()),
  meta: metaSchema,
  spec_details: z.array(z.unknown()),
});

export interface ParsedPage {
  file: string;
  tag: string;
  package: string;
  specs: SpecRecord[];
  /** Reconciliation of meta against spec_details: reported, never fatal, never hidden. */
  warnings: Problem[];
}

export type PageResult = { ok: true; page: ParsedPage } | { ok: false; problems: Problem[] };

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function zodProblems(file: string, prefix: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

function setDiff(name: string, claimed: readonly string[], actual: Set<string>): string | null {
  const claimedSet = new Set(claimed);
  const missing = [...actual].filter((v) => !claimedSet.has(v)).sort();
  const extra = [...claimedSet].filter((v) => !actual.has(v)).sort();
  if (missing.length === 0 && extra.length === 0) return null;
  const parts = [];
  if (missing.length) parts.push(`spec_details has ${missing.join(', ')} not listed`);
  if (extra.length) parts.push(`lists ${extra.join(', ')} that no spec has`);
  return `meta.${name}: ${parts.join('; ')}`;
}

function reconcile(file: string, meta: z.infer<typeof metaSchema>, specs: readonly SpecRecord[]): Problem[] {
  const out: Problem[] = [];
  if (meta.num_specs !== specs.length) {
    out.push({
      file,
      field: 'meta.num_specs',
      message: `says ${meta.num_specs}, spec_details has ${specs.length}`,
    });
  }
  const byStack = new Map<string, number>();
  for (const s of specs) for (const st of s.stacks) byStack.set(st, (byStack.get(st) ?? 0) + 1);
  const stackNames = new Set([...Object.keys(meta.num_specs_by_stack), ...byStack.keys()]);
  for (const st of [...stackNames].sort()) {
    const claimed = meta.num_specs_by_stack[st] ?? 0;
    const actual = byStack.get(st) ?? 0;
    if (claimed !== actual) {
      out.push({
        file,
        field: `meta.num_specs_by_stack.${st}`,
        message: `says ${claimed}, spec_details has ${actual}`,
      });
    }
  }
  const lists: Array<[string, readonly string[], Set<string>]> = [
    ['compilers', meta.compilers, new Set(specs.map((s) => s.compiler))],
    ['oss', meta.oss, new Set(specs.map((s) => s.os))],
    ['platforms', meta.platforms, new Set(specs.map((s) => s.platform))],
    ['targets', meta.targets, new Set(specs.map((s) => s.target))],
    ['versions', meta.versions, new Set(specs.flatMap((s) => s.versions))],
    ['stacks', meta.stacks, new Set(byStack.keys())],
  ];
  for (const [name, claimed, actual] of lists) {
    const diff = setDiff(name, claimed, actual);
    if (diff) out.push({ file, field: `meta.${name}`, message: diff.slice(`meta.${name}: `.length) });
  }
  return out;
}

/**
 * Parse one cache.spack.io package page (`_cache/<tag>/<package>/specs.md`). `tag` and `dirName`
 * come from the path; the page must agree with them.
 */
export function parsePage(file: string, text: string, tag: string, dirName: string): PageResult {
  const fail = (field: string, message: string): PageResult => ({
    ok: false,
    problems: [{ file, field, message }],
  });
  if (text.trim() === '') return fail('', 'empty file');
  const match = FRONT_MATTER.exec(text);
  if (!match)
    return fail('', 'no YAML front matter (expected the file to start with --- and close it with ---)');
  const front = parseFrontMatter(match[1] ?? '');
  if (!front.ok) {
    return {
      ok: false,
      problems: front.messages.map((m) => ({
        file,
        field: 'front matter',
        message: `unparseable YAML: ${m}`,
      })),
    };
  }
  const parsed = frontMatterSchema.safeParse(front.value);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, '', parsed.error) };
  const fm = parsed.data;
  const problems: Problem[] = [];
  if (fm.title !== dirName) {
    problems.push({
      file,
      field: 'title',
      message: `"${fm.title}" differs from the directory name "${dirName}"`,
    });
  }
  if (!fm.categories.includes(tag)) {
    problems.push({
      file,
      field: 'categories',
      message: `does not include the tag "${tag}" of its directory`,
    });
  }
  const specs: SpecRecord[] = [];
  const seen = new Map<string, number>();
  fm.spec_details.forEach((raw, i) => {
    const entry = specDetailSchema.safeParse(raw);
    if (!entry.success) {
      problems.push(...zodProblems(file, `spec_details[${i}]`, entry.error));
      return;
    }
    const s = entry.data;
    const first = seen.get(s.hash);
    if (first !== undefined) {
      problems.push({
        file,
        field: `spec_details[${i}].hash`,
        message: `duplicate hash ${s.hash} (also at [${first}])`,
      });
      return;
    }
    seen.set(s.hash, i);
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) if (!KNOWN_SPEC_FIELDS.has(k)) extra[k] = v;
    specs.push({
      hash: s.hash,
      package: fm.title,
      versions: s.versions,
      compiler: s.compiler,
      os: s.os,
      platform: s.platform,
      target: s.target,
      variants: s.variants,
      stacks: s.stacks,
      size: s.size,
      extra,
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    page: { file, tag, package: fm.title, specs, warnings: reconcile(file, fm.meta, specs) },
  };
}
