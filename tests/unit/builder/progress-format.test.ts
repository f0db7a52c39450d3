// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatProgress, type ProgressUpdate } from '../../../scripts/lib/progress';

const URL = 'https://mirror.example/build_cache/index.json';
const parse: ProgressUpdate = { label: URL, bytes: 78e6, total: 185e6, specs: 60_000 };

describe('formatProgress', () => {
  it.each<[string, ProgressUpdate, number, number | null, string]>([
    [
      'known size, wide terminal: whole label, bar, percentage, bytes, specs, rate',
      parse,
      3,
      120,
      `${URL} [############.................] 42% 78.0/185.0 MB, 60000 specs, 26.0 MB/s`,
    ],
    [
      '80 columns: the label keeps its end, the bar shrinks to its minimum',
      parse,
      3,
      80,
      '…/build_cache/index.json [####......] 42% 78.0/185.0 MB, 60000 specs, 26.0 MB/s',
    ],
    [
      'too narrow for a bar: the percentage stays',
      { label: URL, bytes: 78e6, total: 185e6 },
      0,
      40,
      '…ache/index.json 42% 78.0/185.0 MB',
    ],
    [
      'complete: a full bar and 100%',
      { label: 'idx', bytes: 185e6, total: 185e6 },
      5,
      60,
      'idx [######################] 100% 185.0/185.0 MB, 37.0 MB/s',
    ],
    [
      'more bytes than announced: the bar and percentage stop at 100%',
      { label: 'idx', bytes: 2e6, total: 1e6 },
      1,
      60,
      'idx [###########################] 100% 2.0/1.0 MB, 2.0 MB/s',
    ],
    [
      'unknown size: bytes and specs, no rate before any time has passed',
      { label: 'file:///data/index.json', bytes: 5e6, specs: 1200 },
      0,
      80,
      'file:///data/index.json: 5.0 MB, 1200 specs',
    ],
    ['a zero total is an unknown size', { label: 'empty', bytes: 0, total: 0 }, 0, 80, 'empty: 0.0 MB'],
    [
      'no terminal: a plain log line, never a bar',
      parse,
      3,
      null,
      `${URL}: 42% 78.0/185.0 MB, 60000 specs, 26.0 MB/s`,
    ],
    ['no terminal, unknown size', { label: URL, bytes: 5e6, total: null }, 0, null, `${URL}: 5.0 MB`],
    [
      'a terminal narrower than anything useful: cut, not wrapped',
      { label: URL, bytes: 1e6, specs: 10 },
      0,
      20,
      '…ache/index.json: 1',
    ],
  ])('%s', (_what, update, seconds, width, expected) => {
    expect(formatProgress(update, seconds, width)).toBe(expected);
  });

  it('never fills the last column, so the line is redrawn in place instead of wrapping', () => {
    const updates: ProgressUpdate[] = [parse, { ...parse, total: null }, { label: 'x', bytes: 1, total: 1 }];
    for (const update of updates) {
      for (let width = 1; width <= 200; width++) {
        expect(formatProgress(update, 7, width).length).toBeLessThan(width);
      }
    }
  });
});
