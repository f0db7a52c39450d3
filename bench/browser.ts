import type { Browser, Page } from 'playwright-core';
import { launch } from '../scripts/lib/chromium';
import { addCpuTimes, readCpuTimes, type CpuTimes } from './cpu-steal';
import {
  APP_ARM_KEY,
  APP_COUNTS_READY,
  APP_ALL_ROWS,
  APP_ALL_ROWS_READY,
  APP_FIRST_ROWS,
  APP_INIT,
  APP_KEY_RESULT,
  APP_LONG_TASKS,
  APP_NOW,
  APP_SNAPSHOT,
  APP_STATUS,
  DT_ARM_KEY,
  DT_FIRST_ROWS,
  DT_KEY_RESULT,
  FLOOR_INIT,
} from './in-page';
import { KEYSTROKES } from './queries';

export interface PageFigures {
  /** Navigation start → first rows at the next animation frame, one per run (fresh browser context). */
  firstRowsMs: number[];
  /**
   * Navigation start → every row in, one per run: the app shows the newest tag first and the others
   * as they come. Not measured for DataTables, whose first rows are all of them.
   */
  allRowsMs: number[];
  /** Keydown → result count on screen at the next animation frame. */
  keystrokeMs: number[];
  /** Keystrokes that changed nothing on screen within the timeout (left out of the samples). */
  unchanged: number;
  /** V8 heap plus array-buffer backing stores after load and a forced GC, in MB (first run). */
  heapMB: number | null;
  /** Main-thread tasks of 50 ms or more (Long Tasks API), in ms: during load, and while typing. */
  longTasks: { load: number[]; typing: number[] };
  /**
   * The machine's CPU time while the keystrokes were measured (each from the key's press to its
   * result), summed; null where /proc/stat cannot be read. Its steal share is the time this virtual
   * machine's cores were held by the host while it wanted them, which stretches every figure here.
   */
  cpu: CpuTimes | null;
  /** Floor page only: body rows in view, each rewritten on every keystroke. */
  rowsRewritten?: number;
}

export interface BrowserOptions {
  log: (line: string) => void;
  origin: string;
  appPath: string;
  dataTablesPath: string | null;
  tags: readonly string[];
  runs: number;
  dataTablesRuns: number;
  /** Whether to measure the floor page too (the bench does at its largest size only). */
  floor: boolean;
}

const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

async function heapMB(page: Page): Promise<number | null> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return (usage.usedSize + (usage.backingStorageSize ?? 0)) / 2 ** 20;
}

async function settle(page: Page, read: string): Promise<void> {
  let last = '';
  let stable = 0;
  const start = Date.now();
  // The app writes the query to the URL 400 ms after the last key (use-query-draft.ts) and counts facets
  // after the rows are painted: wait past that, until the status line has held still for 400 ms.
  while (stable < 4 || Date.now() - start < 400) {
    await page.waitForTimeout(100);
    const now = String(await page.evaluate(read));
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

/**
 * The keystrokes in the "Spec query" box of the app or the floor page: each prefix is filled in and
 * left to settle, then one key is typed and timed (APP_ARM_KEY).
 */
async function typeKeys(page: Page, out: PageFigures, log: (line: string) => void): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Spec query' });
  for (const { prefix, key } of KEYSTROKES) {
    await box.fill(prefix);
    await settle(page, APP_STATUS);
    await page.evaluate(APP_ARM_KEY);
    const before = readCpuTimes();
    await page.keyboard.press(key);
    const ms = asNumber(await page.evaluate(APP_KEY_RESULT));
    addCpuTimes(out.cpu, before, readCpuTimes());
    if (ms !== null) out.keystrokeMs.push(ms);
    else {
      out.unchanged++;
      log(`typing "${key}" after "${prefix}" changed nothing on screen`);
    }
  }
}

function empty(): PageFigures {
  return {
    firstRowsMs: [],
    allRowsMs: [],
    keystrokeMs: [],
    unchanged: 0,
    heapMB: null,
    longTasks: { load: [], typing: [] },
    cpu: readCpuTimes() === null ? null : { steal: 0, total: 0 },
  };
}

/**
 * One page load of the app, typed into. Returns the page as it then stands (APP_SNAPSHOT) when the
 * floor page is measured and this is the first run, for the floor page; else null.
 */
async function measureApp(
  browser: Browser,
  options: BrowserOptions,
  out: PageFigures,
  run: number,
): Promise<string | null> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: APP_INIT });
    const query = options.tags.map((t) => `tag=${encodeURIComponent(t)}`).join('&');
    await page.goto(`${options.origin}${options.appPath}?${query}`);
    await page.waitForFunction(APP_ALL_ROWS_READY, undefined, { timeout: 180_000, polling: 100 });
    const first = asNumber(await page.evaluate(APP_FIRST_ROWS));
    if (first !== null) out.firstRowsMs.push(first);
    const all = asNumber(await page.evaluate(APP_ALL_ROWS));
    if (all !== null) out.allRowsMs.push(all);
    // The facet index is built after the rows of all tags are painted; that is load work too, and
    // typing starts when it is done.
    await page.waitForFunction(APP_COUNTS_READY, undefined, { timeout: 60_000, polling: 100 });
    // The forced GC of the heap figure is the bench's own work: tasks between load and typing are left out.
    const loadUntil = asNumber(await page.evaluate(APP_NOW)) ?? 0;
    if (run === 0) out.heapMB = await heapMB(page);
    const typingFrom = asNumber(await page.evaluate(APP_NOW)) ?? 0;
    await typeKeys(page, out, (line) => options.log(`app: ${line}`));
    const snapshot: unknown = run === 0 && options.floor ? await page.evaluate(APP_SNAPSHOT) : null;
    const tasks: unknown = await page.evaluate(APP_LONG_TASKS);
    for (const task of Array.isArray(tasks) ? tasks : []) {
      const [start, duration] = Array.isArray(task) ? task.map(asNumber) : [];
      if (start == null || duration == null) continue;
      if (start < loadUntil) out.longTasks.load.push(duration);
      else if (start >= typingFrom) out.longTasks.typing.push(duration);
    }
    return typeof snapshot === 'string' ? snapshot : null;
  } finally {
    await context.close();
  }
}

