import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/app';
import { decodeViewState } from '../../../src/url/codec';
import { builtSampleData } from '../../helpers/built-data';

// Hashes from data/samples/spack-index/spack_spack_v2_layout_signed_build_cache_index.json.
const LIBDWARF = 'u5uz3dcch5if4eve4sef67o2rf2lbfgh';
const LIBELF = 'jr3yipyxyjulcdvckwwwjrrumis7glpa';
const GCC_NOT_IN_CACHE = 'vd7v4ssgnoqdplgxyig3orum67n4vmhq';

describe('spec detail panel (jsdom, embedded data with Spack indexes)', () => {
  let data: Awaited<ReturnType<typeof builtSampleData>>;
  beforeAll(async () => {
    data = await builtSampleData();
  });
  beforeEach(() => window.history.replaceState(null, '', '/'));
  afterEach(() => vi.unstubAllGlobals());

  it('opens from a link with a hash and shows the spec, its compiler and its dependencies', async () => {
    window.history.replaceState(null, '', `/?tag=spack-test-indexes&hash=${LIBDWARF.slice(0, 7)}`);
    render(<App manifestUrl={data.manifestUrl} fetcher={data.fetcher} />);
    const panel = await screen.findByRole('complementary', { name: 'Spec details' });
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent(
      `libdwarf@20130729 /${LIBDWARF.slice(0, 7)}`,
    );
    expect(panel).toHaveTextContent(LIBDWARF);
    expect(panel).toHaveTextContent(`spack install /${LIBDWARF}`);
    expect(panel).toHaveTextContent('gcc@10.2.1');
    // The spec as Spack writes it, and a button that copies exactly that.
    const spec = within(panel).getByText(/^libdwarf@20130729/, { selector: 'pre' });
    expect(spec).toHaveTextContent(
      /^libdwarf@20130729 build_system=generic arch=test-debian6-m1 %gcc@10\.2\.1$/,
    );
    const writeText = vi.fn((text: string) => Promise.resolve(void text));
    vi.stubGlobal('isSecureContext', true);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await userEvent.click(within(panel).getByRole('button', { name: 'Copy spec' }));
    expect(writeText).toHaveBeenCalledWith(spec.textContent);
    const deps = within(panel).getByRole('region', { name: 'Dependencies' });
    expect(
      within(deps)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(/^compiler-wrapper \/qeehcxy/),
      expect.stringMatching(/^gcc \/vd7v4ss.*provides c, cxx/),
      expect.stringMatching(/^gcc-runtime \/izgzpze/),
      expect.stringMatching(/^libelf \/jr3yipy/),
    ]);
    // gcc is in the index but not in the build cache: listed, not a link into the table.
    expect(within(deps).queryByRole('button', { name: 'gcc' })).not.toBeInTheDocument();
    expect(GCC_NOT_IN_CACHE.startsWith('vd7v4ss')).toBe(true);
  });

  it('follows a dependency and closes, keeping the URL in step', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', `/?tag=spack-test-indexes&hash=${LIBDWARF}`);
    render(<App manifestUrl={data.manifestUrl} fetcher={data.fetcher} />);
    const panel = await screen.findByRole('complementary', { name: 'Spec details' });
    await user.click(within(panel).getByRole('button', { name: 'libelf' }));
    expect(decodeViewState(window.location.search).state.hash).toBe(LIBELF);
    expect(screen.getByRole('complementary', { name: 'Spec details' })).toHaveTextContent('libelf@0.8.13');
    await user.click(screen.getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('complementary', { name: 'Spec details' })).not.toBeInTheDocument();
    expect(decodeViewState(window.location.search).state.hash).toBeNull();
  });

  it('lets a long run of variant flags wrap between variants, its text unchanged', async () => {
    window.history.replaceState(null, '', '/?tag=develop-2025-03-30&hash=5f5dksj');
    render(<App manifestUrl={data.manifestUrl} fetcher={data.fetcher} />);
    const panel = await screen.findByRole('complementary', { name: 'Spec details' });
    const spec = within(panel).getByText(/^hdf5@1\.14\.6/, { selector: 'pre' });
    expect(spec).toHaveTextContent(
      /^hdf5@1\.14\.6~cxx~fortran\+hl~ipo~java~map\+mpi\+shared~subfiling~szip~threadsafe\+tools api=default /,
    );
    // One break opportunity before each of its 12 flags.
    expect(spec.querySelectorAll('wbr')).toHaveLength(12);
  });

  it('opens when a row is clicked and says so when a hash is not loaded', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?hash=aaaaaaaaaa');
    render(<App manifestUrl={data.manifestUrl} fetcher={data.fetcher} />);
    const panel = await screen.findByRole('complementary', { name: 'Spec details' });
    expect(panel).toHaveTextContent('No loaded spec has this hash');
    const firstRow = screen.getAllByRole('row')[1];
    if (!firstRow) throw new Error('no rows');
    await user.click(within(firstRow).getAllByRole('cell')[1] ?? firstRow);
    expect(screen.getByRole('complementary', { name: 'Spec details' })).toHaveTextContent(
      'abseil-cpp@20240722.0',
    );
  });
});
