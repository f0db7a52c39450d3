const DEVELOP_SNAPSHOT = /^develop-(\d{4})-(\d{2})-(\d{2})$/;
const RELEASE = /^v(\d+(?:\.\d+)*)$/;

type TagKey = [group: number, ...rank: number[]];

function tagKey(tag: string): TagKey {
  if (tag === 'develop') return [0];
  const snap = DEVELOP_SNAPSHOT.exec(tag);
  if (snap) return [1, -Number(snap[1]), -Number(snap[2]), -Number(snap[3])];
  const release = RELEASE.exec(tag);
  if (release) return [2, ...(release[1] ?? '').split('.').map((n) => -Number(n))];
  return [3];
}

/**
 * Newest first: the rolling `develop`, then dated develop snapshots, then releases by version, then any
 * other tag by name. Tags we have never seen still sort, they just go last.
 */
export function compareTags(a: string, b: string): number {
  const ka = tagKey(a);
  const kb = tagKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export type TagResolution = { tag: string; note: string | null } | null;

/**
 * Find a requested tag among the dataset's. cache.spack.io links say `release=develop` for the rolling
 * develop build cache; a dataset of dated snapshots answers with the newest `develop-YYYY-MM-DD`.
 */
export function resolveTag(requested: string, known: readonly string[]): TagResolution {
  if (known.includes(requested)) return { tag: requested, note: null };
  if (requested === 'develop') {
    const newest = known.filter((t) => DEVELOP_SNAPSHOT.test(t)).sort(compareTags)[0];
    if (newest)
      return { tag: newest, note: `No rolling "develop" tag here; showing the newest snapshot, ${newest}.` };
  }
  return null;
}
