/**
 * Spack-like version ordering and version constraints.
 *
 * A version is split into segments: runs of digits and runs of ASCII letters; every other character
 * (`.`, `-`, `_`, …) only separates. Segments compare pairwise: numbers numerically (so 1.10 > 1.9),
 * a number beats a word (1.2.1 > 1.2.a), and the "infinity" words below beat everything, `develop`
 * most of all, as in Spack. When one version runs out of segments first it is the older (1.2 < 1.2.0).
 * Spack's alpha/beta/rc pre-release ordering is not modelled: `rc` is an ordinary word.
 */

/** One alternative of a version constraint, as typed after `@`. Plain data, JSON-able. */
export type VersionRange =
  /** `@=1.2.3`: exactly this version (segment-wise, so `1.2-3` is `1.2.3`). */
  | { kind: 'exact'; version: string }
  /** `@1.14`: 1.14 and every 1.14.x, i.e. a prefix on segment boundaries. */
  | { kind: 'prefix'; version: string }
  /** `@1.2:1.4`, `@1.2:`, `@:1.4`, `@:`: inclusive; the upper bound also admits its own 1.4.x. */
  | { kind: 'range'; low: string | null; high: string | null };

/** A union of alternatives, `@1.2,1.4:` (never empty when produced by the parser). */
export type VersionConstraint = VersionRange[];

// Ascending: develop is the newest of all.
const INFINITY_WORDS = ['stable', 'trunk', 'head', 'master', 'main', 'develop'];

const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function skipSeparators(s: string, i: number): number {
  while (i < s.length && !isDigit(s.charCodeAt(i)) && !isLetter(s.charCodeAt(i))) i++;
  return i;
}

function segmentEnd(s: string, i: number): number {
  const digits = isDigit(s.charCodeAt(i));
  let j = i + 1;
  while (j < s.length && (digits ? isDigit(s.charCodeAt(j)) : isLetter(s.charCodeAt(j)))) j++;
  return j;
}

