// What a global shortcut may be: an Electron accelerator (modifiers joined by +, then one key),
// or empty for none. Its own module so the renderer can check input without bundling zod (whose
// schema compiler probes for eval, which our CSP forbids).
//
// Electron's globalShortcut takes its keys away from every other application on the desktop, so
// a shortcut the user (or a script in the window) picks could silently break copy and paste,
// closing windows or switching virtual terminals everywhere. Hence a policy on top of the syntax:
// a function key (F1–F24, alone or with modifiers), or at least two different modifiers, one of
// them Ctrl, Alt or Super; and never one of the well-known editing or system combinations below.

const MODIFIERS = 'CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta';
const KEYS =
  '[A-Za-z0-9]|F(?:[1-9]|1[0-9]|2[0-4])|Space|Up|Down|Left|Right|Home|End|PageUp|PageDown|Insert|Delete';

/** The syntax alone (the contract's schema checks it; shortcutProblem adds the policy). */
export const ACCELERATOR = new RegExp(`^$|^((${MODIFIERS})\\+){0,4}(${KEYS})$`);

type Mod = 'ctrl' | 'alt' | 'shift' | 'super';

const MOD_OF: Record<string, Mod> = {
  commandorcontrol: 'ctrl',
  cmdorctrl: 'ctrl',
  control: 'ctrl',
  ctrl: 'ctrl',
  command: 'super',
  cmd: 'super',
  super: 'super',
  meta: 'super',
  alt: 'alt',
  option: 'alt',
  altgr: 'alt',
  shift: 'shift',
};

const ORDER: Mod[] = ['ctrl', 'alt', 'shift', 'super'];

/** Combinations other programs or the desktop own (normalised: modifiers in ORDER, key upper). */
const RESERVED = new Set<string>([
  // Editing in every application, with Ctrl (CommandOrControl) or Cmd.
  ...['ctrl', 'super'].flatMap((m) =>
    ['C', 'V', 'X', 'Z', 'Y', 'A', 'T', 'N', 'W', 'Q', 'I'].map((k) => `${m}+shift+${k}`),
  ),
  // Closing windows and tabs, desktop run/activities dialogs.
  'alt+F4',
  'ctrl+F4',
  'alt+F1',
  'alt+F2',
  'shift+F10',
  // Linux: log-in screen, terminal, lock, workspaces; the secure attention sequence.
  'ctrl+alt+DELETE',
  'ctrl+alt+T',
  'ctrl+alt+L',
  ...['LEFT', 'RIGHT', 'UP', 'DOWN'].map((k) => `ctrl+alt+${k}`),
  // Linux: switching to a virtual terminal.
  ...Array.from({ length: 12 }, (_, i) => `ctrl+alt+F${i + 1}`),
  // macOS: lock screen, screenshots, hide the Dock.
  'ctrl+super+Q',
  'shift+super+3',
  'shift+super+4',
  'shift+super+5',
  'alt+super+D',
]);

export type ShortcutIssue = 'syntax' | 'duplicate' | 'modifiers' | 'reserved';

/** Null when `accelerator` may be the global shortcut; else which rule it breaks. */
export function shortcutIssue(accelerator: string): ShortcutIssue | null {
  const text = accelerator.trim();
  if (text === '') return null;
  if (!ACCELERATOR.test(text)) return 'syntax';
  const parts = text.split('+');
  const key = parts.pop()!.toUpperCase();
  const mods = new Set(parts.map((p) => MOD_OF[p.toLowerCase()]!));
  if (mods.size !== parts.length) return 'duplicate';
  const functionKey = /^F\d+$/.test(key);
  if (!functionKey && (mods.size < 2 || !(mods.has('ctrl') || mods.has('alt') || mods.has('super')))) {
    return 'modifiers';
  }
  const normal = [...ORDER.filter((m) => mods.has(m)), key].join('+');
  return RESERVED.has(normal) ? 'reserved' : null;
}

/** The core's English sentence for an issue (the window shows the catalogue's translation). */
export function shortcutProblem(accelerator: string): string | null {
  const issue = shortcutIssue(accelerator);
  if (issue === null) return null;
  return {
    syntax: 'Not a shortcut: write modifiers joined by + and then one key, like CommandOrControl+Alt+D.',
    duplicate: 'Each modifier may appear only once.',
    modifiers:
      'Use at least two modifiers, one of them Ctrl, Alt or Super (like Ctrl+Alt+D), or a function key: other keys belong to the applications you type in.',
    reserved: `${accelerator.trim()} is used by other applications or the desktop (editing, closing windows, switching screens); choose another.`,
  }[issue];
}
