import { z } from 'zod';
import { HASH_PATTERN } from '../../../src/data/schema';
import type { Problem } from '../page';
import { splitParameters } from './variants';

/**
 * Database versions whose `installs` shape this reader knows (Spack 0.17 … 1.3). Version 9 (Spack 1.3)
 * stores spec file v6 nodes, which are v5 nodes plus `provided_virtuals`: spack/spack
 * lib/spack/docs/file_formats/database.rst (commit 7b4c0a56e333103e580e679bcf13738c3c433926) and
 * file_formats/specfile.rst (commit b59f60a458ad07cb6b405820b9839cb39aead12b), spack/spack#53012.
 */
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
  /**
   * Virtuals the node provides, possibly with a version (`mpi@:3`, `libgfortran@5`): spec file v6
   * (database v9) writes them on concrete nodes that provide any; empty for older data.
   */
  providedVirtuals: string[];
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
  provided_virtuals: z.array(nonEmpty).optional(),
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
export function normaliseInstall(file: string, key: string, entry: unknown): NodeResult {
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
      name: spec.name,
      version: String(spec.version),
      platform: spec.arch.platform,
      os: spec.arch.platform_os,
      target: typeof target === 'string' ? target : target.name,
      compiler: spec.compiler ? `${spec.compiler.name}@${spec.compiler.version}` : null,
      annotatedCompiler: annotated ? normaliseCompiler(annotated) : null,
      variants: split.variants,
      flags: split.flags,
      dependencies: (spec.dependencies ?? []).map((d) => ({
        name: d.name,
        hash: d.hash,
        deptypes: d.parameters?.deptypes ?? d.type ?? [],
        virtuals: d.parameters?.virtuals ?? [],
      })),
      packageHash: spec.package_hash ?? null,
      external: spec.external !== undefined && spec.external !== null && spec.external !== false,
      buildSpec: spec.build_spec?.hash ?? null,
      providedVirtuals: spec.provided_virtuals ?? [],
      inBuildcache: parsed.data.in_buildcache ?? true,
    },
  };
}
