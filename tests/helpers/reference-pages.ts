import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const SAMPLE_PAGES = path.resolve('data/samples/cache-spack-io');

export interface RefSpec {
  [key: string]: unknown;
  hash: string;
}
export interface RefPage {
  pkg: string;
  meta: Record<string, unknown>;
  specs: RefSpec[];
}

/**
 * An independent reading of the embedded real pages (their meta and spec_details are one JSON line
 * each), to check the builder and the app against without going through their code.
 */
export async function referencePages(root = SAMPLE_PAGES): Promise<Map<string, RefPage[]>> {
  const out = new Map<string, RefPage[]>();
  for (const tag of (await readdir(path.join(root, '_cache'))).sort()) {
    const pages: RefPage[] = [];
    for (const pkg of (await readdir(path.join(root, '_cache', tag))).sort()) {
      const text = await readFile(path.join(root, '_cache', tag, pkg, 'specs.md'), 'utf8');
      const line = (key: string) =>
        text
          .split('\n')
          .find((l) => l.startsWith(`${key}: `))
          ?.slice(key.length + 2) ?? 'null';
      pages.push({
        pkg,
        meta: JSON.parse(line('meta')),
        specs: JSON.parse(line('spec_details')) as RefSpec[],
      });
    }
    out.set(tag, pages);
  }
  return out;
}
