import type { Manifest } from '../../../src/data/schema';
import type { SpecRecord } from '../../../src/data/spec-table';
import type { ParsedPage, Problem } from '../page';
import { fetchBytes, toUrl, type FetchOptions } from './fetch';
import { locateIndex } from './mirror';
import { KNOWN_DB_VERSIONS, normaliseInstall } from './node';
import { emptyTally, NodeStore, type SourceTally } from './store';
import { openIndexFile, streamDatabase } from './stream-db';
import { parseTagMap, ROOT_STACK, type IndexInput } from './tag-map';

export interface IngestOptions {
  inputs: IndexInput[];
  /** Tag maps (files or URLs) expanded into more inputs. */
  tagMaps: string[];
  fetch: FetchOptions;
}

export interface IngestResult {
  /** One pseudo-page per tag and package, the unit `buildTags` groups and checks. */
  pages: ParsedPage[];
  errors: Problem[];
  warnings: Problem[];
  sources: Manifest['sources'];
  tallies: SourceTally[];
  lines: string[];
}

const LISTED = 20;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Read one index into the store. Entries are staged as they stream and committed once the whole index
 * proved readable; whole-index failures roll them back and reject every entry it had.
 */
async function loadIndex(href: string, store: NodeStore, options: FetchOptions, errors: Problem[]) {
  const tally = emptyTally(href);
  const mark = store.mark();
  // The records' own problems, held until the index as a whole is known to be readable (see below).
  const recordProblems: Problem[] = [];
  // One by one: an index of a million rejected records would overflow a spread's argument list.
  const keepRecordProblems = () => {
    for (const problem of recordProblems) errors.push(problem);
  };
  const fail = (field: string, text: string) => {
    store.rollback(mark);
    keepRecordProblems();
    errors.push({ file: href, field, message: text });
    tally.rejected = tally.read;
    tally.written = [];
    tally.excluded = [];
    return { tally, layout: 'unreadable' };
  };
  let located;
  try {
    located = await locateIndex(new URL(href), options);
  } catch (error) {
    return fail('', message(error));
  }
  const started = performance.now();
  let bytes = 0;
  try {
    const input = await openIndexFile(located.file, (n) => {
      bytes += n;
      options.progress?.({ label: href, bytes, total: located.bytes, specs: tally.read });
    });
    const db = await streamDatabase(input, (key, value) => {
      tally.read++;
      const result = normaliseInstall(href, key, value);
      if (result.ok) store.stage(result.node, href);
      else {
        tally.rejected++;
        recordProblems.push(...result.problems);
      }
    });
    if (!db.hasDatabase) return fail('database', 'missing: not a Spack build-cache index');
    if (db.version === null) return fail('database.version', 'missing');
    if (!KNOWN_DB_VERSIONS.has(db.version)) {
      // Its records have another shape (v5 keys each spec by its name), so their own problems would only
      // bury the one that matters: the version is named once, with the count of records it leaves unread.
      recordProblems.length = 0;
      const unread = tally.read > 0 ? `; its ${tally.read} record(s) were not read` : '';
      return fail(
        'database.version',
        `unknown database version "${db.version}" (this reader knows 6 to 9)${unread}`,
      );
    }
    if (!db.hasInstalls) return fail('database.installs', 'missing');
    keepRecordProblems();
  } catch (error) {
    return fail('', `unreadable index: ${message(error)}`);
  } finally {
    await located.cleanup();
  }
  for (let slot = mark.slots; slot < store.staged; slot++) {
    const conflict = store.commit(slot, tally);
    if (conflict) errors.push(conflict);
  }
  const seconds = Math.max((performance.now() - started) / 1000, 1e-6);
  options.progress?.(
    `${href}: ${tally.read} specs, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s ` +
      `(${(bytes / 1e6 / seconds).toFixed(1)} MB/s, ${Math.round(tally.read / seconds)} specs/s)`,
  );
  return { tally, layout: located.layout };
}

