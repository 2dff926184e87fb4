// Turns a key press into an Electron accelerator, for the settings field where the global
// shortcut is set by pressing it. Reads KeyboardEvent.code (the physical key), not .key: with
// Alt or AltGr held, .key is whatever character the layout makes ("Alt+D" gives "∂" on a Mac).
// Whether the result may be used is shortcutProblem's decision (electron/core/shared), not ours.

const NAMED: Record<string, string> = {
  Space: 'Space',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Insert: 'Insert',
  Delete: 'Delete',
};

const MODIFIER_CODES = /^(Control|Alt|Shift|Meta|OS)(Left|Right)?$|^AltGraph$/;

export interface KeyLike {
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** The key part of an accelerator for a physical key, or null for keys a shortcut cannot use. */
export function keyName(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!;
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(code);
  if (digit) return digit[1]!;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return NAMED[code] ?? null;
}

/** The modifiers held, in the order the accelerator writes them ("Ctrl+Alt+…" while waiting). */
export function heldModifiers(e: KeyLike): string[] {
  const mods: string[] = [];
  if (e.ctrlKey) mods.push('Ctrl');
  if (e.altKey) mods.push('Alt');
  if (e.shiftKey) mods.push('Shift');
  if (e.metaKey) mods.push('Super');
  return mods;
}

export type Capture =
  | { kind: 'accelerator'; value: string }
  /** Only modifiers so far: show them and wait for the key. */
  | { kind: 'pending'; shown: string }
  | { kind: 'unusable'; shown: string };

export function captureKey(e: KeyLike): Capture {
  const mods = heldModifiers(e);
  if (MODIFIER_CODES.test(e.code)) return { kind: 'pending', shown: `${mods.join('+')}+…` };
  const key = keyName(e.code);
  if (!key) return { kind: 'unusable', shown: e.code };
  return { kind: 'accelerator', value: [...mods, key].join('+') };
}
