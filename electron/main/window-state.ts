// The shell's own small memory in <userData>/window-state.json: the window's size and position
// and whether the "still running in the tray" hint was shown. Written atomically; on restore the
// file is validated and the bounds are clamped to a display that exists now (a monitor may have
// been unplugged since), so the window never opens off-screen.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/store/atomic-file.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const RectSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});

const ShellStateSchema = z.object({
  bounds: RectSchema.nullable().catch(null),
  maximized: z.boolean().catch(false),
  trayHintShown: z.boolean().catch(false),
});
export type ShellState = z.infer<typeof ShellStateSchema>;

export const DEFAULT_STATE: ShellState = { bounds: null, maximized: false, trayHintShown: false };
export const DEFAULT_SIZE = { width: 1100, height: 720 };
export const MIN_SIZE = { width: 640, height: 480 };
/** How much of the window must lie on a display for the saved position to be kept. */
const MIN_VISIBLE = 80;

export function parseShellState(raw: unknown): ShellState {
  const parsed = ShellStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ...DEFAULT_STATE };
}

export async function loadShellState(file: string): Promise<ShellState> {
  try {
    return parseShellState(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return { ...DEFAULT_STATE };
  }
}

export async function saveShellState(file: string, state: ShellState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  return {
    w: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    h: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Saved bounds made safe for the displays present now: size capped to the chosen display's
 * work area, position kept when enough of the window is visible, else centred on `primary`.
 */
export function clampBounds(saved: Rect | null, workAreas: Rect[], primary: Rect): Rect {
  const fits = (area: Rect, w: number, h: number) => ({
    width: Math.max(Math.min(w, area.width), Math.min(MIN_SIZE.width, area.width)),
    height: Math.max(Math.min(h, area.height), Math.min(MIN_SIZE.height, area.height)),
  });
  const centred = (area: Rect, w: number, h: number): Rect => {
    const size = fits(area, w, h);
    return {
      x: Math.round(area.x + (area.width - size.width) / 2),
      y: Math.round(area.y + (area.height - size.height) / 2),
      ...size,
    };
  };
  if (!saved) return centred(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height);
  const home = workAreas.find((area) => {
    const o = overlap(saved, area);
    return o.w >= MIN_VISIBLE && o.h >= MIN_VISIBLE;
  });
  if (!home) return centred(primary, saved.width, saved.height);
  const size = fits(home, saved.width, saved.height);
  // Pull the window fully inside the display it is mostly on, title bar included.
  const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - size.width);
  const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - size.height);
  return { x, y, ...size };
}
