import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/app';
import type { Fetcher } from '../../../src/data/load';
import { SCHEMA_VERSION } from '../../../src/data/schema';
import { builtSampleData } from '../../helpers/built-data';

describe('App on the embedded real data', () => {
  let data: Awaited<ReturnType<typeof builtSampleData>>;
  beforeAll(async () => {
    data = await builtSampleData();
  });
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('shows the newest tag with its spec count, then the tag picked, and puts it in the URL', async () => {
    render(<App manifestUrl={data.manifestUrl} fetcher={data.fetcher} />);
    expect(await screen.findByText('1,001 of 1,001 specs')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1,001 of 1,001 specs');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'v0.23.0');
    expect(await screen.findByText('132 of 132 specs')).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('tag')).toBe('v0.23.0');
    const table = screen.getByRole('table');
    // No platform column by default (the OS names it), and no size column: every size in this data is "-".
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Hash', 'Package', 'Version', 'Compiler', 'OS', 'Target', 'Variants', 'Stacks']);
    expect(within(table).getAllByRole('cell', { name: 'adiak' }).length).toBeGreaterThan(0);
  });

  it('shows source values sensibly: compiler none as "no compiler", size - as "unknown"', async () => {
    render(<App manifestUrl={data.manifestUrl} fetcher={data.fetcher} />);
    await screen.findByText('1,001 of 1,001 specs');
    expect(screen.getAllByText('no compiler').length).toBeGreaterThan(0);
    expect(screen.queryByText('unknown')).not.toBeInTheDocument();
    await userEvent.click(screen.getByText('Columns'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Size' }));
    expect(screen.getAllByText('unknown').length).toBeGreaterThan(0);
    expect(screen.queryByText('none')).not.toBeInTheDocument();
  });

  it('names the file that failed and retries', async () => {
    let fail = true;
    const flaky: Fetcher = (url, init) =>
      fail && url.includes('/shards/')
        ? Promise.resolve(new Response('gone', { status: 500, statusText: 'Internal Server Error' }))
        : data.fetcher(url, init);
    render(<App manifestUrl={data.manifestUrl} fetcher={flaky} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Could not load the tag develop-2025-03-30/);
    expect(alert).toHaveTextContent(
      /shards\/develop-2025-03-30\.0\.[0-9a-f]{12}\.json: the server answered 500/,
    );
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('1,001 of 1,001 specs')).toBeInTheDocument();
  });

  it('says clearly when the data is of a newer format', async () => {
    const newer: Fetcher = async (url, init) => {
      if (!url.endsWith('index.json')) return data.fetcher(url, init);
      const json = await (await data.fetcher(url, init)).json();
      return new Response(JSON.stringify({ ...json, schemaVersion: 99 }));
    };
    render(<App manifestUrl={data.manifestUrl} fetcher={newer} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      new RegExp(`version 99, newer than this app reads \\(${SCHEMA_VERSION}\\)`),
    );
  });

  it('shows how much of a tag has arrived while it loads', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Fetcher = async (url, init) => {
      const response = await data.fetcher(url, init);
      if (!url.includes('/shards/')) return response;
      const bytes = new Uint8Array(await response.arrayBuffer());
      let sent = false;
      // Half the shard, then wait: the panel must show the bytes so far.
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!sent) {
            sent = true;
            controller.enqueue(bytes.slice(0, bytes.length >> 1));
            return;
          }
          await gate;
          controller.enqueue(bytes.slice(bytes.length >> 1));
          controller.close();
        },
      });
      return new Response(body);
    };
    render(<App manifestUrl={data.manifestUrl} fetcher={slow} />);
    const bar = await screen.findByRole('progressbar', { name: 'Loading tag develop-2025-03-30' });
    await waitFor(() => expect(Number(bar.getAttribute('value'))).toBeGreaterThan(0));
    expect(Number(bar.getAttribute('value'))).toBeLessThan(Number(bar.getAttribute('max')));
    release();
    expect(await screen.findByText('1,001 of 1,001 specs')).toBeInTheDocument();
  });

  it('shows the newest tag asked for while the others still load, then all of them', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowOld: Fetcher = async (url, init) => {
      if (url.includes('/shards/v0.23.0')) await gate;
      return data.fetcher(url, init);
    };
    window.history.replaceState(null, '', '/?tag=v0.23.0&tag=develop-2025-03-30&hash=aaaaaaaaaa');
    render(<App manifestUrl={data.manifestUrl} fetcher={slowOld} />);
    const status = screen.getByRole('status');
    await waitFor(() =>
      expect(status).toHaveTextContent('1,001 of 1,001 specs in develop-2025-03-30 · 1 more tag loading…'),
    );
    expect(screen.getByRole('progressbar', { name: 'Loading 1 more tag' })).toBeInTheDocument();
    // The tag still loading shows its size from the manifest, never a count of 0.
    expect(screen.getByRole('checkbox', { name: 'v0.23.0, 132 specs' })).toBeChecked();
    const panel = screen.getByRole('complementary', { name: 'Spec details' });
    expect(panel).toHaveTextContent('the other tags are still loading');
    // An export now holds the loaded tag's rows only, and its file says which tag that is.
    const downloads: string[] = [];
    // jsdom has no object URLs; the download's file name is what is checked.
    class TestURL extends URL {
      static override createObjectURL = () => 'blob:x';
      static override revokeObjectURL = () => undefined;
    }
    vi.stubGlobal('URL', TestURL);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(downloads).toEqual(['spack-specs-develop-2025-03-30.csv']);
    // The rows are there and can be filtered while the other tag loads.
    await userEvent.type(screen.getByRole('searchbox', { name: 'Spec query' }), 'adiak');
    await waitFor(() => expect(status).toHaveTextContent(/^\d+ of 1,001 specs in develop-2025-03-30/));
    release();
    await waitFor(() => expect(status).toHaveTextContent(/^\d+ of 1,133 specs$/));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(panel).toHaveTextContent('No loaded spec has this hash');
  });

  it('says how many tags the picker stands for when several are shown, and picks one alone', async () => {
    window.history.replaceState(null, '', '/?tag=v0.23.0&tag=develop-2025-03-30');
    render(<App manifestUrl={data.manifestUrl} fetcher={data.fetcher} />);
    expect(await screen.findByText('1,133 of 1,133 specs')).toBeInTheDocument();
    const picker = screen.getByRole('combobox', { name: 'Tag' });
    expect(picker).toHaveDisplayValue('2 tags (see Tags loaded)');
    await userEvent.selectOptions(picker, 'v0.23.0');
    expect(await screen.findByText('132 of 132 specs')).toBeInTheDocument();
    expect(picker).toHaveDisplayValue(/^v0\.23\.0 /);
    expect(new URLSearchParams(window.location.search).getAll('tag')).toEqual(['v0.23.0']);
  });
});