async function measureDataTables(
  browser: Browser,
  options: BrowserOptions,
  path: string,
  out: PageFigures,
  run: number,
) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${options.origin}${path}`);
    const first = asNumber(await page.evaluate(DT_FIRST_ROWS));
    if (first !== null) out.firstRowsMs.push(first);
    if (run === 0) out.heapMB = await heapMB(page);
    const box = page.locator('.dt-search input');
    for (const { prefix, key } of KEYSTROKES) {
      // DataTables searches synchronously on input: once fill returns, the prefix's draw is done.
      await box.fill(prefix);
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
      await page.evaluate(DT_ARM_KEY);
      const before = readCpuTimes();
      await page.keyboard.press(key);
      const ms = asNumber(await page.evaluate(DT_KEY_RESULT));
      addCpuTimes(out.cpu, before, readCpuTimes());
      if (ms !== null) out.keystrokeMs.push(ms);
      else out.unchanged++;
    }
  } finally {
    await context.close();
  }
}

/**
 * The floor page (FLOOR_INIT over the app's snapshot), typed into as the app is, settling as long: the
 * raster of a prefix's frame runs on other threads after it is painted, and on two cores a key typed
 * into it is slowed by it.
 */
async function measureFloor(browser: Browser, html: string, out: PageFigures, log: (line: string) => void) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent(html);
    const rows = asNumber(await page.evaluate(FLOOR_INIT));
    if (rows === null || rows === 0) throw new Error('floor page: no body rows in view in the app snapshot');
    out.rowsRewritten = rows;
    await typeKeys(page, out, (line) => log(`floor page: ${line}`));
  } finally {
    await context.close();
  }
}

export interface BrowserFigures {
  /** The browser's own version string ("156.0.8078.114"): its rendering speed is part of every figure. */
  version: string;
  app: PageFigures;
  floor: PageFigures | null;
  dataTables: PageFigures | null;
}

/** The app and the DataTables page over the same rows, in headless Chromium (scripts/lib/chromium.ts). */
export async function measureBrowser(options: BrowserOptions): Promise<BrowserFigures> {
  const browser = await launch();
  try {
    const app = empty();
    let html: string | null = null;
    for (let run = 0; run < options.runs; run++) {
      options.log(`app run ${run + 1}/${options.runs}…`);
      html = (await measureApp(browser, options, app, run)) ?? html;
    }
    let floor: PageFigures | null = null;
    if (options.floor) {
      if (html === null) throw new Error('app page: no snapshot taken for the floor page');
      floor = empty();
      for (let run = 0; run < options.runs; run++) {
        options.log(`floor page run ${run + 1}/${options.runs}…`);
        await measureFloor(browser, html, floor, options.log);
      }
    }
    let dataTables: PageFigures | null = null;
    if (options.dataTablesPath !== null) {
      dataTables = empty();
      for (let run = 0; run < options.dataTablesRuns; run++) {
        options.log(`DataTables run ${run + 1}/${options.dataTablesRuns}…`);
        await measureDataTables(browser, options, options.dataTablesPath, dataTables, run);
      }
    }
    return { version: browser.version(), app, floor, dataTables };
  } finally {
    await browser.close();
  }
}
