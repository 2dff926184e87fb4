// The renderer's only way to the core. Under Electron the preload has put the bridge on
// window.vpbx; in the browser host build (VITE_BRIDGE=browser, tests and `npm run preview`) an
// HTTP adapter builds the same object. The Electron bundle never contains that adapter: the
// condition is a build-time constant and the other branch is removed.
import type { Bridge } from '../../../electron/core/shared/bridge.js';
import { createBrowserBridge } from './browser-bridge.js';

declare global {
  interface Window {
    vpbx?: Bridge;
  }
}

function resolveBridge(): Bridge {
  if (import.meta.env.VITE_BRIDGE === 'browser') return createBrowserBridge();
  // eslint-disable-next-line no-restricted-syntax -- a packaging error for developers: no window renders without it
  if (!window.vpbx) throw new Error('The app bridge is missing: the preload script did not run.');
  return window.vpbx;
}

export const bridge: Bridge = resolveBridge();
export type { Bridge };
