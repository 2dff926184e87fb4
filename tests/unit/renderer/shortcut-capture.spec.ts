// Pressing keys in the shortcut field gives an Electron accelerator the core's policy can judge:
// physical keys (not the layout's characters), function keys, modifiers in a fixed order.
import { describe, expect, it } from 'vitest';
import { captureKey, keyName } from '../../../renderer/src/lib/shortcut-capture.js';
import { ACCELERATOR, shortcutProblem } from '../../../electron/core/shared/accelerator.js';

const press = (
  code: string,
  mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {},
) => captureKey({ code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

describe('shortcut capture', () => {
  it('names letters, digits, function keys and named keys by their physical key', () => {
    expect(['KeyD', 'Digit7', 'Numpad3', 'F1', 'F24', 'ArrowUp', 'Space', 'PageDown'].map(keyName)).toEqual([
      'D',
      '7',
      '3',
      'F1',
      'F24',
      'Up',
      'Space',
      'PageDown',
    ]);
    expect(keyName('F25')).toBeNull();
    expect(keyName('Semicolon')).toBeNull();
  });
  it('builds accelerators the contract accepts, in a fixed modifier order', () => {
    const r = press('KeyD', { metaKey: true, shiftKey: true, altKey: true, ctrlKey: true });
    expect(r).toEqual({ kind: 'accelerator', value: 'Ctrl+Alt+Shift+Super+D' });
    expect(ACCELERATOR.test('Ctrl+Alt+Shift+Super+D')).toBe(true);
  });
  it('accepts a function key alone and leaves the policy to the core', () => {
    const f9 = press('F9');
    expect(f9).toEqual({ kind: 'accelerator', value: 'F9' });
    expect(shortcutProblem('F9')).toBeNull();
    const copy = press('KeyC', { ctrlKey: true });
    expect(copy).toEqual({ kind: 'accelerator', value: 'Ctrl+C' });
    expect(shortcutProblem('Ctrl+C')).toMatch(/two modifiers/);
  });
  it('waits while only modifiers are held, and refuses keys a shortcut cannot use', () => {
    expect(press('AltLeft', { ctrlKey: true, altKey: true })).toEqual({
      kind: 'pending',
      shown: 'Ctrl+Alt+…',
    });
    expect(press('Semicolon', { ctrlKey: true, altKey: true }).kind).toBe('unusable');
  });
});
