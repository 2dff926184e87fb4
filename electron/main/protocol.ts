// Serves the renderer bundle on app://bundle/ instead of file://. file: pages share one origin
// with every file on disk and get extra privileges; a privileged standard scheme gives the
// renderer a real origin of its own, and each response carries the strict CSP. Only files below
// the bundle folder are served: a crafted path (../, %2e%2e, %2f, NUL) gets 404.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CSP } from './security.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

/** Must run before app 'ready': Chromium reads the scheme list at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The file below `root` that `url` names, or null when the URL leaves the bundle. */
export function resolveBundlePath(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  rel = rel.replace(/^\/+/, '') || 'index.html';
  const base = normalize(root);
  const file = normalize(join(base, rel));
  return file.startsWith(base.endsWith(sep) ? base : base + sep) ? file : null;
}

function respond(status: number, body: ConstructorParameters<typeof Response>[0], type: string): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': type,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}

export function createBundleHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return respond(405, 'method not allowed', 'text/plain');
    const file = resolveBundlePath(root, request.url);
    if (!file) return respond(404, 'not found', 'text/plain');
    try {
      const body = await readFile(file);
      return respond(200, body, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      return respond(404, 'not found', 'text/plain');
    }
  };
}

/** Installs the handler on the default session (call after app 'ready'). */
export function serveBundle(root: string): void {
  protocol.handle(APP_SCHEME, createBundleHandler(root));
}
