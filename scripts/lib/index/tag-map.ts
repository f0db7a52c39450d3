import { z } from 'zod';
import { toUrl } from './fetch';

/** One index to read, and where its specs go: a tag, and a stack within it. */
export interface IndexInput {
  location: string;
  tag: string;
  stack: string;
}

export const ROOT_STACK = 'root';

/** The binaries.spack.io release map: `{"<tag>": [{"label": "<stack>", "url": "<index or mirror>"}]}`. */
const tagMapSchema = z.record(
  z.string().min(1),
  z.array(z.looseObject({ label: z.string().min(1), url: z.string().min(1) })),
);

/**
 * Expand a tag map into index inputs. URLs may be https, `s3://spack-binaries/…` (served at
 * binaries.spack.io), `file://`, or paths relative to the map's own location.
 */
export function parseTagMap(text: string, mapLocation: string): IndexInput[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const parsed = tagMapSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'} (expected {"<tag>": [{"label", "url"}]})`,
    );
  }
  return Object.entries(parsed.data).flatMap(([tag, stacks]) =>
    stacks.map((s) => ({ tag, stack: s.label, location: toUrl(s.url, mapLocation).href })),
  );
}
