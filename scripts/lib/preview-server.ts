import { preview, type PreviewServer } from 'vite';

/** Serve the built app (dist/) on a free loopback port, under a sub-path to prove relative URLs work. */
export async function startPreview(
  base = '/portal/spack/',
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    base,
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'silent',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    close: () => server.close(),
  };
}
