import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from './page';

export interface PageFile {
  /** Path as shown in messages: relative to the --pages directory, starting with `_cache/`. */
  display: string;
  absolute: string;
  tag: string;
  dirName: string;
}

// Synchronous for the reason pages are read so (scripts/lib/run-build.ts): a million specs are about
// 117,000 package folders, and each listing awaited through the thread pool cost far more than the call.
function entries(dir: string) {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * Find `_cache/<tag>/<package>/specs.md` pages. Anything else under `_cache` that looks like a page
 * (notably the older `_cache/<package>/index.md` form) is a layout problem, never silently skipped.
 */
export async function discoverPages(root: string): Promise<{ pages: PageFile[]; problems: Problem[] }> {
  const cacheDir = path.join(root, '_cache');
  const pages: PageFile[] = [];
  const problems: Problem[] = [];
  let tagDirs;
  try {
    tagDirs = entries(cacheDir);
  } catch {
    return {
      pages,
      problems: [{ file: cacheDir, field: '', message: 'no _cache directory of cache.spack.io pages here' }],
    };
  }
  for (const tagDir of tagDirs) {
    const tagPath = path.join(cacheDir, tagDir.name);
    if (!tagDir.isDirectory()) {
      problems.push({
        file: `_cache/${tagDir.name}`,
        field: '',
        message: 'unknown layout: expected a tag directory',
      });
      continue;
    }
    for (const pkgDir of entries(tagPath)) {
      const rel = `_cache/${tagDir.name}/${pkgDir.name}`;
      if (!pkgDir.isDirectory()) {
        const hint =
          pkgDir.name === 'index.md'
            ? 'unknown layout: this is the older _cache/<package>/index.md form; expected _cache/<tag>/<package>/specs.md'
            : 'unknown layout: expected a package directory holding specs.md';
        problems.push({ file: rel, field: '', message: hint });
        continue;
      }
      const files = entries(path.join(tagPath, pkgDir.name));
      const names = files.map((f) => f.name);
      if (!names.includes('specs.md')) {
        problems.push({
          file: rel,
          field: '',
          message: `unknown layout: no specs.md (found ${names.join(', ') || 'nothing'}); expected _cache/<tag>/<package>/specs.md`,
        });
        continue;
      }
      pages.push({
        display: `${rel}/specs.md`,
        absolute: path.join(tagPath, pkgDir.name, 'specs.md'),
        tag: tagDir.name,
        dirName: pkgDir.name,
      });
    }
  }
  if (pages.length === 0 && problems.length === 0) {
    problems.push({ file: '_cache', field: '', message: 'no package pages found' });
  }
  return { pages, problems };
}
