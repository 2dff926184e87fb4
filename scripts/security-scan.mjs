// Security scan of the Electron sources with @doyensec/electronegativity: fails on any HIGH or
// MEDIUM finding that is not in the reviewed allowlist below. The scanner exits 0 even when it
// finds problems, so this reads its SARIF report instead. It scans the TypeScript sources (it
// misses constructs in compiled output) and skips the check that fetches Electron's release
// list (the network is closed here and it only times out); in its place, the pinned Electron
// major is checked offline against the supported releases recorded in electron-support.json,
// with today's date, and the scan fails once that major is out of support.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkElectronSupport } from './electron-support.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

/**
 * Findings reviewed and accepted, by rule and file (relative to electron/). Each says why; the
 * scanner flags these for manual review because it cannot follow the code, not because of a
 * known weakness.
 */
const ALLOWED = [
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/external-links.ts',
    reason:
      'The one call site of shell.openExternal: every URL first passes isSafeExternalLink (tel:, sip:, ' +
      'callto:, mailto: with strict syntax). tests/unit/main/external-links.spec.ts proves refusals and ' +
      'that no other main-process file calls openExternal.',
  },
  {
    rule: 'PRELOAD_JS_CHECK',
    file: 'main/window.ts',
    reason:
      'The preload (electron/preload/index.ts) exposes only buildBridge: one function per contract ' +
      'operation and on(); no ipcRenderer, no IPC event objects. The window is sandboxed with context ' +
      'isolation. tests/unit/preload/preload.spec.ts checks the exposed surface.',
  },
  {
    rule: 'CSP_GLOBAL_CHECK',
    file: 'main/security.ts',
    reason:
      'The scanner only parses a CSP written as one string literal; ours is joined from a list of ' +
      "directives (default-src 'none', script-src 'self', ...). The directives are asserted in " +
      'tests/unit/main/security.spec.ts and sent on every app:// response (protocol.spec.ts).',
  },
];

const support = checkElectronSupport(electronVersion, new Date());
console.log(`  ${support.ok ? 'support ' : 'FINDING '} ${support.message}`);

const dir = mkdtempSync(join(tmpdir(), 'vpbx-electronegativity-'));
const report = join(dir, 'report.sarif');
try {
  const bin = join(root, 'node_modules/.bin/electronegativity');
  const args = ['-i', 'electron', '-r', '-s', 'medium', '-e', electronVersion];
  args.push('-x', 'AvailableSecurityFixesGlobalCheck', '-o', report);
  const run = spawnSync(bin, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (run.error || !existsSync(report)) {
    console.error('security-scan: electronegativity did not produce a report');
    console.error(run.error?.message ?? '', run.stdout, run.stderr);
    process.exit(2);
  }
  const sarif = JSON.parse(readFileSync(report, 'utf8'));
  const results = sarif.runs?.[0]?.results;
  if (!Array.isArray(results)) {
    console.error('security-scan: the report has no results list');
    process.exit(2);
  }
  const used = new Set();
  const failures = [];
  for (const r of results) {
    const loc = r.locations?.[0]?.physicalLocation;
    const file = loc?.artifactLocation?.uri ?? '?';
    const where = `${file}:${loc?.region?.startLine ?? '?'}`;
    const allow = ALLOWED.find((a) => a.rule === r.ruleId && a.file === file);
    if (allow) {
      used.add(allow);
      console.log(`  allowed  ${r.ruleId} ${where} (${r.level}): ${allow.reason}`);
    } else {
      failures.push(r);
      console.log(`  FINDING  ${r.ruleId} ${where} (${r.level}): ${r.message?.text ?? ''}`);
    }
  }
  for (const a of ALLOWED)
    if (!used.has(a)) console.log(`  note: allowlist entry no longer needed: ${a.rule} ${a.file}`);
  console.log(
    `security-scan: electronegativity (Electron ${electronVersion}), ${results.length} HIGH/MEDIUM finding(s), ` +
      `${failures.length} not allowed`,
  );
  process.exit(failures.length || !support.ok ? 1 : 0);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
