import { hashPostings } from '../hash-column';
import type { SpecTable } from '../spec-table';
import {
  FACETS,
  facetColumn,
  facetValues,
  mapFacets,
  type FacetIndex,
  type FacetKey,
  type FacetPostings,
} from './facets';
import { PostingsJob } from './postings-job';
import { defaultKeyLimit, ListKeysJob } from './row-keys';

/** A facet's posting lists job over the table's rows (its row keys, for a list facet, come after). */
function postingsJob(table: SpecTable, facet: FacetKey): PostingsJob {
  const column = facetColumn(table, facet);
  return new PostingsJob(column, facetValues(column.dict, facet), table.count);
}

/**
 * Rows a builder step goes through. The variant facet's postings (about 11 entries a row) took 200 to
 * 250 ms in one go at a million rows in headless Chromium on the bench machine: about 16 steps of this
 * size, some 15 ms each, with none of the load's tasks after the rows are in reaching 50 ms.
 */
export const ROWS_PER_STEP = 1 << 17;

/**
 * Builds a table's facet index a part at a time, so that a build of about a second at a million rows
 * can be spread over short tasks; `finish` builds whatever is left at once.
 */
export class FacetIndexBuilder {
  private readonly built: Partial<Record<FacetKey, FacetPostings>> = {};
  private readonly postingsJobs = new Map<FacetKey, PostingsJob>();
  private readonly keysJobs = new Map<FacetKey, ListKeysJob>();
  private readonly keyed = new Set<FacetKey>();
  private hashesBuilt = false;
  private index: FacetIndex | null = null;
  private readonly keyLimit: number;
  private readonly rowsPerStep: number;

  /**
   * `keyLimit`: the most distinct lists a list facet may have and still get row keys (see row-keys);
   * `rowsPerStep`: how many rows one `step` goes through at most.
   */
  constructor(
    private readonly table: SpecTable,
    options: { keyLimit?: number; rowsPerStep?: number } = {},
  ) {
    this.keyLimit = options.keyLimit ?? defaultKeyLimit(table.count);
    this.rowsPerStep = options.rowsPerStep ?? ROWS_PER_STEP;
  }

  /** Every part is built: `finish` returns at once. */
  get done(): boolean {
    return this.hashesBuilt && FACETS.every((facet) => this.keyed.has(facet));
  }

  /**
   * Works on the next part not yet built, through at most `rowsPerStep` rows: each facet's posting
   * lists, then each list facet's row keys, then the table's hash postings (kept by hash-column, built
   * here so that the first hash search does not pay for them); true once all are built.
   */
  step(): boolean {
    const facet = FACETS.find((f) => this.built[f] === undefined);
    const unkeyed = FACETS.find((f) => !this.keyed.has(f));
    if (facet !== undefined) this.buildPostings(facet, this.rowsPerStep);
    else if (unkeyed !== undefined) this.buildKeys(unkeyed, this.rowsPerStep);
    else this.buildHashes();
    return this.done;
  }

  /** The index, with whatever is left built at once; the same object on every call. */
  finish(): FacetIndex {
    this.buildHashes();
    this.index ??= {
      count: this.table.count,
      facets: mapFacets((facet) => {
        this.buildPostings(facet, Infinity);
        return this.buildKeys(facet, Infinity);
      }),
    };
    return this.index;
  }

  private buildPostings(facet: FacetKey, budget: number): void {
    if (this.built[facet] !== undefined) return;
    let job = this.postingsJobs.get(facet);
    if (!job) {
      job = postingsJob(this.table, facet);
      this.postingsJobs.set(facet, job);
    }
    const postings = job.run(budget);
    if (postings === null) return;
    this.built[facet] = postings;
    this.postingsJobs.delete(facet);
    // A scalar facet's keys are its codes, there with the postings.
    if (postings.column.kind === 'scalar') this.keyed.add(facet);
  }

  /** A facet's postings (built) with their row keys, going on with the keys by at most `budget` rows. */
  private buildKeys(facet: FacetKey, budget: number): FacetPostings {
    const postings = this.built[facet];
    if (postings === undefined) throw new Error(`facet index: the ${facet} postings are not built yet`);
    if (this.keyed.has(facet) || postings.column.kind === 'scalar') return postings;
    const { list } = postings.column;
    let job = this.keysJobs.get(facet);
    if (!job) {
      job = new ListKeysJob(list, postings.values.idOfCode, this.table.count, this.keyLimit);
      this.keysJobs.set(facet, job);
    }
    if (!job.run(budget)) return postings;
    const keyed = { ...postings, keys: job.result() };
    this.built[facet] = keyed;
    this.keyed.add(facet);
    this.keysJobs.delete(facet);
    return keyed;
  }

  private buildHashes(): void {
    hashPostings(this.table.hashes);
    this.hashesBuilt = true;
  }
}

/** Posting lists per facet per distinct value, built once per table so each click costs only the selected values. */
export function buildFacetIndex(table: SpecTable, options: { keyLimit?: number } = {}): FacetIndex {
  return new FacetIndexBuilder(table, options).finish();
}
