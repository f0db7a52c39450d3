import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { referencePages, type RefSpec } from '../helpers/reference-pages';
import { launch, watchForeignRequests } from '../../scripts/lib/chromium';
import { startPreview } from '../../scripts/lib/preview-server';

type Spec = RefSpec & { pkg: string; stacks: string[]; os: string; target: string; variants: string[] };
const fmt = (n: number) => n.toLocaleString('en-US');

describe('spec explorer in Chromium: links, history, reload', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startPreview>>;
  let specs: Spec[];

  beforeAll(async () => {
    server = await startPreview();
    browser = await launch();
    const pages = (await referencePages()).get('develop-2025-03-30') ?? [];
    specs = pages.flatMap((p) => p.specs.map((s) => ({ ...s, pkg: p.pkg }) as Spec));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query: string): Promise<{ page: Page; foreign: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const foreign = watchForeignRequests(page, new URL(server.url).origin);
    await page.goto(`${server.url}${query}`);
    return { page, foreign };
  }
  const statusOf = (page: Page) => page.getByRole('status').textContent();
  const packagesShown = async (page: Page) =>
    new Set(
      await page.getByRole('table', { name: 'Specs' }).locator('tbody td.col-package').allTextContents(),
    );

  it('opens a link with filters: the status line and rows match', async () => {
    const { page, foreign } = await open('?stack=e4s&os=ubuntu22.04&variant=+shared&q=hdf5%20%2Bmpi');
    const expected = specs.filter(
      (s) =>
        s.stacks.includes('e4s') &&
        s.os === 'ubuntu22.04' &&
        s.variants.includes('+shared') &&
        s.pkg === 'hdf5' &&
        s.variants.includes('+mpi'),
    );
    expect(expected.length).toBeGreaterThan(1);
    await expect.poll(() => statusOf(page)).toBe(`${fmt(expected.length)} of 1,001 specs`);
    expect(await packagesShown(page)).toEqual(new Set(['hdf5']));
    const hashes = await page
      .getByRole('table', { name: 'Specs' })
      .locator('tbody td.col-hash')
      .allTextContents();
    expect(hashes.sort()).toEqual(expected.map((s) => s.hash.slice(0, 7)).sort());
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('changing filters changes the URL; back and forward walk the views; reload restores', async () => {
    const { page } = await open('');
    await expect.poll(() => statusOf(page)).toBe('1,001 of 1,001 specs');
    const stack = page.getByRole('region', { name: 'Stack' });
    await stack.getByRole('checkbox', { name: /^hep, / }).check();
    const hep = specs.filter((s) => s.stacks.includes('hep')).length;
    await expect.poll(() => statusOf(page)).toBe(`${fmt(hep)} of 1,001 specs`);
    expect(new URL(page.url()).search).toBe('?stack=hep');

    await page.getByRole('searchbox', { name: 'Spec query' }).fill('target=aarch64');
    const hepArm = specs.filter((s) => s.stacks.includes('hep') && s.target === 'aarch64').length;
    await expect.poll(() => statusOf(page)).toBe(`${fmt(hepArm)} of 1,001 specs`);
    await expect.poll(() => new URL(page.url()).search).toBe('?stack=hep&q=target%3Daarch64');

    await page.goBack();
    await expect.poll(() => statusOf(page)).toBe(`${fmt(hep)} of 1,001 specs`);
    await expect.poll(() => page.getByRole('searchbox', { name: 'Spec query' }).inputValue()).toBe('');
    await page.goBack();
    await expect.poll(() => statusOf(page)).toBe('1,001 of 1,001 specs');
    await page.goForward();
    await expect.poll(() => statusOf(page)).toBe(`${fmt(hep)} of 1,001 specs`);

    await page.reload();
    await expect.poll(() => statusOf(page)).toBe(`${fmt(hep)} of 1,001 specs`);
    expect(await stack.getByRole('checkbox', { name: /^hep, / }).isChecked()).toBe(true);
    await page.close();
  });

  it('opens a 2026 cache.spack.io-style link with the same selection', async () => {
    const { page } = await open('?package=cmake&release=develop&stack=e4s');
    const expected = specs.filter((s) => s.pkg === 'cmake' && s.stacks.includes('e4s')).length;
    await expect.poll(() => statusOf(page)).toBe(`${fmt(expected)} of 1,001 specs`);
    expect(await packagesShown(page)).toEqual(new Set(['cmake']));
    await expect
      .poll(() => page.getByRole('region', { name: 'Link notices' }).textContent())
      .toMatch(/newest snapshot, develop-2025-03-30/);
    await page.close();
  });

  it('a link naming many unknown tags keeps the rows in view and still lists every note', async () => {
    const unknown = Array.from(
      { length: 60 },
      (_, i) => `tag=develop-2030-01-${String(i + 1).padStart(2, '0')}`,
    );
    const { page } = await open(`?${unknown.join('&')}`);
    await expect.poll(() => statusOf(page)).toBe('1,001 of 1,001 specs');
    const notices = page.getByRole('region', { name: 'Link notices' });
    const text = (await notices.textContent()) ?? '';
    expect(text).toContain('60 notes');
    for (const part of ['tag=develop-2030-01-01', 'tag=develop-2030-01-60']) expect(text).toContain(part);
    // The notes scroll within their own box instead of pushing the table off the screen.
    const row = await page.getByRole('table', { name: 'Specs' }).locator('tbody tr').first().boundingBox();
    expect(row).not.toBeNull();
    expect((row?.y ?? Infinity) + (row?.height ?? 0)).toBeLessThanOrEqual(900);
    await page.close();
  });

  it('typing never moves the table: the status line keeps its width whatever the count', async () => {
    const { page } = await open('');
    const box = page.getByRole('searchbox', { name: 'Spec query' });
    const header = page.getByRole('table', { name: 'Specs' }).locator('thead');
    const one = specs[0]?.hash ?? '';
    // Counts of three, two and one digits. Each is a query, so the row of filter chips above the table
    // is there for all of them.
    const queries: Array<[string, string]> = [
      ['platform=linux', `${fmt(specs.filter((s) => s.platform === 'linux').length)} of 1,001 specs`],
      ['zlib', `${fmt(specs.filter((s) => s.pkg === 'zlib').length)} of 1,001 specs`],
      [`/${one.slice(0, 7)}`, '1 of 1,001 specs'],
    ];
    const widths = Array.from({ length: 51 }, (_, i) => 900 + i * 10);
    const tops = new Map<number, Set<number>>(widths.map((w) => [w, new Set()]));
    for (const [query, status] of queries) {
      await box.fill(query);
      await expect.poll(() => statusOf(page)).toBe(status);
      // Its chip shows once the query is in the URL, a moment after the rows.
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(query);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        tops.get(width)?.add(Math.round((await header.boundingBox())?.y ?? -1));
      }
    }
    const moved = widths.filter((w) => (tops.get(w)?.size ?? 0) !== 1);
    expect(moved).toEqual([]);
    await page.close();
  });

  it('a garbage URL shows a dismissible notice and a usable app', async () => {
    const { page } = await open('?foo=1&sort=bogus&hash=NOT-A-HASH&%zz=%&view=tables&tag=nope&q=%40');
    await expect.poll(() => statusOf(page)).toBe('1,001 of 1,001 specs');
    const notices = page.getByRole('region', { name: 'Link notices' });
    const text = (await notices.textContent()) ?? '';
    for (const part of ['foo=1', 'sort=bogus', 'hash=NOT-A-HASH', 'view=tables', 'tag=nope', 'q=@']) {
      expect(text).toContain(part);
    }
    await page.getByRole('button', { name: 'Dismiss link notices' }).click();
    expect(await notices.count()).toBe(0);
    await page
      .getByRole('region', { name: 'Package' })
      .getByRole('checkbox', { name: /^python, / })
      .check();
    await expect
      .poll(() => statusOf(page))
      .toBe(`${fmt(specs.filter((s) => s.pkg === 'python').length)} of 1,001 specs`);
    await page.close();
  });

  it('scrolls a spec opened by a link into view, with its detail panel', async () => {
    const last = [...specs]
      .sort((a, b) => (a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : a.hash < b.hash ? -1 : 1))
      .at(-1);
    const { page } = await open(`?hash=${last?.hash.slice(0, 7) ?? ''}`);
    await expect.poll(() => statusOf(page)).toBe('1,001 of 1,001 specs');
    const selected = page.locator('tr[aria-selected="true"]');
    await expect.poll(() => selected.count()).toBe(1);
    expect(await selected.isVisible()).toBe(true);
    expect(await selected.locator('td.col-package').textContent()).toBe(last?.pkg);
    expect(await page.getByRole('complementary', { name: 'Spec details' }).textContent()).toContain(
      last?.hash,
    );
    await page.close();
  });

  it('shows what the Spack indexes add: the compiler from a language-virtual edge and the dependencies', async () => {
    // libdwarf from data/samples/spack-index/spack_spack_v2_layout_signed_build_cache_index.json (db v8).
    const { page, foreign } = await open('?tag=spack-test-indexes&hash=u5uz3dc');
    const panel = page.getByRole('complementary', { name: 'Spec details' });
    await expect
      .poll(() => panel.getByRole('heading', { level: 2 }).textContent())
      .toBe('libdwarf@20130729 /u5uz3dc');
    expect(await panel.locator('dt:text-is("Compiler") + dd').textContent()).toBe('gcc@10.2.1');
    const deps = panel.getByRole('region', { name: 'Dependencies' });
    expect(await deps.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^compiler-wrapper \/qeehcxy/),
      expect.stringMatching(/^gcc \/vd7v4ss.*provides c, cxx/),
      expect.stringMatching(/^gcc-runtime \/izgzpze/),
      expect.stringMatching(/^libelf \/jr3yipy/),
    ]);
    await deps.getByRole('button', { name: 'libelf' }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('hash'))
      .toBe('jr3yipyxyjulcdvckwwwjrrumis7glpa');
    await expect
      .poll(() => panel.getByRole('heading', { level: 2 }).textContent())
      .toBe('libelf@0.8.13 /jr3yipy');
    expect(foreign).toEqual([]);
    await page.close();
  });
});
