// The details pane follows the keyboard selection: once the highlighted row has rested for
// FOLLOW_MS, the pane shows that extension (and fetches its call counts). After a pause, so
// arrowing through a long list neither flickers the pane nor asks the PBX about every row passed.
import type { DirectoryState } from './directory.svelte.js';

export const FOLLOW_MS = 400;

/** Call from a component's script (it sets up an effect). `showing`: the details are on screen. */
export function followSelection(dir: DirectoryState, showing: () => boolean): void {
  $effect(() => {
    const ext = dir.activeExtension;
    if (!dir.openId || !ext || ext.id === dir.openId || !showing()) return;
    const timer = setTimeout(() => dir.open(ext), FOLLOW_MS);
    return () => clearTimeout(timer);
  });
}
