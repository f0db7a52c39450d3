import { useEffect } from 'react';
import type { FacetIndex } from '../data/engine/facets';
import { bitsetOrder } from '../data/engine/row-order';
import { parseQuery } from '../data/query/parse-query';
import { queryMask } from '../data/query/query-mask';
import { warmUpQueries } from '../data/query/warm-up-queries';
import { hashAt, type SpecTable } from '../data/spec-table';
import { afterNextPaint } from '../lib/after-paint';
import { taskQueue } from './task-queue';

/** Rows a warm-up query reads, as the table reads a screenful of its result. */
const ROWS_READ = 40;

// Once per table: its engine code is compiled and its dictionaries' lookups are built after that.
const warmed = new WeakSet<SpecTable>();

/**
 * Runs the engine over a few queries of every kind (warmUpQueries), one query per task, once the page
 * is `idle` (loaded, counted, nothing typed or filtered), and throws the results away. The user's first
 * query then runs compiled code instead of paying for V8's first compilation and interpreter inside
 * the keystroke that shows it. Stops as soon as the page is no longer idle and starts again from the
 * beginning the next time it is, until one pass has finished for this table.
 */
export function useEngineWarmUp(table: SpecTable | null, index: FacetIndex | null, idle: boolean): void {
  useEffect(() => {
    if (!table || !index || !idle || warmed.has(table)) return undefined;
    const queries = warmUpQueries(index, table.count > 0 ? hashAt(table, 0) : null);
    if (queries.length === 0) {
      warmed.add(table);
      return undefined;
    }
    let next = 0;
    const tasks = taskQueue(() => {
      const parsed = parseQuery(queries[next++] ?? '');
      if (parsed.ok) {
        const rows = bitsetOrder(queryMask(parsed.query, table, index));
        for (let p = 0; p < Math.min(rows.length, ROWS_READ); p++) rows.at(p);
      }
      if (next < queries.length) tasks.post();
      else warmed.add(table);
    });
    // After the frame in hand, so that whatever it shows is painted first.
    const cancelFirst = afterNextPaint(tasks.post);
    return () => {
      cancelFirst();
      tasks.close();
    };
  }, [table, index, idle]);
}
