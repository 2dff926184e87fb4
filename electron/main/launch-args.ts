// What a launch asks for: start hidden (launched at login), or open with a number or text in the
// search box (`tel:+4930123`, `sip:201@pbx`, `--search=Anna`). Used for the first launch and for
// the argv a second launch forwards to the running instance.
export const HIDDEN_FLAG = '--hidden';

function fromLink(arg: string): string | null {
  const m = /^(tel|sip|callto):(?:\/\/)?([^?;]*)/i.exec(arg);
  if (!m) return null;
  let target = m[2] ?? '';
  try {
    target = decodeURIComponent(target);
  } catch {
    return null;
  }
  // sip:201@pbx.example → 201: the directory is searched by number or name.
  const user = target.split('@')[0] ?? '';
  const text = user.replace(/[^\p{L}\p{N}+*# .()-]/gu, '').trim();
  return text || null;
}

/** The search text a launch carries, or null. Only the last such argument counts. */
export function searchFromArgv(argv: readonly string[]): string | null {
  let found: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--search=')) found = arg.slice('--search='.length).trim().slice(0, 100) || found;
    else if (arg === '--search' && argv[i + 1]) found = (argv[++i] ?? '').trim().slice(0, 100) || found;
    else found = fromLink(arg)?.slice(0, 100) ?? found;
  }
  return found;
}

export function wantsHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return wasOpenedAtLogin || argv.includes(HIDDEN_FLAG);
}

/** --no-tray (or VPBX_NO_TRAY=1): for desktops whose tray exists but does not work. */
export function trayDisabled(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--no-tray') || env.VPBX_NO_TRAY === '1';
}
