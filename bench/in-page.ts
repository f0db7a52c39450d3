/**
 * Scripts run inside the measured pages, as source text: they touch page globals (`window.__bench`)
 * that have no type on the Node side, and every value they hand back is checked where it is read.
 * Times are performance.now() in the page, so they exclude Playwright's round trips.
 */

/**
 * Runs `run` in a task of its own. Posted from a frame's animation callback, the task runs once that
 * frame's style, layout, paint and layer update are done: the figures below end there ("painted"; the
 * compositor's raster and draw, off the main thread, are not in them).
 */
const POST_TASK = `(run) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { channel.port1.close(); run(); };
  channel.port2.postMessage(null);
}`;

/**
 * Installed before the app's own scripts: records when the status line first says "N of M specs"
 * (first rows: with several tags, the newest shows while the others load) and when it says so with
 * nothing left loading (all rows), each once the next frame is painted (POST_TASK from that frame's
 * callback); performance.now() counts from navigation start.
 */
export const APP_INIT = `(() => {
  const b = { firstRows: null, allRows: null, longTasks: [] };
  window.__bench = b;
  const afterPaint = (run) => requestAnimationFrame(() => (${POST_TASK})(run));
  // Main-thread tasks of 50 ms or more (the Long Tasks API's threshold): what would make the page stall.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const obs = new MutationObserver(() => {
    const s = document.querySelector('p.status');
    const text = (s && s.textContent) || '';
    if (!/ of [0-9,]+ specs/.test(text)) return;
    if (b.firstRows === null) {
      b.firstRows = -1;
      afterPaint(() => { b.firstRows = performance.now(); });
    }
    if (!/loading/.test(text)) {
      obs.disconnect();
      afterPaint(() => { b.allRows = performance.now(); });
    }
  });
  obs.observe(document, { subtree: true, childList: true, characterData: true });
})()`;

export const APP_ALL_ROWS_READY = 'window.__bench && window.__bench.allRows !== null';
/** The facets show counts (none says "Counting…"): the facet index of all tags is built. */
export const APP_COUNTS_READY =
  "![...document.querySelectorAll('.facet-empty')].some((e) => e.textContent === 'Counting…')";
export const APP_FIRST_ROWS = 'window.__bench.firstRows';
export const APP_ALL_ROWS = 'window.__bench.allRows';
export const APP_STATUS = "document.querySelector('p.status').textContent";
export const APP_NOW = 'performance.now()';
/** Long tasks as [start, duration] pairs, in ms since navigation start. */
export const APP_LONG_TASKS = 'window.__bench.longTasks';

/**
 * The end of a keystroke measurement, shared by both pages: from keydown (capture, so before any
 * handler of the page) each animation frame checks `changed()`; in the first frame where it holds, a
 * task is posted (POST_TASK) and the time taken when it runs: keydown → the change painted. The frame
 * callback is asked for at keydown, before the page asks for its own, so it runs first and the task is
 * queued ahead of any work the page defers until after that paint.
 */
const AFTER_CHANGE_PAINTED = `(input, changed, timeoutMs) => new Promise((resolve) => {
  let t0 = null;
  let done = false;
  const finish = (value) => { if (!done) { done = true; resolve(value); } };
  const frame = () => {
    if (done) return;
    if (!changed()) { requestAnimationFrame(frame); return; }
    (${POST_TASK})(() => finish(performance.now() - t0));
  };
  input.addEventListener('keydown', () => { t0 = performance.now(); requestAnimationFrame(frame); }, { once: true, capture: true });
  setTimeout(() => finish(null), timeoutMs);
})`;

/**
 * Arms one keystroke measurement in the app: keydown on the query box → the first frame in which the
 * status line's text has changed is painted. Resolves the milliseconds, or null if nothing changed
 * within the timeout.
 */
export const APP_ARM_KEY = `(() => {
  const input = document.querySelector('.query-box input');
  const status = document.querySelector('p.status');
  const before = status.textContent;
  window.__bench.key = (${AFTER_CHANGE_PAINTED})(input, () => status.textContent !== before, 5000);
})()`;

export const APP_KEY_RESULT = 'window.__bench.key';

export const DT_FIRST_ROWS = 'window.benchReady.then(() => window.firstRowsAt)';

/** Arms one keystroke measurement in the DataTables page: keydown in its search box → its draw painted. */
export const DT_ARM_KEY = `(async () => {
  const table = await window.benchReady;
  const input = document.querySelector('.dt-search input');
  let drawn = false;
  table.one('draw', () => { drawn = true; });
  window.__dtKey = (${AFTER_CHANGE_PAINTED})(input, () => drawn, 120000);
})()`;

export const DT_KEY_RESULT = 'window.__dtKey';

/**
 * The app page as it stands, for the floor page: its markup with scripts and preloads removed and its
 * stylesheets' addresses made absolute, so that it renders the same once set into a blank page.
 */
export const APP_SNAPSHOT = `(() => {
  const root = document.documentElement.cloneNode(true);
  root.querySelectorAll('script, link[rel=preload], link[rel=modulepreload], link[rel=icon]').forEach((e) => e.remove());
  root.querySelectorAll('link[rel=stylesheet]').forEach((l) => {
    l.setAttribute('href', l.href);
    // Loaded from about:blank, a CORS request would be refused by the bench's plain static server.
    l.removeAttribute('crossorigin');
  });
  return '<!doctype html>' + root.outerHTML;
})()`;

/**
 * Makes the app's snapshot the floor page: on every input in the query box, each body cell in view gets
 * another cell's text (hashes a new random one) and the status line a new count, with nothing else:
 * no framework, no engine, no state. That is the least any code must do to show a new screenful in
 * this table, so its keystroke figure is what this machine's Chromium takes to restyle, lay out and
 * paint one. Returns the number of rows rewritten per keystroke.
 */
export const FLOOR_INIT = `(() => {
  window.__bench = {};
  const view = document.querySelector('.spec-table-scroll').getBoundingClientRect();
  // Without the app's stylesheet the table would not scroll in its box, and every row would be "in view".
  if (view.height > window.innerHeight) throw new Error('floor page: the app stylesheet did not apply');
  const rows = [...document.querySelectorAll('.spec-table tbody tr')];
  const inView = rows.filter((tr) => {
    const r = tr.getBoundingClientRect();
    return r.bottom > view.top && r.top < view.bottom;
  });
  const cells = inView.flatMap((tr) => [...tr.cells]);
  const texts = rows.flatMap((tr) => [...tr.cells].map((td) => td.textContent));
  const status = document.querySelector('p.status');
  let n = 0;
  document.querySelector('.query-box input').addEventListener('input', () => {
    n++;
    // A shift of whole rows keeps each text in its own column.
    const shift = (1 + (n % 7)) * (cells.length / inView.length);
    cells.forEach((td, k) => {
      td.textContent = td.classList.contains('hash')
        ? Math.random().toString(32).slice(2, 9)
        : texts[(k + shift) % texts.length];
    });
    status.textContent = (1000 + 37 * n).toLocaleString('en-US') + ' of 1,000,000 specs';
  });
  return inView.length;
})()`;
