/**
 * Scripts run inside the measured pages, as source text: they touch page globals (`window.__bench`)
 * that have no type on the Node side, and every value they hand back is checked where it is read.
 * Times are performance.now() in the page, so they exclude Playwright's round trips.
 */

/**
 * Installed before the app's own scripts: records when the status line first says "N of M specs"
 * (first rows: with several tags, the newest shows while the others load) and when it says so with
 * nothing left loading (all rows), each at the next animation frame; performance.now() counts from
 * navigation start.
 */
export const APP_INIT = `(() => {
  const b = { firstRows: null, allRows: null, longTasks: [] };
  window.__bench = b;
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
      requestAnimationFrame(() => { b.firstRows = performance.now(); });
    }
    if (!/loading/.test(text)) {
      obs.disconnect();
      requestAnimationFrame(() => { b.allRows = performance.now(); });
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
 * Arms one keystroke measurement in the app: keydown on the query box → the status text changes →
 * next animation frame. Resolves the milliseconds, or null if nothing changed within the timeout.
 */
export const APP_ARM_KEY = `(() => {
  const input = document.querySelector('.query-box input');
  const status = document.querySelector('p.status');
  const before = status.textContent;
  window.__bench.key = new Promise((resolve) => {
    let t0 = null;
    input.addEventListener('keydown', () => { t0 = performance.now(); }, { once: true, capture: true });
    const obs = new MutationObserver(() => {
      if (status.textContent === before) return;
      obs.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    });
    obs.observe(status, { subtree: true, childList: true, characterData: true });
    setTimeout(() => { obs.disconnect(); resolve(null); }, 5000);
  });
})()`;

export const APP_KEY_RESULT = 'window.__bench.key';

export const DT_FIRST_ROWS = 'window.benchReady.then(() => window.firstRowsAt)';

/** Arms one keystroke measurement in the DataTables page: keydown in its search box → draw → next frame. */
export const DT_ARM_KEY = `(async () => {
  const table = await window.benchReady;
  const input = document.querySelector('.dt-search input');
  window.__dtKey = new Promise((resolve) => {
    let t0 = null;
    input.addEventListener('keydown', () => { t0 = performance.now(); }, { once: true, capture: true });
    table.one('draw', () => requestAnimationFrame(() => resolve(performance.now() - t0)));
    setTimeout(() => resolve(null), 120000);
  });
})()`;

export const DT_KEY_RESULT = 'window.__dtKey';
