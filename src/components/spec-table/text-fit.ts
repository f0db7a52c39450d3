/**
 * Whether a cell's text fits its column, worked out from character widths instead of layout: a cell
 * whose text certainly fits is drawn without clipping. Each clipped cell costs the browser a clip of
 * its own in every frame that repaints it (about 4 ms of a keystroke's frame for a screenful of rows
 * at 1M specs in headless Chromium), and most cells hold short values that never reach the edge.
 */

/** Advance widths in px of the printable ASCII characters, and a width for any other character. */
export interface CharWidths {
  ascii: Float64Array;
  other: number;
}

const FIRST = 32;
const LAST = 126;

/**
 * Slack in px kept between an estimate and the content box's edge, for rounding. Summed advances leave
 * out kerning, which narrows text if anything; in Chromium they match the laid-out width of ASCII text
 * to a tenth of a pixel. A cell that still spilled by a little would reach into its own right padding.
 */
export const FIT_SLACK_PX = 1;

/**
 * Widths of the printable ASCII characters by `measure`. Anything else (rare in Spack names, and
 * drawn in another font when the first lacks it) counts as `other`: the widest of them, and a half more.
 */
export function charWidths(measure: (text: string) => number): CharWidths {
  const ascii = new Float64Array(LAST + 1);
  let widest = 0;
  for (let code = FIRST; code <= LAST; code++) {
    const w = measure(String.fromCharCode(code));
    ascii[code] = w;
    widest = Math.max(widest, w);
  }
  return { ascii, other: widest * 1.5 };
}

/** The width `text` takes, as a sum of its characters' advances. */
export function textWidth(text: string, widths: CharWidths): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    sum += code >= FIRST && code <= LAST ? (widths.ascii[code] ?? widths.other) : widths.other;
  }
  return sum;
}

/** True when `text` fits in `available` px with FIT_SLACK_PX to spare. */
export function fitsIn(text: string, available: number, widths: CharWidths): boolean {
  return textWidth(text, widths) + FIT_SLACK_PX <= available;
}

/**
 * The content widths of the grid's columns, from its resolved `grid-template-columns` ("144px 128px
 * …", one length per visible column) less the cells' horizontal padding. Null when the value is not a
 * list of that many lengths in px (no layout yet, as under jsdom).
 */
export function columnContentWidths(template: string, columns: number, padding: number): number[] | null {
  const parts = template.trim().split(/\s+/);
  if (parts.length !== columns) return null;
  const out: number[] = [];
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)px$/.exec(part);
    if (!m) return null;
    out.push(Math.max(0, Number(m[1]) - padding));
  }
  return out;
}
