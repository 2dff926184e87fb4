// The file `npm run preview -- --open` hands to the desktop's browser. A URL given to xdg-open is
// a process argument, which every user of the machine can read (ps, /proc/<pid>/cmdline); so the
// argument is the path of this file instead, readable by its owner only (0600 in a fresh 0700
// folder), and the file redirects to the host with a one-time code (as Jupyter does).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LaunchFile {
  path: string;
  dispose(): Promise<void>;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function writeLaunchFile(url: string): Promise<LaunchFile> {
  const dir = await mkdtemp(join(tmpdir(), 'vpbx-open-'));
  const path = join(dir, 'open.html');
  const href = escapeHtml(url);
  const html =
    '<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer">' +
    `<meta http-equiv="refresh" content="0;url=${href}"><title>VitalPBX Directory</title>` +
    `<a href="${href}">Open VitalPBX Directory</a>\n`;
  await writeFile(path, html, { mode: 0o600, flag: 'wx' });
  return { path, dispose: () => rm(dir, { recursive: true, force: true }) };
}