/** Rows of one tag: the union of its stacks' indexes, each row listing its stacks and `root`. */
function tagRecords(tag: string, inputs: IndexInput[], tallies: Map<string, SourceTally>, store: NodeStore) {
  const stacksOf = new Map<string, string[]>();
  for (const input of inputs) {
    for (const hash of tallies.get(input.location)?.written ?? []) {
      const stacks = stacksOf.get(hash);
      if (!stacks) stacksOf.set(hash, input.stack === ROOT_STACK ? [ROOT_STACK] : [ROOT_STACK, input.stack]);
      else if (!stacks.includes(input.stack)) stacks.push(input.stack);
    }
  }
  const warnings: Problem[] = [];
  const root = inputs.find((i) => i.stack === ROOT_STACK);
  const rootHashes = new Set(root ? (tallies.get(root.location)?.written ?? []) : []);
  for (const input of root ? inputs.filter((i) => i.stack !== ROOT_STACK) : []) {
    const outside = (tallies.get(input.location)?.written ?? []).filter((h) => !rootHashes.has(h));
    if (outside.length > 0) {
      warnings.push({
        file: input.location,
        field: `${tag}.${input.stack}`,
        message: `${outside.length} spec(s) of stack ${input.stack} are not in the root index (kept): ${outside.slice(0, 5).join(', ')}`,
      });
    }
  }
  const byPackage = new Map<string, SpecRecord[]>();
  for (const [hash, stacks] of stacksOf) {
    const record = store.record(hash, stacks.sort());
    if (!record) continue;
    const list = byPackage.get(record.package) ?? [];
    list.push(record);
    byPackage.set(record.package, list);
  }
  const pages = [...byPackage].map(([pkg, specs]) => ({
    file: `${tag} indexes`,
    tag,
    package: pkg,
    specs,
    warnings: [],
  }));
  return { pages, warnings };
}

/**
 * Read every index (each location once, however many tags or stacks name it), then build the rows of
 * every tag. Never throws for bad input: every problem is returned, naming its source and record.
 */
export async function ingestIndexes(options: IngestOptions): Promise<IngestResult> {
  const errors: Problem[] = [];
  const inputs = options.inputs.map((i) => ({ ...i, location: toUrl(i.location).href }));
  for (const map of options.tagMaps) {
    try {
      const url = toUrl(map);
      const text = await fetchBytes(url, options.fetch);
      if (text === null) throw new Error('not found');
      inputs.push(...parseTagMap(text.toString('utf8'), url.href));
    } catch (error) {
      errors.push({ file: map, field: '', message: `tag map: ${message(error)}` });
    }
  }
  const store = new NodeStore();
  const tallies = new Map<string, SourceTally>();
  const sources: Manifest['sources'] = [];
  for (const href of new Set(inputs.map((i) => i.location))) {
    const { tally, layout } = await loadIndex(href, store, options.fetch, errors);
    tallies.set(href, tally);
    sources.push({ kind: `spack build-cache index (${layout})`, location: href, files: 1 });
  }
  const pages: ParsedPage[] = [];
  const warnings: Problem[] = [];
  for (const tag of new Set(inputs.map((i) => i.tag))) {
    const built = tagRecords(
      tag,
      inputs.filter((i) => i.tag === tag),
      tallies,
      store,
    );
    pages.push(...built.pages);
    warnings.push(...built.warnings);
  }
  return {
    pages,
    errors,
    warnings,
    sources,
    tallies: [...tallies.values()],
    lines: summarise([...tallies.values()], store),
  };
}

function summarise(tallies: SourceTally[], store: NodeStore): string[] {
  const sum = (f: (t: SourceTally) => number) => tallies.reduce((n, t) => n + f(t), 0);
  const lines = [
    `Index records: read ${sum((t) => t.read)} = written ${sum((t) => t.written.length)} + excluded ${sum((t) => t.excluded.length)} + rejected ${sum((t) => t.rejected)} (${tallies.length} index(es), ${store.size} unique specs)`,
    ...tallies.map(
      (t) =>
        `  ${t.location}: read ${t.read}, written ${t.written.length}, excluded ${t.excluded.length}, rejected ${t.rejected}`,
    ),
  ];
  const excluded = tallies.flatMap((t) => t.excluded.map((h) => ({ h, t })));
  if (excluded.length > 0) {
    lines.push(
      `Excluded ${excluded.length} record(s) marked in_buildcache: false (they still resolve as dependencies):`,
    );
    for (const { h, t } of excluded.slice(0, LISTED)) {
      lines.push(`  ${store.label(h) ?? '?@?'} ${h} in ${t.location}`);
    }
    if (excluded.length > LISTED) lines.push(`  … and ${excluded.length - LISTED} more`);
  }
  return lines;
}
