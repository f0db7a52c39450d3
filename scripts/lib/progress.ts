/** How far a long step (a download, the parse of an index) has come. */
export interface ProgressUpdate {
  /** What is being read: a URL or a file. */
  label: string;
  bytes: number;
  /** Bytes expected in all (file size, Content-Length); null or absent when unknown. */
  total?: number | null;
  /** Specs read so far, for a parse. */
  specs?: number;
}

/** Where a report goes: an event line, or a measurement drawn as a bar on a terminal. */
export type ProgressReport = string | ProgressUpdate;

const BAR_MIN = 10;
const BAR_MAX = 30;
const LABEL_MIN = 16;
/** A terminal bar is redrawn at most this often, so a fast parse does not spend its time printing. */
const REDRAW_MS = 100;
/** Without a terminal (CI logs, pipes) a measurement is printed at most this often. */
const LINE_MS = 10_000;

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/** `…` and the end of `text` in at most `max` characters: the end of a URL names the file. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 1 ? text.slice(0, Math.max(max, 0)) : `…${text.slice(text.length - max + 1)}`;
}

/**
 * One progress line. `width` is the terminal's: the line then has a bar when the total is known and
 * fits in `width - 1` columns (a line that wraps cannot be redrawn in place). With a null width (no
 * terminal) it is a plain log line. `seconds` since the step started gives the rate.
 */
export function formatProgress(update: ProgressUpdate, seconds: number, width: number | null): string {
  const total = update.total ?? 0;
  const fraction = total > 0 ? Math.min(update.bytes / total, 1) : null;
  const counts = [
    fraction === null ? `${megabytes(update.bytes)} MB` : `${megabytes(update.bytes)}/${megabytes(total)} MB`,
    ...(update.specs === undefined ? [] : [`${update.specs} specs`]),
    ...(seconds > 0 ? [`${megabytes(update.bytes / seconds)} MB/s`] : []),
  ].join(', ');
  const percent = fraction === null ? '' : `${Math.floor(fraction * 100)}% `;
  if (width === null) return `${update.label}: ${percent}${counts}`;
  const room = width - 1;
  if (fraction === null) {
    const tail = `: ${counts}`;
    return `${shorten(update.label, Math.max(room - tail.length, LABEL_MIN))}${tail}`.slice(0, room);
  }
  const tail = ` ${percent}${counts}`;
  const withBar = tail.length + 3; // " [" and "]" around the bar
  const label = shorten(update.label, Math.max(room - withBar - BAR_MIN, LABEL_MIN));
  const cells = Math.min(room - withBar - label.length, BAR_MAX);
  if (cells < BAR_MIN) return `${label}${tail}`.slice(0, room);
  const filled = Math.floor(fraction * cells);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(cells - filled)}]${tail}`;
}

/**
 * Progress for a long build. On a terminal each report replaces the previous one in place, so a big
 * download reads as one moving line (a bar with a percentage when the size is known); anywhere else (CI
 * logs, pipes) event lines are printed as they come and measurements at most every ten seconds.
 */
export function progressWriter(stream: NodeJS.WriteStream = process.stderr, now = () => performance.now()) {
  let open = false;
  let lastDraw = -Infinity;
  let lastLine = now();
  let step = { label: '', bytes: 0, started: 0 };
  const measure = (update: ProgressUpdate) => {
    const t = now();
    // A new label, or bytes going back (a retried download), starts a new step for the rate.
    const fresh = update.label !== step.label || update.bytes < step.bytes;
    if (fresh) step = { label: update.label, bytes: update.bytes, started: t };
    step.bytes = update.bytes;
    const seconds = (t - step.started) / 1000;
    const total = update.total ?? 0;
    if (stream.isTTY) {
      const complete = total > 0 && update.bytes >= total;
      if (!fresh && !complete && t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      stream.write(`\r\x1b[K${formatProgress(update, seconds, stream.columns ?? 80)}`);
      open = true;
    } else if (t - lastLine >= LINE_MS) {
      lastLine = t;
      stream.write(`${formatProgress(update, seconds, null)}\n`);
    }
  };
  const report = (update: ProgressReport) => {
    if (typeof update !== 'string') return measure(update);
    if (stream.isTTY) {
      stream.write(`\r\x1b[K${update}`);
      open = true;
    } else {
      stream.write(`${update}\n`);
    }
  };
  /** Ends the moving line before other output. */
  const done = () => {
    if (open) stream.write('\n');
    open = false;
  };
  return { report, done };
}
