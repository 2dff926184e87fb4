// Navigation guards for every web contents the app creates. The window shows the bundled
// renderer and nothing else: a link, a redirect, window.open or a <webview> would otherwise let
// remote content run inside a window that holds the app's bridge. Dial and mail links the user
// clicks are handed to external-links.ts instead of being navigated to.
import type { WebContents } from 'electron';
import { tryOpenSafeExternal } from './external-links.js';

export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    tryOpenSafeExternal(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    tryOpenSafeExternal(url);
    return { action: 'deny' };
  });
}
