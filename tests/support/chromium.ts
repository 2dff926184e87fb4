// Debian's Chromium, as every Playwright run here launches it: Playwright cannot download its
// own browser on our machines, and without the background-networking flags Chromium floods the
// closed network with refused connections.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
