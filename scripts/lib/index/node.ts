import { z } from 'zod';
import { HASH_PATTERN } from '../../../src/data/schema';
import type { Problem } from '../page';
import { splitParameters } from './variants';
import { Interner } from './interner';

/** Database versions whose `installs` shape this reader knows (Spack 0.17 … 1.x). */
export const KNOWN_DB_VERSIONS: ReadonlySet<string> = new Set(['6', '7', '8', '9']);

/** Language virtuals: since Spack 1.0 the compiler of a node is the dependency providing one of these. */
export const LANGUAGE_VIRTUALS: ReadonlySet<string> = new Set(['c', 'cxx', 'fortran']);

export interface DependencyEdge {
  name: string;
  hash: string;
  deptypes: string[];
  virtuals: string[];
}

/** One install entry reduced to what the dashboard shows: target features and paths are not kept. */
export interface IndexNode {
  hash: string;
  name: string;
  version: string;
  platform: string;
  os: string;
  target: string;
  /** From the node's own `compiler` field (database v7 and older). */
  compiler: string | null;
  /** `annotations.compiler` (specs converted from older formats), `@=` normalised to `@`. */
  annotatedCompiler: string | null;
  variants: string[];
  flags: Record<string, string[]> | null;
  dependencies: DependencyEdge[];
  packageHash: string | null;
  external: boolean;
  buildSpec: string | null;
  inBuildcache: boolean;
}

export type NodeResult = { ok: true; node: IndexNode } | { ok: false; problems: Problem[] };

const nonEmpty = z.string().min(1, 'must not be empty');
const hash = z.string().regex(HASH_PATTERN, 'expected 32 lowercase base32 characters (a-z, 2-7)');
const stringList = z.array(z.string());

const edgeSchema = z.looseObject({
  name: nonEmpty,
  hash,
  // Spec format v3+ nests deptypes/virtuals under parameters; older ones had a `type` list.
  parameters: z.looseObject({ deptypes: stringList.optional(), virtuals: stringList.optional() }).optional(),
  type: stringList.optional(),
});

const specSchema = z.looseObject({
  name: nonEmpty,
  version: z.union([nonEmpty, z.number()]),
  arch: z.looseObject({
    platform: nonEmpty,
    platform_os: nonEmpty,
    target: z.union([nonEmpty, z.looseObject({ name: nonEmpty })]),
  }),
  compiler: z.looseObject({ name: nonEmpty, version: z.union([nonEmpty, z.number()]) }).optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  dependencies: z.array(edgeSchema).optional(),
  annotations: z.looseObject({ compiler: z.string().optional() }).optional(),
  hash: hash.optional(),
  _hash: hash.optional(),
  package_hash: z.string().optional(),
  external: z.unknown().optional(),
  build_spec: z.looseObject({ hash }).optional(),
});

const installSchema = z.looseObject({
  spec: specSchema,
  in_buildcache: z.boolean().optional(),
});

/** `gcc@=10.2.1` (annotations) and `gcc@10.2.1` (compiler field) name the same compiler: keep one spelling. */
export function normaliseCompiler(text: string): string {
  return text.replace('@=', '@');
}

/**
 * Validate and reduce one `installs` entry. `file` names the index in every problem, and each problem's
 * field is the path of the offending value under `database.installs.<key>`.
 */
export function normaliseInstall(
  file: string,
  key: string,
  entry: unknown,
  intern: Interner = new Interner(),
): NodeResult {
  const at = `database.installs.${key}`;
  if (!HASH_PATTERN.test(key)) {
    return {
      ok: false,
      problems: [{ file, field: at, message: 'key is not a spec hash (32 lowercase base32 characters)' }],
    };
  }
  const parsed = installSchema.safeParse(entry);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        file,
        field: [at, ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    };
  }
  const spec = parsed.data.spec;
  const problems: Problem[] = [];
  const ownHash = spec.hash ?? spec._hash;
  if (ownHash !== undefined && ownHash !== key) {
    problems.push({
      file,
      field: `${at}.spec.hash`,
      message: `is ${ownHash}, but the entry's key is ${key}`,
    });
  }
  const split = splitParameters(spec.parameters ?? {});
  for (const p of split.problems)
    problems.push({ file, field: `${at}.spec.parameters.${p.field}`, message: p.message });
  if (problems.length > 0) return { ok: false, problems };
  const target = spec.arch.target;
  const annotated = spec.annotations?.compiler;
  return {
    ok: true,
    node: {
      hash: key,
      name: intern.string(spec.name),
      version: intern.string(String(spec.version)),
      platform: intern.string(spec.arch.platform),
      os: intern.string(spec.arch.platform_os),
      target: intern.string(typeof target === 'string' ? target : target.name),
      compiler: spec.compiler ? `${spec.compiler.name}@${spec.compiler.version}` : null,
      annotatedCompiler: annotated ? normaliseCompiler(annotated) : null,
      variants: intern.list(split.variants),
      flags: split.flags,
      dependencies: (spec.dependencies ?? []).map((d) => ({
        name: intern.string(d.name),
        hash: intern.string(d.hash),
        deptypes: intern.list(d.parameters?.deptypes ?? d.type ?? []),
        virtuals: intern.list(d.parameters?.virtuals ?? []),
      })),
      packageHash: spec.package_hash ?? null,
      external: spec.external !== undefined && spec.external !== null && spec.external !== false,
      buildSpec: spec.build_spec?.hash ?? null,
      inBuildcache: parsed.data.in_buildcache ?? true,
    },
  };
}

/**
 * Two entries with one hash must describe the same build; where it sits in a cache may differ, and so may
 * how the compiler is written (a `compiler` field in v7, `annotations.compiler` once converted to v8).
 */
export function sameBuild(a: IndexNode, b: IndexNode): boolean {
  const canonical = (n: IndexNode) =>
    JSON.stringify({
      ...n,
      inBuildcache: true,
      compiler: n.compiler ?? n.annotatedCompiler,
      annotatedCompiler: null,
    });
  return canonical(a) === canonical(b);
}
