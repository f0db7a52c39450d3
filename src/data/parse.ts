import type { z } from 'zod';
import {
  MANIFEST_FORMAT,
  SCHEMA_VERSION,
  SHARD_FORMAT,
  envelopeSchema,
  manifestSchema,
  shardSchema,
  type Manifest,
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
  if (schemaVersion !== SCHEMA_VERSION) {
    throw new DataFormatError(
      `${source}: schemaVersion: unknown version ${schemaVersion}; this app reads version ${SCHEMA_VERSION}`,
    );
  }
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
  return result.data;
}

export function parseShard(json: unknown, source: string): Shard {
  checkEnvelope(json, source, SHARD_FORMAT);
  const result = shardSchema.safeParse(json);
  if (!result.success) throw new DataFormatError(describeIssues(source, result.error));
  return result.data;
}
