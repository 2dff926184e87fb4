// The app:// protocol: serves the bundle with the CSP, and nothing outside it.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electron, resetElectronMock } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const { createBundleHandler, registerAppScheme, resolveBundlePath, serveBundle } =
  await import('../../../electron/main/protocol.js');
const { CSP } = await import('../../../electron/main/security.js');

let dir: string;
let root: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vpbx-protocol-'));
  root = join(dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'top secret');
  await writeFile(join(dir, 'renderer-evil.txt'), 'sibling');
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(resetElectronMock);

const get = (url: string, method = 'GET') => createBundleHandler(root)(new Request(url, { method }));

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme and installs the handler', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    serveBundle(root);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves files with their type and the CSP header', async () => {
    const res = await get('app://bundle/index.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>app</title>');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    const js = await get('app://bundle/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('content-security-policy')).toBe(CSP);
    expect((await get('app://bundle/')).status).toBe(200);
  });

  it.each([
    'app://bundle/..%2fsecret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/%2e%2e%2frenderer-evil.txt',
    'app://bundle/index.html%00.png',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s with 404 and still sends the CSP', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/secret|sibling/);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
  });

  it('answers 404 for a missing file and 405 for other methods', async () => {
    expect((await get('app://bundle/nope.js')).status).toBe(404);
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
  });

  it('resolves paths only below the root', () => {
    expect(resolveBundlePath(root, 'app://bundle/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveBundlePath(root, 'app://bundle/..%2f..%2fetc/passwd')).toBeNull();
  });
});
