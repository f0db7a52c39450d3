import type { z } from 'zod';
import {
  HASH_LENGTH,
  HASH_POOL_FORMAT,
  MANIFEST_FORMAT,
  SCHEMA_VERSION,
  SHARD_FORMAT,
  envelopeSchema,
  hashPoolChunkSchema,
  manifestSchema,
  shardSchema,
  type HashPoolChunk,
  type Manifest,
  type PoolChunkRef,
  type Shard,
} from './schema';

/** A data file that cannot be used; the message names the file and the field. */
export class DataFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFormatError';
  }
}

function describeIssues(source: string, error: z.ZodError): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.') || '(top level)';
    return `${source}: ${path}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? [`…and ${error.issues.length - 5} more problems`] : [];
  return [...lines, ...more].join('\n');
}

function checkEnvelope(json: unknown, source: string, format: string): void {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new DataFormatError(`${source}: not a ${format} file (no "format" and "schemaVersion" fields)`);
  }
  const { format: got, schemaVersion } = envelope.data;
  if (got !== format) {
    throw new DataFormatError(`${source}: format: expected "${format}", found "${got}"`);
  }
  if (schemaVersion > SCHEMA_VERSION) {
    throw new DataFormatError(
      `${source}: schemaVersion: the data is version ${schemaVersion}, newer than this app reads (${SCHEMA_VERSION}); ` +
        'update the app or rebuild the data with this version of the builder',
    );
  }
  if (Number.isInteger(schemaVersion) && schemaVersion >= 1 && schemaVersion < SCHEMA_VERSION) {
    throw new DataFormatError(
      `${source}: schemaVersion ${schemaVersion} is an older format than this app reads (version ${SCHEMA_VERSION}); ` +
        'rebuild the data with npm run data:build',
    );
  }
  if (schemaVersion !== SCHEMA_VERSION) {
    throw new DataFormatError(
      `${source}: schemaVersion: unknown version ${schemaVersion}; this app reads version ${SCHEMA_VERSION}`,
    );
  }
}

/** The pool chunks must tile `0 … count - 1` in order, so that any prefix is a run of whole chunks. */
function checkHashPool(source: string, manifest: Manifest): void {
  const { count, chunks } = manifest.hashPool;
  let next = 0;
  chunks.forEach((chunk, i) => {
    if (chunk.start !== next) {
      throw new DataFormatError(
        `${source}: hashPool.chunks.${i}.start: ${chunk.start}, expected ${next} (chunks follow each other)`,
      );
    }
    next += chunk.count;
  });
  if (next !== count)
    throw new DataFormatError(`${source}: hashPool.count: ${count}, the chunks hold ${next} hashes`);
  manifest.tags.forEach((tag, i) => {
    if (tag.hashPoolPrefix > count) {
      throw new DataFormatError(
        `${source}: tags.${i}.hashPoolPrefix: ${tag.hashPoolPrefix}, past the pool's ${count} hashes`,
      );
    }
  });
}

export function parseManifest(json: unknown, source: string): Manifest {
  checkEnvelope(json, source, MANIFEST_FORMAT);
  const result = manifestSchema.safeParse(json);
  if (!result.success) throw new DataFormatError(describeIssues(source, result.error));
  const seen = new Set<string>();
  for (const tag of result.data.tags) {
    if (seen.has(tag.name)) throw new DataFormatError(`${source}: tags: tag "${tag.name}" is listed twice`);
    seen.add(tag.name);
  }
  checkHashPool(source, result.data);
  return result.data;
}

/** Parse one hash-pool chunk file and check it holds the entries its manifest reference says. */
export function parsePoolChunk(json: unknown, source: string, ref: PoolChunkRef): HashPoolChunk {
  checkEnvelope(json, source, HASH_POOL_FORMAT);
  const result = hashPoolChunkSchema.safeParse(json);
  if (!result.success) throw new DataFormatError(describeIssues(source, result.error));
  const chunk = result.data;
  if (chunk.start !== ref.start || chunk.count !== ref.count) {
    throw new DataFormatError(
      `${source}: start, count: entries ${chunk.start} + ${chunk.count}, the manifest says ${ref.start} + ${ref.count}`,
    );
  }
  if (chunk.hashes.length !== chunk.count * HASH_LENGTH) {
    throw new DataFormatError(
      `${source}: hashes: ${chunk.hashes.length} characters, expected ${chunk.count} hashes of ${HASH_LENGTH}`,
    );
  }
  return chunk;
}

export function parseShard(json: unknown, source: string): Shard {
  checkEnvelope(json, source, SHARD_FORMAT);
  const result = shardSchema.safeParse(json);
  if (!result.success) throw new DataFormatError(describeIssues(source, result.error));
  return result.data;
}
