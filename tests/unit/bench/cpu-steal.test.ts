import { describe, expect, it } from 'vitest';
import { addCpuTimes, parseProcStat, stealPercent } from '../../../bench/cpu-steal';

// The first lines of /proc/stat on the bench machine (Linux 6.1, 2 cores).
const REAL = `cpu  2817 3 917 1104853 180 0 42 1190 0 0
cpu0 1402 1 460 552420 90 0 21 601 0 0
cpu1 1415 2 457 552433 90 0 21 589 0 0
intr 1234 0 0`;

describe('parseProcStat', () => {
  it.each([
    ['a real /proc/stat', REAL, { steal: 1190, total: 2817 + 3 + 917 + 1104853 + 180 + 0 + 42 + 1190 }],
    ['guest ticks are already in user, so left out', 'cpu 10 0 0 0 0 0 0 5 7 9', { steal: 5, total: 15 }],
    ['exactly up to steal', 'cpu 1 2 3 4 5 6 7 8', { steal: 8, total: 36 }],
  ])('%s', (_name, text, expected) => {
    expect(parseProcStat(text)).toEqual(expected);
  });

  it.each([
    [
      'a per-core line first',
      'cpu0 1 2 3 4 5 6 7 8',
      /\/proc\/stat: first line should start with "cpu", got "cpu0/,
    ],
    ['an empty file', '', /\/proc\/stat: first line should start with "cpu"/],
    ['no steal field (a kernel before 2.6.11)', 'cpu 1 2 3 4 5 6 7', /has 7 fields, expected at least 8/],
    ['a field that is not a count', 'cpu 1 2 3 x 5 6 7 8', /cpu field 4 is "x", expected a whole number/],
  ])('rejects %s, naming the file and field', (_name, text, message) => {
    expect(() => parseProcStat(text)).toThrow(message);
  });
});

describe('addCpuTimes and stealPercent', () => {
  it('sums the ticks of each window and gives steal as a share of them', () => {
    const sum = { steal: 0, total: 0 };
    addCpuTimes(sum, { steal: 100, total: 1000 }, { steal: 103, total: 1010 });
    addCpuTimes(sum, { steal: 200, total: 2000 }, { steal: 201, total: 2010 });
    expect(sum).toEqual({ steal: 4, total: 20 });
    expect(stealPercent(sum)).toBe(20);
  });

  it('adds nothing when a reading is missing, and a sum of nothing has no share', () => {
    const sum = { steal: 0, total: 0 };
    addCpuTimes(sum, null, { steal: 1, total: 2 });
    addCpuTimes(sum, { steal: 0, total: 0 }, null);
    expect(sum).toEqual({ steal: 0, total: 0 });
    expect(stealPercent(sum)).toBeNull();
    expect(stealPercent(null)).toBeNull();
    expect(() => addCpuTimes(null, { steal: 0, total: 0 }, { steal: 1, total: 2 })).not.toThrow();
  });
});
