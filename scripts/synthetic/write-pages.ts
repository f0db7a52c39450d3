import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GenerateOptions, SyntheticTag } from './generate';
import { renderPage } from './render-page';

/** Written beside `_cache/`: says what made the folder, and marks it as safe to replace. */
export const MARKER = 'synthetic.json';

export interface WriteSummary {
  tags: number;
  pages: number;
  specs: number;
  bytes: number;
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return true;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Write the tags as `<out>/_cache/<tag>/<package>/specs.md`. `out` must be empty, missing, or a folder
 * this generator wrote before (it has the marker): a real folder of pages is never overwritten.
 */
export async function writePages(
  out: string,
  tags: Iterable<SyntheticTag>,
  options: GenerateOptions,
): Promise<WriteSummary> {
  if (!(await isEmptyOrMissing(out))) {
    if (!(await exists(path.join(out, MARKER)))) {
      throw new Error(`${out} is not empty and was not written by this generator; choose another --out`);
    }
    await rm(out, { recursive: true, force: true });
  }
  await mkdir(path.join(out, '_cache'), { recursive: true });
  const summary: WriteSummary = { tags: 0, pages: 0, specs: 0, bytes: 0 };
  for (const tag of tags) {
    summary.tags++;
    // Synchronous on purpose, as the builder reads them (scripts/lib/run-build.ts): a million specs are
    // about 117,000 small files, and the promise API's overhead per file outweighed the write itself.
    for (const page of tag.pages) {
      const dir = path.join(out, '_cache', tag.name, page.package);
      const text = renderPage(tag.name, page.package, page.specs);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'specs.md'), text);
      summary.pages++;
      summary.specs += page.specs.length;
      summary.bytes += Buffer.byteLength(text);
    }
  }
  await writeFile(
    path.join(out, MARKER),
    `${JSON.stringify({ generator: 'data:synthetic', ...options }, null, 1)}\n`,
  );
  return summary;
}
