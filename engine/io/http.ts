// HTTP side of the app: /health, /metrics, and the portal's static files (read once at start, served from memory;
// Preact and htm come straight from node_modules as ES modules, no build step). Every reply is synchronous and one
// corked `end` of a buffer this module holds for the process's life; uWS copies what the socket cannot take yet.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { guardAbort } from './http-abort.ts';
import { portalPolicy, refuseOtherMethods, writeSecurityHeaders } from './http-security.ts';

type App = import('uWebSockets.js').TemplatedApp;

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
/** Portal files are small; anything bigger is a mistake in the portal folder. */
const STATIC_FILE_BYTES_MAX = 2 * 1024 * 1024;

const require = createRequire(import.meta.url);
const VENDOR: Record<string, [string, string]> = {
  '/vendor/preact.mjs': ['preact', 'dist/preact.module.js'],
  '/vendor/preact-hooks.mjs': ['preact', 'hooks/dist/hooks.module.js'],
  '/vendor/htm.mjs': ['htm', 'dist/htm.module.js'],
};

/** A file inside a package, found from its package.json (the packages' `exports` hide their dist files). */
function packageFile(pkg: string, file: string): string {
  let dir = path.dirname(require.resolve(pkg));
  while (!isPackageRoot(dir, pkg)) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package root of ${pkg} not found`);
    dir = up;
  }
  return path.join(dir, file);
}

function isPackageRoot(dir: string, pkg: string): boolean {
  const manifest = path.join(dir, 'package.json');
  return fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === pkg;
}

export function loadStaticFiles(portalDir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full, `${prefix}${entry.name}/`);
        continue;
      }
      const body = fs.readFileSync(full);
      if (body.length > STATIC_FILE_BYTES_MAX) throw new Error(`portal file too big: ${prefix}${entry.name}`);
      files.set(`/${prefix}${entry.name}`, {
        body,
        contentType: CONTENT_TYPES[path.extname(entry.name)] ?? 'application/octet-stream',
      });
    }
  };
  if (fs.existsSync(portalDir)) walk(portalDir, '');
  for (const [url, [pkg, file]] of Object.entries(VENDOR)) {
    files.set(url, { body: fs.readFileSync(packageFile(pkg, file)), contentType: CONTENT_TYPES['.js'] });
  }
  const index = files.get('/index.html');
  if (index !== undefined) files.set('/', index);
  return files;
}

export interface HttpSources {
  health: unknown;
  metrics: () => string;
}

export function serveHttp(
  app: App,
  files: Map<string, StaticFile>,
  sources: () => HttpSources,
  nodeUrls: readonly string[] = [],
): void {
  const policy = portalPolicy(files.get('/index.html')?.body.toString('utf8'), nodeUrls);
  app.get('/health', (res) => {
    guardAbort(res);
    res.cork(() =>
      writeSecurityHeaders(res).writeHeader('content-type', 'application/json').end(JSON.stringify(sources().health)),
    );
  });
  app.get('/metrics', (res) => {
    guardAbort(res);
    res.cork(() =>
      writeSecurityHeaders(res).writeHeader('content-type', 'text/plain; version=0.0.4').end(sources().metrics()),
    );
  });
  app.get('/*', (res, req) => {
    guardAbort(res);
    const file = files.get(req.getUrl());
    res.cork(() => {
      if (file === undefined) {
        writeSecurityHeaders(res.writeStatus('404 Not Found'), policy)
          .writeHeader('content-type', 'text/plain')
          .end('not found');
        return;
      }
      writeSecurityHeaders(res, policy)
        .writeHeader('content-type', file.contentType)
        .writeHeader('cache-control', 'no-cache')
        .end(file.body);
    });
  });
  for (const pattern of ['/health', '/metrics', '/*']) refuseOtherMethods(app, pattern, 'GET');
}
