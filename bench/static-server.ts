import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

/** URL prefix → folder; the first matching prefix wins, so list longer prefixes first. */
export interface Mount {
  prefix: string;
  dir: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/**
 * A tiny static file server on 127.0.0.1, no compression and no caching headers: it serves the built
 * app with another dataset under its `data/`, and the DataTables page with files from node_modules.
 */
export async function serveStatic(
  mounts: readonly Mount[],
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    const mount = mounts.find((m) => pathname.startsWith(m.prefix));
    const send = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(text);
    };
    if (!mount) return send(404, 'not found');
    const root = path.resolve(mount.dir);
    let file = path.join(root, pathname.slice(mount.prefix.length));
    if (!file.startsWith(root)) return send(403, 'forbidden');
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    stat(file).then(
      (info) => {
        if (!info.isFile()) return send(404, 'not found');
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-length': info.size,
          'cache-control': 'no-store',
        });
        createReadStream(file).pipe(res);
        return undefined;
      },
      () => send(404, 'not found'),
    );
    return undefined;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
