import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/app';
import { COMMIT_DELAY_MS } from '../../../src/app/use-query-draft';
import { decodeViewState } from '../../../src/url/codec';
import { builtSampleData } from '../../helpers/built-data';
import { referencePages, type RefSpec } from '../../helpers/reference-pages';

type Spec = RefSpec & {
  pkg: string;
  stacks: string[];
  variants: string[];
  os: string;
  target: string;
  compiler: string;
};

describe('spec explorer interactions (jsdom, real embedded data)', () => {
  let data: Awaited<ReturnType<typeof builtSampleData>>;
  let specs: Spec[];
  beforeAll(async () => {
    data = await builtSampleData();
    const pages = (await referencePages()).get('develop-2025-03-30') ?? [];
    specs = pages.flatMap((p) => p.specs.map((s) => ({ ...s, pkg: p.pkg }) as Spec));
  });
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    window.localStorage.clear();
  });

  const status = () => screen.getByRole('status').textContent ?? '';
  const expectCount = async (n: number, total = 1001) =>
    expect(
      await screen.findByText(`${n.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} specs`),
    ).toBeInTheDocument();
  const facet = (name: string) => within(screen.getByRole('region', { name }));

  async function start() {
    const user = userEvent.setup();
    render(<App manifestUrl={data.manifestUrl} fetcher={data.fetcher} />);
    await expectCount(1001);
    // Facets are counted in a render after the rows (see useSpecView); wait until every list has its values.
    await waitFor(() =>
      expect(screen.getByRole('navigation', { name: 'Filters' })).not.toHaveTextContent('Counting…'),
    );
    return user;
  }

  it('ORs values within a facet, ANDs across facets, and excludes with NOT', async () => {
    const user = await start();
    await user.click(facet('Stack').getByRole('checkbox', { name: /^e4s, \d/ }));
    const inE4s = specs.filter((s) => s.stacks.includes('e4s'));
    await expectCount(inE4s.length);
    expect(new URLSearchParams(window.location.search).getAll('stack')).toEqual(['e4s']);

    await user.click(facet('Stack').getByRole('checkbox', { name: /^hep, \d/ }));
    const e4sOrHep = specs.filter((s) => s.stacks.includes('e4s') || s.stacks.includes('hep'));
    await expectCount(e4sOrHep.length);

    await user.click(facet('Target').getByRole('checkbox', { name: /^x86_64_v3, \d/ }));
    const andTarget = e4sOrHep.filter((s) => s.target === 'x86_64_v3');
    await expectCount(andTarget.length);

    await user.click(facet('Compiler').getByRole('button', { name: 'Exclude Compiler gcc@11.4.0' }));
    const notGcc = andTarget.filter((s) => s.compiler !== 'gcc@11.4.0');
    await expectCount(notGcc.length);
    expect(window.location.search).toContain('compiler=!gcc@11.4.0');
    expect(screen.getByRole('group', { name: 'Active filters' })).toHaveTextContent(
      'compiler: not gcc@11.4.0',
    );

    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    await expectCount(1001);
    expect(window.location.search).toBe('');
  });

  it('shows, for each value, the count choosing it would give', async () => {
    const user = await start();
    await user.click(facet('OS').getByRole('checkbox', { name: /^ubuntu24\.04, \d/ }));
    const target = facet('Target');
    const aarch64 = specs.filter((s) => s.os === 'ubuntu24.04' && s.target === 'aarch64').length;
    // Counts follow the rows after a paint, so they are waited for.
    expect(
      await target.findByRole('checkbox', { name: new RegExp(`^aarch64, ${aarch64} specs$`) }),
    ).toBeInTheDocument();
    const osCount = specs.filter((s) => s.os === 'ubuntu22.04').length;
    // Choosing another OS would widen the OR: its count ignores the OS facet's own selection.
    expect(
      facet('OS').getByRole('checkbox', {
        name: new RegExp(`^ubuntu22\\.04, ${osCount.toLocaleString('en-US')} specs$`),
      }),
    ).toBeInTheDocument();
  });

  it('filters with a typed spec query, shows a parse error inline, and keeps the last valid result', async () => {
    const user = await start();
    const box = screen.getByRole('searchbox', { name: 'Spec query' });
    await user.type(box, 'hdf5 +mpi');
    const expected = specs.filter((s) => s.pkg === 'hdf5' && s.variants.includes('+mpi')).length;
    await expectCount(expected);
    await user.type(box, ' @');
    expect(await screen.findByRole('alert')).toHaveTextContent(/column 11/);
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(status()).toBe(`${expected} of 1,001 specs`);
    // The URL follows the last valid query after a pause in typing.
    await waitFor(() => expect(decodeViewState(window.location.search).state.q).toBe('hdf5 +mpi'));
  });

  it('shows the typed query as a chip at once, and removing it or clearing all empties the box', async () => {
    const user = await start();
    const box = screen.getByRole('searchbox', { name: 'Spec query' });
    const chips = () => screen.queryByRole('group', { name: 'Active filters' });
    await user.type(box, 'zlib');
    // Before the URL catches up (a pause after the last key), the chips row is already there.
    expect(decodeViewState(window.location.search).state.q).toBe('');
    expect(chips()).toHaveTextContent('query: zlib');
    await expectCount(specs.filter((s) => s.pkg === 'zlib').length);

    await user.click(screen.getByRole('button', { name: 'Remove filter query: zlib' }));
    expect(box).toHaveValue('');
    expect(chips()).not.toBeInTheDocument();
    await expectCount(1001);

    await user.type(box, 'cmake');
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(box).toHaveValue('');
    // Past the pause that commits a typed query: the cleared one must not come back from a timer.
    await new Promise((resolve) => setTimeout(resolve, COMMIT_DELAY_MS + 200));
    expect(box).toHaveValue('');
    expect(decodeViewState(window.location.search).state.q).toBe('');
    await expectCount(1001);
  });

  it('lists first in each row the variants the query and the variant facet ask for', async () => {
    const user = await start();
    // Every row rendered, the overscan's too once the new result is painted (see shownRows).
    const variantTexts = () =>
      screen
        .getAllByRole('cell')
        .filter((c) => c.classList.contains('col-variants'))
        .map((c) => c.textContent);
    await user.type(screen.getByRole('searchbox', { name: 'Spec query' }), 'hdf5 +mpi');
    await expectCount(specs.filter((s) => s.pkg === 'hdf5' && s.variants.includes('+mpi')).length);
    const allLeadWith = (prefix: string) => {
      const texts = variantTexts();
      return texts.length > 0 && texts.every((t) => t?.startsWith(prefix));
    };
    await waitFor(() => expect(allLeadWith('+mpi ')).toBe(true));
    await user.type(facet('Variant').getByRole('searchbox', { name: 'Search Variant' }), 'szip');
    await user.click(facet('Variant').getByRole('checkbox', { name: /^~szip, \d/ }));
    const both = specs.filter(
      (s) => s.pkg === 'hdf5' && s.variants.includes('+mpi') && s.variants.includes('~szip'),
    );
    await expectCount(both.length);
    await waitFor(() => expect(allLeadWith('+mpi ~szip ')).toBe(true));
  });

  it('shows no rows for an empty result and the right ones when the query matches again', async () => {
    const user = await start();
    // A package with fewer specs than a screenful (jsdom's viewport shows 25 rows), so all are rendered.
    const counts = new Map<string, number>();
    for (const s of specs) counts.set(s.pkg, (counts.get(s.pkg) ?? 0) + 1);
    const [pkg, count] = [...counts].find(([, n]) => n >= 3 && n <= 20) ?? ['', 0];
    const box = screen.getByRole('searchbox', { name: 'Spec query' });
    const table = screen.getByRole('table', { name: 'Specs' });
    await user.type(box, `${pkg} +nosuchvariant`);
    await expectCount(0);
    expect(screen.getByText('No specs match these filters.')).toBeInTheDocument();
    // The rows kept for the next result are neither seen by assistive technology nor reachable.
    expect(within(table).getAllByRole('row')).toHaveLength(1);
    expect(table.querySelector('tbody')).toHaveAttribute('inert');
    await user.clear(box);
    await user.type(box, pkg);
    await expectCount(count);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(count);
    for (const row of rows) expect(within(row).getAllByRole('cell')[1]).toHaveTextContent(pkg);
    expect(table.querySelector('tbody')).not.toHaveAttribute('inert');
  });

  it('sorts by a column, versions as versions', async () => {
    const user = await start();
    const header = screen.getByRole('columnheader', { name: /Version/ });
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(new URLSearchParams(window.location.search).get('sort')).toBe('-version');
    const firstRow = screen.getAllByRole('row')[1];
    // 2024-dated abseil-cpp versions are the highest numbers in this tag.
    expect(firstRow).toHaveTextContent('20240722.0');
  });

  it('sorts the rows of each new query, not only the first', async () => {
    const user = await start();
    const header = screen.getByRole('columnheader', { name: /Package/ });
    await user.click(within(header).getByRole('button'));
    await user.click(within(header).getByRole('button'));
    const counts = new Map<string, number>();
    for (const s of specs) counts.set(s.pkg, (counts.get(s.pkg) ?? 0) + 1);
    const box = screen.getByRole('searchbox', { name: 'Spec query' });
    // Two packages of fewer specs than a screenful, so every sorted row is rendered.
    const small = [...counts].filter(([, n]) => n >= 3 && n <= 20).slice(0, 2);
    for (const [pkg, count] of small) {
      await user.clear(box);
      await user.type(box, pkg);
      await expectCount(count);
      const rows = screen.getAllByRole('row').slice(1);
      expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual(
        Array.from({ length: count }, () => pkg),
      );
    }
    expect(small).toHaveLength(2);
  });

  it('switches to the package summary and back into one package', async () => {
    const user = await start();
    await user.click(screen.getByRole('button', { name: 'Packages' }));
    const table = screen.getByRole('table', { name: 'Packages' });
    expect(within(table).getAllByRole('row')).toHaveLength(96 + 1);
    expect(status()).toBe('1,001 of 1,001 specs in 96 packages');
    await user.click(within(table).getByRole('button', { name: 'python' }));
    await expectCount(specs.filter((s) => s.pkg === 'python').length);
    expect(screen.getByRole('table', { name: 'Specs' })).toBeInTheDocument();
  });

  it('moves between rows with the keyboard and selects one into the URL', async () => {
    const user = await start();
    const rows = screen.getAllByRole('row');
    // Focus moves into the table body, which the table notes (it keeps a focused row mounted).
    act(() => rows[1]?.focus());
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    const selected = screen.getAllByRole('row').find((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected).toBeDefined();
    expect(selected).toHaveAttribute('aria-rowindex', '4');
    expect(new URLSearchParams(window.location.search).get('hash')).toMatch(/^[a-z2-7]{32}$/);
  });

  it('loads several tags at once, with a tag column and the tags in the URL', async () => {
    const user = await start();
    await user.click(facet('Tags loaded').getByRole('checkbox', { name: /^v0\.23\.0, / }));
    await expectCount(1001 + 132, 1001 + 132);
    expect(decodeViewState(window.location.search).state.tags).toEqual(['develop-2025-03-30', 'v0.23.0']);
    expect(screen.getByRole('columnheader', { name: 'Tag' })).toBeInTheDocument();
    await user.click(facet('Tags loaded').getByRole('checkbox', { name: /^develop-2025-03-30, / }));
    await expectCount(132, 132);
    expect(screen.queryByRole('columnheader', { name: 'Tag' })).not.toBeInTheDocument();
  });

  it('shows and hides columns on request and remembers the choice', async () => {
    const user = await start();
    expect(screen.queryByRole('columnheader', { name: 'Platform' })).not.toBeInTheDocument();
    await user.click(screen.getByText('Columns'));
    await user.click(screen.getByRole('checkbox', { name: 'Platform' }));
    await user.click(screen.getByRole('checkbox', { name: 'OS' }));
    expect(screen.getByRole('columnheader', { name: 'Platform' })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'OS' })).not.toBeInTheDocument();
    // Only the columns chosen are stored; the rest keep following their defaults.
    expect(JSON.parse(window.localStorage.getItem('spack-cache-explorer.columns') ?? '{}')).toEqual({
      platform: true,
      os: false,
    });
  });

  it('commits to the URL without disturbing what is being typed', async () => {
    const user = await start();
    const box = screen.getByRole('searchbox', { name: 'Spec query' });
    await user.type(box, 'hdf5 ');
    await waitFor(() => expect(decodeViewState(window.location.search).state.q).toBe('hdf5'));
    expect(box).toHaveValue('hdf5 ');
    await user.type(box, '+mpi');
    await waitFor(() => expect(decodeViewState(window.location.search).state.q).toBe('hdf5 +mpi'));
    window.history.back();
    await waitFor(() => expect(box).toHaveValue('hdf5'));
  });
});
