import { z } from 'zod';

/**
 * The one data contract between the builder CLI and the app: a manifest (`index.json`), per-tag
 * columnar, dictionary-encoded shards, and the dataset-wide hash pool the shards refer into.
 * docs/data-format.md describes it in prose; tests keep the two in step.
 */
export const SCHEMA_VERSION = 2;
export const MANIFEST_FORMAT = 'spack-cache-explorer/manifest';
export const SHARD_FORMAT = 'spack-cache-explorer/shard';
export const HASH_POOL_FORMAT = 'spack-cache-explorer/hash-pool';

export const HASH_LENGTH = 32;
export const HASH_PATTERN = /^[a-z2-7]{32}$/;
const HASH_COLUMN_PATTERN = /^[a-z2-7]*$/;

/**
 * Every integer column is one string in the variable-length text encoding of int-codec.ts (JSON.parse
 * of number arrays was most of the load time). The schema only asks for a string: decoding checks every
 * character in the same pass that fills the typed array, which is faster than a regex over 40 MB first,
 * and its errors name the value and character position.
 */
const intColumn = z.string();
const nonNegInt = z.number().int().nonnegative();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex characters');

/** A list-valued column: row i owns `lengths[i]` consecutive entries of `values` (both encoded). */
export const listColumnSchema = z.strictObject({ lengths: intColumn, values: intColumn });

/** A column present on few rows (e.g. `tarball`), or a source field this contract does not know yet. */
export const sparseColumnSchema = z.strictObject({ rows: intColumn, values: z.array(z.unknown()) });

export const DICT_NAMES = [
  'package',
  'version',
  'compiler',
  'os',
  'platform',
  'target',
  'stack',
  'variant',
  'sizeText',
] as const;
export type DictName = (typeof DICT_NAMES)[number];

export const shardSchema = z.strictObject({
  format: z.literal(SHARD_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  tag: z.string().min(1),
  part: nonNegInt,
  count: nonNegInt,
  dicts: z.strictObject({
    package: z.array(z.string()),
    version: z.array(z.string()),
    compiler: z.array(z.string()),
    os: z.array(z.string()),
    platform: z.array(z.string()),
    target: z.array(z.string()),
    stack: z.array(z.string()),
    variant: z.array(z.string()),
    sizeText: z.array(z.string()),
  }),
  columns: z.strictObject({
    hashRef: intColumn,
    package: intColumn,
    compiler: intColumn,
    os: intColumn,
    platform: intColumn,
    target: intColumn,
    versions: listColumnSchema,
    stacks: listColumnSchema,
    variants: listColumnSchema,
    size: intColumn,
  }),
  sparse: z.record(z.string(), sparseColumnSchema),
});
export type Shard = z.infer<typeof shardSchema>;
export type ListColumnJson = z.infer<typeof listColumnSchema>;
export type SparseColumnJson = z.infer<typeof sparseColumnSchema>;

/** What every file the manifest lists has: where it is, and its size and SHA-256 to check it by. */
const fileRefFields = { path: z.string().min(1), bytes: nonNegInt, sha256: sha256Hex };

export const shardRefSchema = z.strictObject({ ...fileRefFields, specCount: nonNegInt });
export type ShardRef = z.infer<typeof shardRefSchema>;

/** One file of the hash pool: pool entries `start … start + count - 1`. */
export const hashPoolChunkSchema = z.strictObject({
  format: z.literal(HASH_POOL_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  start: nonNegInt,
  count: nonNegInt,
  hashes: z.string().regex(HASH_COLUMN_PATTERN, 'expected lowercase base32 characters (a-z, 2-7)'),
});
export type HashPoolChunk = z.infer<typeof hashPoolChunkSchema>;

export const poolChunkRefSchema = z.strictObject({ ...fileRefFields, start: nonNegInt, count: nonNegInt });
export type PoolChunkRef = z.infer<typeof poolChunkRefSchema>;

/** Every distinct hash of the dataset once, newest tag first, split into chunk files. */
export const hashPoolSchema = z.strictObject({
  count: nonNegInt,
  chunks: z.array(poolChunkRefSchema),
});
export type HashPoolRef = z.infer<typeof hashPoolSchema>;

export const tagEntrySchema = z.strictObject({
  name: z.string().min(1),
  specCount: nonNegInt,
  packageCount: nonNegInt,
  stacks: z.array(z.strictObject({ name: z.string().min(1), specCount: nonNegInt })),
  hashPoolPrefix: nonNegInt,
  shards: z.array(shardRefSchema).min(1),
});
export type TagEntry = z.infer<typeof tagEntrySchema>;

export const sourceSchema = z.strictObject({
  kind: z.string().min(1),
  location: z.string(),
  files: nonNegInt,
});

export const manifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  generator: z.string().min(1),
  sources: z.array(sourceSchema),
  hashPool: hashPoolSchema,
  tags: z.array(tagEntrySchema),
  notes: z.array(z.string()),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Read only the envelope first, so that a newer format gets a clear message instead of a schema dump. */
export const envelopeSchema = z.looseObject({ format: z.string(), schemaVersion: z.number() });
