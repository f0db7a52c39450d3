import { z } from 'zod';

const ms = z.number();
const samples = z.array(z.number());

/** What one engine child reports (bench/engine-child.ts), checked when the parent reads it back. */
export const engineRunSchema = z.object({
  rows: z.number().int(),
  loadMs: z.object({ parse: ms, validate: ms, decode: ms, merge: ms, index: ms, total: ms }),
  heapMB: z.object({ heapUsed: z.number(), arrayBuffers: z.number(), total: z.number() }),
  /** Per-sample milliseconds, pooled over the query cases and repeats. */
  samples: z.object({
    filter: samples,
    counts: samples,
    charts: samples,
    sort: samples,
    interaction: samples,
  }),
  /** Rows each query case matched, so that the cases are seen to select something. */
  matches: z.record(z.string(), z.number()),
});
export type EngineRun = z.infer<typeof engineRunSchema>;
