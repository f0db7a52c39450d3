import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Write a whole output folder or nothing: files go to a sibling temporary folder that replaces the
 * target only once every file is written, so a failed build never leaves a half-written data folder.
 */
export async function writeFolderAtomically(
  outDir: string,
  files: ReadonlyArray<{ path: string; text: string }>,
) {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = path.join(parent, `.${path.basename(target)}.tmp-${stamp}`);
  const old = path.join(parent, `.${path.basename(target)}.old-${stamp}`);
  await mkdir(parent, { recursive: true });
  try {
    for (const file of files) {
      const dest = path.join(temp, file.path);
      await mkdir(path.dirname(dest), { recursive: true });
      await writeFile(dest, file.text);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  let hadOld = false;
  try {
    await rename(target, old);
    hadOld = true;
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    await rename(temp, target);
  } catch (error) {
    if (hadOld) await rename(old, target);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