function compareNumbers(a: string, b: string): number {
  // Compare digit strings without Number(), which would round segments past 2^53.
  const x = a.replace(/^0+(?=.)/, '');
  const y = b.replace(/^0+(?=.)/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareSegments(a: string, b: string): number {
  const aNum = isDigit(a.charCodeAt(0));
  const bNum = isDigit(b.charCodeAt(0));
  if (aNum && bNum) return compareNumbers(a, b);
  const aInf = aNum ? -1 : INFINITY_WORDS.indexOf(a);
  const bInf = bNum ? -1 : INFINITY_WORDS.indexOf(b);
  if (aInf !== bInf) return aInf < bInf ? -1 : 1;
  if (aInf >= 0) return 0;
  if (aNum !== bNum) return aNum ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Walk both versions segment by segment. Returns the usual sign, or `'prefix'` when `prefix` ran out
 * first with every segment equal (so `version` is `prefix` or one of its `prefix.x`).
 */
function walk(version: string, prefix: string): number | 'prefix' {
  let i = 0;
  let j = 0;
  for (;;) {
    i = skipSeparators(version, i);
    j = skipSeparators(prefix, j);
    const vDone = i >= version.length;
    const pDone = j >= prefix.length;
    if (pDone) return vDone ? 0 : 'prefix';
    if (vDone) return -1;
    const vEnd = segmentEnd(version, i);
    const pEnd = segmentEnd(prefix, j);
    const c = compareSegments(version.slice(i, vEnd), prefix.slice(j, pEnd));
    if (c !== 0) return c;
    i = vEnd;
    j = pEnd;
  }
}

/** Segment-wise order only: versions differing just in separators or leading zeros compare equal. */
function compareSegmentwise(a: string, b: string): number {
  const c = walk(a, b);
  return c === 'prefix' ? 1 : c;
}

/**
 * Total order on version strings: Spack's order, then plain string order to break ties between
 * spellings of the same version (`1.2-3` / `1.2.3`), so sorting is deterministic.
 */
export function compareVersions(a: string, b: string): number {
  const c = compareSegmentwise(a, b);
  if (c !== 0) return c;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `version` is `prefix` or `prefix.x…` on segment boundaries (1.14.2 has prefix 1.14, 1.140 does not). */
export function versionHasPrefix(version: string, prefix: string): boolean {
  const c = walk(version, prefix);
  return c === 0 || c === 'prefix';
}

/** A range `low:high` admits nothing when low is past high and is not one of high's `high.x`. */
export function isEmptyRange(low: string, high: string): boolean {
  return compareSegmentwise(low, high) > 0 && !versionHasPrefix(low, high);
}

export function satisfiesRange(version: string, range: VersionRange): boolean {
  switch (range.kind) {
    case 'exact':
      return walk(version, range.version) === 0;
    case 'prefix':
      return versionHasPrefix(version, range.version);
    case 'range':
      if (range.low !== null && compareSegmentwise(version, range.low) < 0) return false;
      if (range.high === null) return true;
      return compareSegmentwise(version, range.high) <= 0 || versionHasPrefix(version, range.high);
  }
}

/** A constraint is a union: one satisfied alternative is enough. */
export function satisfiesConstraint(version: string, constraint: VersionConstraint): boolean {
  return constraint.some((range) => satisfiesRange(version, range));
}

export function isVersion(text: string): boolean {
  return VERSION_PATTERN.test(text);
}

export type VersionListResult =
  { ok: true; constraint: VersionConstraint } | { ok: false; message: string; start: number; end: number };

type Piece = { ok: true; range: VersionRange } | { ok: false; message: string; start: number; end: number };

function parsePiece(piece: string, at: number): Piece {
  const bad = (message: string): Piece => ({ ok: false, message, start: at, end: at + piece.length });
  if (piece.startsWith('=')) {
    const version = piece.slice(1);
    if (version === '') return bad("expected a version after '='");
    return isVersion(version)
      ? { ok: true, range: { kind: 'exact', version } }
      : bad(`invalid version '${version}'`);
  }
  const colon = piece.indexOf(':');
  if (colon < 0) {
    return isVersion(piece)
      ? { ok: true, range: { kind: 'prefix', version: piece } }
      : bad(`invalid version '${piece}'`);
  }
  if (piece.indexOf(':', colon + 1) >= 0) return bad("a version range has a single ':'");
  const lowText = piece.slice(0, colon);
  const highText = piece.slice(colon + 1);
  for (const bound of [lowText, highText]) {
    if (bound !== '' && !isVersion(bound)) return bad(`invalid version '${bound}'`);
  }
  if (lowText !== '' && highText !== '' && isEmptyRange(lowText, highText)) {
    return bad(`empty version range: ${lowText} is newer than ${highText}`);
  }
  const low = lowText === '' ? null : lowText;
  const high = highText === '' ? null : highText;
  return { ok: true, range: { kind: 'range', low, high } };
}

/**
 * Parse the text after `@` (`1.2:1.4,=2.0,3`). Error positions are offsets into `text`; an empty
 * alternative is reported at its comma.
 */
export function parseVersionList(text: string): VersionListResult {
  if (text === '') return { ok: false, message: "expected a version after '@'", start: 0, end: 0 };
  const constraint: VersionConstraint = [];
  let at = 0;
  for (const piece of text.split(',')) {
    if (piece === '') {
      const comma = text[at] === ',' ? at : at - 1;
      return { ok: false, message: 'empty version in a version list', start: comma, end: comma + 1 };
    }
    const parsed = parsePiece(piece, at);
    if (!parsed.ok) return parsed;
    constraint.push(parsed.range);
    at += piece.length + 1;
  }
  return { ok: true, constraint };
}

/** Canonical text for a constraint, without the leading `@`. */
export function formatVersionList(constraint: VersionConstraint): string {
  return constraint
    .map((range) => {
      switch (range.kind) {
        case 'exact':
          return `=${range.version}`;
        case 'prefix':
          return range.version;
        case 'range':
          return `${range.low ?? ''}:${range.high ?? ''}`;
      }
    })
    .join(',');
}
