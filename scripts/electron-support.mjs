// Offline check of the pinned Electron major against the supported releases recorded in
// electron-support.json (electronegativity's own version check needs the network, which our
// build machines do not have). An Electron past its end of support gets no security fixes, so
// the scan fails on that day; a major missing from the file fails too, so an upgrade cannot
// slip past without its dates being written down.
import { readFileSync } from 'node:fs';

const WARN_DAYS = 60;

export function loadSupportTable(file = new URL('./electron-support.json', import.meta.url)) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** { ok, message } for `version` (e.g. "45.5.0") on `today` (a Date). */
export function checkElectronSupport(version, today, table = loadSupportTable()) {
  const major = String(Number.parseInt(version, 10));
  const entry = table.majors[major];
  if (!entry) {
    return {
      ok: false,
      message: `Electron ${version}: major ${major} is not in scripts/electron-support.json; add its stable and end-of-support dates from ${table.sources[0]}`,
    };
  }
  const end = new Date(`${entry.endOfSupport}T23:59:59Z`);
  const day = today.toISOString().slice(0, 10);
  if (today > end) {
    return {
      ok: false,
      message: `Electron ${version}: major ${major} went out of support on ${entry.endOfSupport} (today ${day}); upgrade to a supported major`,
    };
  }
  const left = Math.floor((end.getTime() - today.getTime()) / 86_400_000);
  const soon = left <= WARN_DAYS ? `; only ${left} days left, plan the upgrade` : '';
  return {
    ok: true,
    message: `Electron ${version}: major ${major} supported until ${entry.endOfSupport}${soon}`,
  };
}
