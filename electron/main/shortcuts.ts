// The global shortcut that brings the directory up with the search focused, from anywhere.
// Registering can fail (another app owns the combination, or the accelerator is malformed):
// the app then runs without it and says why in the log.
import { globalShortcut } from 'electron';

export const DEFAULT_SHORTCUT = 'CommandOrControl+Alt+D';

let current: string | null = null;

/** Replaces the registered shortcut; an empty accelerator turns it off. True when registered. */
export function applyGlobalShortcut(
  accelerator: string,
  action: () => void,
  log: (msg: string, err: unknown) => void = () => {},
): boolean {
  if (current) globalShortcut.unregister(current);
  current = null;
  if (!accelerator.trim()) return false;
  try {
    if (!globalShortcut.register(accelerator, action)) {
      log(`global shortcut ${accelerator} is taken by another application`, null);
      return false;
    }
  } catch (err) {
    log(`global shortcut ${accelerator} is not a valid accelerator`, err);
    return false;
  }
  current = accelerator;
  return true;
}

export function releaseGlobalShortcuts(): void {
  globalShortcut.unregisterAll();
  current = null;
}
