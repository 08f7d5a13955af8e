// The built web app (web/dist) on the API's origin: its files, and index.html for every other
// address without a file extension, so the app's own routes (/children/…) load on a refresh.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

// The app runs only its own scripts and styles and talks only to its own origin.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const NOT_BUILT = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Wraparound</title></head>
<body><h1>Wraparound</h1><p>The web app has not been built. Run <code>pnpm --filter @wraparound/web build</code>
(<code>npm start</code> does it for you). The API is at <a href="/graphql">/graphql</a>.</p></body></html>`;

// Served in development for debugging; production serves neither the source maps nor the list
// of operations (an attacker's map of the API).
const DEVELOPMENT_ONLY = (pathname: string) => pathname.endsWith('.map') || pathname === '/persisted-operations.json';

export function createWebAppHandler(distDir: string, options: { production: boolean } = { production: false }) {
  const root = path.resolve(distDir);
  const index = path.join(root, 'index.html');

  function send(res: ServerResponse, file: string, method: string) {
    const immutable = file.startsWith(path.join(root, 'assets') + path.sep);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      // Built assets have content hashes in their names; index.html must always be fresh.
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Method not allowed');
      return;
    }
    if (!existsSync(index)) {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' }).end(NOT_BUILT);
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
      return;
    }
    if (options.production && DEVELOPMENT_ONLY(pathname)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const file = path.resolve(root, `.${pathname}`);
    const inside = file.startsWith(root + path.sep);
    if (inside && existsSync(file) && statSync(file).isFile()) return send(res, file, method);
    // An app route (no extension) gets the app; a missing file is a 404, not the app.
    if (path.extname(pathname) === '') return send(res, index, method);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  };
}

/** The web app's persisted operations, hash to document, from the build; null when not built. */
export function loadPersistedOperations(distDir: string): Map<string, string> | null {
  const file = path.join(distDir, 'persisted-operations.json');
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return new Map(Object.entries(manifest));
}
