// The entry point: single instance (a second launch is handed to the running one), and the
// app:// scheme registered before 'ready'.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './electron-mock.js';
import type * as ElectronMock from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const { startShell } = vi.hoisted(() => ({ startShell: vi.fn() }));
vi.mock('../../../electron/main/shell.js', () => ({ startShell }));

type Electron = (typeof ElectronMock)['electron'];

/** Loads the entry point afresh (it acts on import), with the mock set up by `setup`. */
async function loadEntry(setup: (e: Electron) => void = () => {}): Promise<Electron> {
  vi.resetModules();
  // The instance the entry point will see: the mocked 'electron' itself.
  const electron = (await import('electron')) as unknown as Electron;
  electron.__reset();
  setup(electron);
  await import('../../../electron/main/index.js');
  return electron;
}
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => startShell.mockReset());

describe('single instance', () => {
  it('a second launch quits at once, before starting anything', async () => {
    const electron = await loadEntry((e) => e.app.requestSingleInstanceLock.mockReturnValue(false));
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.app.listenerCount('second-instance')).toBe(0);
  });

  it('the first instance registers the scheme, starts the shell and hands later launches to it', async () => {
    const handleLaunch = vi.fn();
    startShell.mockResolvedValue({ handleLaunch });
    let ready!: () => void;
    const electron = await loadEntry((e) =>
      e.app.whenReady.mockReturnValue(new Promise<void>((r) => (ready = r))),
    );
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    // A launch that arrives while starting up is kept and replayed.
    electron.app.emit('second-instance', {}, ['/opt/app', 'tel:201'], '/');
    ready();
    await flush();
    expect(startShell).toHaveBeenCalledTimes(1);
    const [paths, opts] = startShell.mock.calls[0] as [Record<string, string>, { startHidden: boolean }];
    expect(paths.preload).toMatch(/preload\.cjs$/);
    expect(paths.rendererRoot).toMatch(/dist[\\/]renderer$/);
    expect(opts.startHidden).toBe(false);
    expect(handleLaunch).toHaveBeenCalledWith(['/opt/app', 'tel:201']);
    electron.app.emit('second-instance', {}, ['/opt/app', '--search=Anna'], '/');
    expect(handleLaunch).toHaveBeenLastCalledWith(['/opt/app', '--search=Anna']);
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('exits with an error when the shell cannot start', async () => {
    const failure = Object.assign(Promise.reject(new Error('no display')), {});
    failure.catch(() => undefined);
    const electron = await loadEntry((e) => e.app.whenReady.mockReturnValue(failure as never));
    await flush();
    expect(startShell).not.toHaveBeenCalled();
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });
});

describe('navigation guards', () => {
  it('every web contents the app gets is guarded before it loads anything', async () => {
    const electron = await loadEntry();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview'])
      expect(contents.listenerCount(event), event).toBe(1);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });
});
