// The "save as" capability the core uses for voicemail files: a native save dialog, then a plain
// write to the path the user chose. The renderer never sees or picks a path itself.
import { app, dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

export async function saveWithDialog(
  win: BrowserWindow | null,
  suggestedName: string,
  bytes: Uint8Array,
): Promise<string | null> {
  const options = { defaultPath: join(app.getPath('downloads'), basename(suggestedName)) };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  await writeFile(choice.filePath, bytes);
  return choice.filePath;
}
