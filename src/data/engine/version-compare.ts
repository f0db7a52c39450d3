/**
 * String orders for dictionary values: Spack's version order for versions, natural (digit runs compared
 * as numbers) for everything else. Natural order compares token lists, so a dictionary is tokenised once
 * and ranked without re-splitting strings on every comparison.
 */
import { compareVersions } from '../query/version-range';

export type StringOrder = 'version' | 'natural';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

// Leading zeros are dropped so that numeric tokens compare by length first, then by text: no
// parseInt, so 20-digit build stamps still order correctly.
function pushToken(out: string[], s: string, start: number, end: number): void {
  if (end <= start) return;
  if (!isDigit(s.charCodeAt(start))) {
    out.push(s.slice(start, end));
    return;
  }
  let i = start;
  while (i < end - 1 && s.charCodeAt(i) === 48) i++;
  out.push(s.slice(i, end));
}

/** Natural tokens: maximal runs of digits and of non-digits; nothing is dropped ("gcc@11.4" → gcc@, 11, ., 4). */
export function naturalTokens(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i < s.length; i++) {
    if (isDigit(s.charCodeAt(i)) !== isDigit(s.charCodeAt(i - 1))) {
      pushToken(out, s, start, i);
      start = i;
    }
  }
  pushToken(out, s, start, s.length);
  return out;
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lexicographic order of token lists; a list that is a prefix of another sorts first. `numericFirst`
 * decides mixed pairs: natural order puts digits first (as ASCII does), versions put numbers last.
 */
function compareTokens(a: readonly string[], b: readonly string[], numericFirst: boolean): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    const xNum = isDigit(x.charCodeAt(0));
    if (xNum !== isDigit(y.charCodeAt(0))) return xNum === numericFirst ? -1 : 1;
    if (xNum && x.length !== y.length) return sign(x.length - y.length);
    if (x !== y) return compareCodeUnits(x, y);
  }
  return sign(a.length - b.length);
}

/**
 * Version order is Spack's, shared with the spec-query matcher so that sorting and `@a:b` ranges agree:
 * 1.10 > 1.9, 1.2.1 > 1.2, and `develop`/`main`/`master` newer than any number.
 */
export { compareVersions };

/** Natural order: digit runs compare as numbers (gcc@9 < gcc@11), other runs by code unit. 0 for "a01" vs "a1". */
export function compareNatural(a: string, b: string): number {
  return compareTokens(naturalTokens(a), naturalTokens(b), true);
}

/** The total order used everywhere values are ranked: the chosen order, then code units to break ties. */
export function compareStrings(a: string, b: string, order: StringOrder): number {
  const c = order === 'version' ? compareVersions(a, b) : compareNatural(a, b);
  return c !== 0 ? c : compareCodeUnits(a, b);
}

/**
 * Dense rank of each string under `compareStrings`: identical strings share a rank, any other two differ.
 * Tokenises each value once, so ranking a dictionary costs one sort of pre-split tokens.
 */
export function rankStrings(values: readonly string[], order: StringOrder): Uint32Array {
  const idx = Array.from(values, (_, i) => i);
  const tokens = order === 'natural' ? values.map(naturalTokens) : [];
  idx.sort((i, j) => {
    const c =
      order === 'version'
        ? compareVersions(values[i] ?? '', values[j] ?? '')
        : compareTokens(tokens[i] ?? [], tokens[j] ?? [], true);
    return c !== 0 ? c : compareCodeUnits(values[i] ?? '', values[j] ?? '');
  });
  const ranks = new Uint32Array(values.length);
  let rank = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k] ?? 0;
    if (k > 0 && values[i] !== values[idx[k - 1] ?? 0]) rank++;
    ranks[i] = rank;
  }
  return ranks;
}
