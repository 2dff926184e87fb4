// What a global shortcut may be: an Electron accelerator (modifiers joined by +, then one key),
// or empty for none. Its own module so the renderer can check input without bundling zod (whose
// schema compiler probes for eval, which our CSP forbids).
export const ACCELERATOR =
  /^$|^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+){1,4}([A-Za-z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Up|Down|Left|Right|Home|End|PageUp|PageDown|Insert|Delete)$/;
