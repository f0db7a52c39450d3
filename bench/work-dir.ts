import { access, constants, mkdtemp, statfs } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** At most what the bench writes (pages, built data, DataTables rows) per spec of its largest size. */
const BYTES_PER_SPEC = 2048;
const SPARE = 256 * 2 ** 20;
/** Memory left for Chromium and the Node processes when the work folder lives in RAM. */
const MEMORY_HEADROOM = 4 * 2 ** 30;
const SHM = '/dev/shm';

async function shmRoom(): Promise<number> {
  try {
    await access(SHM, constants.W_OK);
    const fs = await statfs(SHM);
    return fs.bavail * fs.bsize;
  } catch {
    return 0;
  }
}

/**
 * The bench's temp folder. A million specs are about 117,000 page files; deleting them from a disk
 * mounted with `discard` (as here) took a minute, a tenth of the bench's time budget, while the same
 * files in tmpfs go in seconds. So the folder goes to /dev/shm when it exists and both it and free
 * memory have room; otherwise to the OS temp folder. `requested` (`--work-dir`) overrides the choice.
 */
export async function makeWorkDir(
  largestSize: number,
  requested: string | null,
): Promise<{ dir: string; why: string }> {
  if (requested !== null) {
    try {
      return { dir: await mkdtemp(path.join(requested, 'spack-bench-')), why: '--work-dir' };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`--work-dir ${requested}: cannot make a temp folder there (${reason})`, {
        cause: error,
      });
    }
  }
  const need = largestSize * BYTES_PER_SPEC + SPARE;
  const room = await shmRoom();
  if (room >= need && os.freemem() >= need + MEMORY_HEADROOM) {
    return { dir: await mkdtemp(path.join(SHM, 'spack-bench-')), why: 'tmpfs, fast to clean up' };
  }
  const gb = (n: number) => (n / 2 ** 30).toFixed(1);
  const why =
    room === 0
      ? `${SHM} is missing, full or not writable here`
      : `${SHM} has ${gb(room)} GB, ${gb(os.freemem())} GB of memory free, ${gb(need)} GB wanted`;
  return { dir: await mkdtemp(path.join(os.tmpdir(), 'spack-bench-')), why };
}
