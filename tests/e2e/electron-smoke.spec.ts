// The real desktop app under Playwright's Electron driver: the first window opens on
// app://bundle, the directory renders on the embedded demo PBX, the bridge is there and Node is
// not, and the tray exists. Runs wherever an Electron binary is installed; elsewhere (our build
// machines cannot download it) it is skipped with the reason printed.
import { test, expect, _electron as electron } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function electronBinary(): string | null {
  try {
    return (
      execFileSync(process.execPath, ['scripts/electron-binary.mjs'], { encoding: 'utf8' }).trim() || null
    );
  } catch {
    return null;
  }
}

function skipReason(exe: string | null): string | null {
  if (!exe)
    return 'no Electron binary installed (node scripts/electron-binary.mjs found none; it cannot be downloaded here)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'no display for Electron (run under xvfb-run to include this test)';
  if (!existsSync('dist-electron/main.cjs') || !existsSync('dist/renderer/index.html'))
    return 'the app is not built (run node scripts/build.mjs)';
  return null;
}

test('desktop app opens, shows the demo directory and has a tray', async () => {
  const exe = electronBinary();
  const reason = skipReason(exe);
  if (reason) console.log(`electron-smoke skipped: ${reason}`);
  test.skip(reason !== null, reason ?? '');

  const dataDir = await mkdtemp(join(tmpdir(), 'vpbx-electron-'));
  const app = await electron.launch({
    executablePath: exe!,
    args: ['.'],
    env: { ...process.env, VPBX_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://bundle/index.html');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => typeof (globalThis as unknown as { vpbx?: unknown }).vpbx)).toBe(
      'object',
    );

    await page.getByRole('button', { name: 'Try the demo PBX' }).click();
    const list = page.getByRole('listbox', { name: 'Extensions' });
    await expect(list.getByRole('option').first()).toBeVisible({ timeout: 20_000 });

    // With a tray, closing the window hides it and the app keeps running.
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    const alive = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({ destroyed: w.isDestroyed(), visible: w.isVisible() })),
    );
    expect(alive).toEqual([{ destroyed: false, visible: false }]);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
