// Window state: validated on load, written atomically, clamped to a display that exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  clampBounds,
  DEFAULT_STATE,
  loadShellState,
  parseShellState,
  saveShellState,
} from '../../../electron/main/window-state.js';

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'vpbx-winstate-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('load and save', () => {
  it('round-trips through an atomic write and leaves no temp file', async () => {
    const file = join(dir, 'window-state.json');
    const state = {
      bounds: { x: 100, y: 50, width: 1200, height: 800 },
      maximized: true,
      trayHintShown: true,
    };
    await saveShellState(file, state);
    expect(await loadShellState(file)).toEqual(state);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state);
  });

  it('falls back to defaults for a missing, broken or hostile file', async () => {
    expect(await loadShellState(join(dir, 'missing.json'))).toEqual(DEFAULT_STATE);
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"bounds": {"x": 1');
    expect(await loadShellState(broken)).toEqual(DEFAULT_STATE);
    expect(
      parseShellState({
        bounds: { x: 'a', y: 0, width: 10, height: 10 },
        maximized: 'yes',
        trayHintShown: true,
      }),
    ).toEqual({
      bounds: null,
      maximized: false,
      trayHintShown: true,
    });
    expect(parseShellState({ bounds: { x: 0, y: 0, width: -5, height: 1e9 } }).bounds).toBeNull();
    expect(parseShellState('nonsense')).toEqual(DEFAULT_STATE);
  });
});

describe('clampBounds', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(clampBounds(null, [laptop], laptop)).toEqual({ x: 170, y: 75, width: 1100, height: 720 });
  });

  it('keeps a window that is on a display', () => {
    const b = { x: 1600, y: 100, width: 1200, height: 900 };
    expect(clampBounds(b, [laptop, rightMonitor], laptop)).toEqual(b);
  });

  it('recentres a window whose monitor is gone', () => {
    const b = { x: 1600, y: 100, width: 1200, height: 800 };
    expect(clampBounds(b, [laptop], laptop)).toEqual({ x: 120, y: 35, width: 1200, height: 800 });
  });

  it('pulls a half-visible window inside and shrinks one larger than the display', () => {
    expect(clampBounds({ x: -300, y: -40, width: 1000, height: 700 }, [laptop], laptop)).toEqual({
      x: 0,
      y: 0,
      width: 1000,
      height: 700,
    });
    expect(clampBounds({ x: 10, y: 10, width: 5000, height: 3000 }, [laptop], laptop)).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 870,
    });
  });

  it('treats a window with only a sliver on screen as off-screen', () => {
    const b = { x: 1400, y: 100, width: 800, height: 600 }; // 40 px on the laptop, no other display
    expect(clampBounds(b, [laptop], laptop)).toEqual({ x: 320, y: 135, width: 800, height: 600 });
  });
});
