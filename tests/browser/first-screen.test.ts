import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { referencePages } from '../helpers/reference-pages';
import { decodeViewState } from '../../src/url/codec';
import { launch, watchForeignRequests } from '../../scripts/lib/chromium';
import { startPreview } from '../../scripts/lib/preview-server';

const fmt = (n: number) => n.toLocaleString('en-US');

describe('first screen in Chromium, on the embedded real data', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startPreview>>;
  let specsPerTag: Map<string, number>;

  beforeAll(async () => {
    server = await startPreview();
    browser = await launch();
    const pages = await referencePages();
    specsPerTag = new Map([...pages].map(([tag, ps]) => [tag, ps.reduce((n, p) => n + p.specs.length, 0)]));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path = ''): Promise<{ page: Page; foreign: string[] }> {
    const page = await browser.newPage();
    const foreign = watchForeignRequests(page, new URL(server.url).origin);
    await page.goto(`${server.url}${path}`);
    return { page, foreign };
  }

  it('shows the newest tag, then each picked tag, with the status count equal to the specs on its pages', async () => {
    const { page, foreign } = await open();
    const status = page.getByRole('status');
    await expect
      .poll(() => status.textContent())
      .toBe(
        `${fmt(specsPerTag.get('develop-2025-03-30') ?? -1)} of ${fmt(specsPerTag.get('develop-2025-03-30') ?? -1)} specs`,
      );
    for (const tag of ['v0.23.0', 'develop-2024-12-29']) {
      await page.getByRole('combobox', { name: 'Tag' }).selectOption(tag);
      const n = fmt(specsPerTag.get(tag) ?? -1);
      await expect.poll(() => status.textContent()).toBe(`${n} of ${n} specs`);
      expect(new URL(page.url()).searchParams.get('tag')).toBe(tag);
    }
    expect(await page.getByRole('row').count()).toBeGreaterThan(10);
    expect(await page.getByRole('cell', { name: 'astyle', exact: true }).count()).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('fits the short hash and both copy buttons of a hovered row in the hash column, cut by no ellipsis', async () => {
    const { page } = await open('?q=zlib');
    const row = page.getByRole('table', { name: 'Specs' }).locator('tbody tr').nth(2);
    await row.hover();
    const hashCell = row.locator('td.col-hash');
    await expect.poll(() => hashCell.getByRole('button').count(), { timeout: 10_000 }).toBe(2);
    expect(await hashCell.getByRole('button', { name: /^Copy spack install \// }).isVisible()).toBe(true);
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('td.col-hash')].map((td) => td.scrollWidth - td.clientWidth),
    );
    expect(overflow.length).toBeGreaterThan(2);
    expect(overflow.every((px) => px <= 0)).toBe(true);
    await page.close();
  });

  it('leaves unclipped only the cells whose text fits, at every width', async () => {
    const { page } = await open('?tag=develop-2025-03-30&tag=v0.23.0');
    const box = page.getByRole('searchbox', { name: 'Spec query' });
    const cells = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('tbody td:not(.variants)')].map((td) => ({
          clip: td.classList.contains('clip'),
          spill: td.scrollWidth - td.clientWidth,
        })),
      );
    let unclipped = 0;
    let clipped = 0;
    for (const query of ['', 'py-', '%intel-oneapi-compilers', 'hdf5 +mpi']) {
      await box.fill(query);
      // The query reaches the URL a moment after its rows are shown.
      await expect.poll(() => decodeViewState(new URL(page.url()).search).state.q).toBe(query);
      // 1,100 px leaves the table at its minimum width; wider, the flexible columns grow.
      for (const width of [1600, 1450, 1100]) {
        await page.setViewportSize({ width, height: 800 });
        // Column widths are read after layout, so a resize is followed by one more render.
        await expect
          .poll(async () => (await cells()).filter((c) => !c.clip && c.spill > 0), {
            message: `${query} at ${width} px`,
          })
          .toEqual([]);
        const now = await cells();
        unclipped += now.filter((c) => !c.clip).length;
        clipped += now.filter((c) => c.clip).length;
      }
    }
    // Both kinds occur: short values go unclipped, long ones keep their ellipsis.
    expect(unclipped).toBeGreaterThan(clipped);
    expect(clipped).toBeGreaterThan(0);
    await page.close();
  });

  it('opens the tag named in the URL and keeps it on reload', async () => {
    const { page } = await open('?tag=v0.23.0');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('132 of 132 specs');
    await page.reload();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('132 of 132 specs');
    await page.close();
  });

  it('names what failed to load and recovers on retry', async () => {
    const page = await browser.newPage();
    let fail = true;
    await page.route('**/data/index.json', (route) =>
      fail ? route.fulfill({ status: 503, body: 'busy' }) : route.continue(),
    );
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/data\/index\.json: the server answered 503/);
    fail = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^1,001 of 1,001 specs$/);
    await page.close();
  });
});
