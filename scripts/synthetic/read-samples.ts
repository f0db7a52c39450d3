import { readFile } from 'node:fs/promises';
import { discoverPages } from '../lib/discover';
import { formatProblem, parsePage } from '../lib/page';
import type { SamplePage } from './profile';

export const DEFAULT_SAMPLES = 'data/samples/cache-spack-io';

/** Read the real pages the generator calibrates on, with the builder's own parser; any problem is fatal. */
export async function readSamples(root: string): Promise<SamplePage[]> {
  const found = await discoverPages(root);
  const problems = [...found.problems];
  const pages: SamplePage[] = [];
  for (const file of found.pages) {
    const result = parsePage(file.display, await readFile(file.absolute, 'utf8'), file.tag, file.dirName);
    if (result.ok) pages.push({ tag: file.tag, package: result.page.package, specs: result.page.specs });
    else problems.push(...result.problems);
  }
  if (problems.length > 0) {
    throw new Error(`sample pages in ${root} have problems:\n${problems.map(formatProblem).join('\n')}`);
  }
  return pages;
}
