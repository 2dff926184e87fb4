// The security scan's offline Electron support check: the pinned major must be in the recorded
// schedule and not past its end of support on the day the scan runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { checkElectronSupport, loadSupportTable } from '../../../scripts/electron-support.mjs';

type Check = (v: string, d: Date, t?: unknown) => { ok: boolean; message: string };
const check = checkElectronSupport as Check;
const pinned = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string })
  .version;

describe('Electron support check', () => {
  it('passes for the pinned Electron today and fails once its end of support has passed', () => {
    const table = loadSupportTable() as {
      majors: Record<string, { endOfSupport: string }>;
      sources: string[];
    };
    expect(table.sources.length).toBeGreaterThan(0);
    const end = table.majors[String(Number.parseInt(pinned, 10))]?.endOfSupport;
    expect(end, `Electron ${pinned} is in scripts/electron-support.json`).toBeDefined();
    expect(check(pinned, new Date('2026-12-04T12:00:00Z')).ok).toBe(true);
    const after = new Date(`${end}T00:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1);
    expect(check(pinned, after)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/out of support/),
    });
  });

  it('fails for a major out of support or not recorded', () => {
    const today = new Date('2026-12-04T12:00:00Z');
    expect(check('42.3.0', today).ok).toBe(false);
    expect(check('99.0.0', today)).toMatchObject({ ok: false, message: expect.stringMatching(/not in/) });
  });

  it('is what the security scan runs, with the date of the run', () => {
    const scan = readFileSync('scripts/security-scan.mjs', 'utf8');
    expect(scan).toContain("from './electron-support.mjs'");
    expect(scan).toMatch(/checkElectronSupport\(electronVersion, new Date\(\)\)/);
  });
});
