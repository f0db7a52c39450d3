import { describe, expect, it } from 'vitest';
import {
  charWidths,
  columnContentWidths,
  FIT_SLACK_PX,
  fitsIn,
  textWidth,
} from '../../../src/components/spec-table/text-fit';

// A made-up font: 'i' is 3 px, 'm' 12 px, every other printable character 7 px.
const widths = charWidths((ch) => (ch === 'i' ? 3 : ch === 'm' ? 12 : 7));

describe('charWidths and textWidth', () => {
  it.each<[string, number]>([
    ['', 0],
    ['i', 3],
    ['mim', 27],
    ['gcc@13', 42],
    // Anything outside printable ASCII counts as the widest character and a half.
    ['é', 18],
    ['a…b', 7 + 18 + 7],
    ['\t', 18],
  ])('%j is %d px', (text, px) => {
    expect(textWidth(text, widths)).toBe(px);
  });
});

describe('fitsIn', () => {
  it.each<[string, number, boolean]>([
    ['mim', 27 + FIT_SLACK_PX, true],
    ['mim', 27 + FIT_SLACK_PX - 0.5, false],
    ['', 0, false],
    ['', FIT_SLACK_PX, true],
    ['ubuntu22.04', 200, true],
  ])('%j in %d px: %s', (text, px, fits) => {
    expect(fitsIn(text, px, widths)).toBe(fits);
  });
});

describe('columnContentWidths', () => {
  it.each<[string, number, number, number[] | null]>([
    ['144px 128.5px 96px', 3, 16, [128, 112.5, 80]],
    ['  10px   20px ', 2, 16, [0, 4]],
    ['144px 128px', 3, 16, null],
    ['none', 1, 16, null],
    ['144px 1fr', 2, 16, null],
    ['', 0, 16, null],
  ])('%j for %d columns, padding %d', (template, columns, padding, expected) => {
    expect(columnContentWidths(template, columns, padding)).toEqual(expected);
  });
});
