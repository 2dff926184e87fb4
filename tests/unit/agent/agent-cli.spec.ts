import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { removeDir, tempDir } from '../../support/core-harness.js';

const run = promisify(execFile);
let pbx: DemoPbx;
let dir: string;

async function cli(args: string[]) {
  try {
    const r = await run('node_modules/.bin/tsx', ['electron/core/cli/main.ts', ...args], {
      env: { ...process.env, VPBX_KEY: pbx.appKey },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const conn = () => [
  '--url',
  pbx.origin,
  '--tenant',
  pbx.tenant,
  '--app-key-env',
  'VPBX_KEY',
  '--allow-http',
  '--data-dir',
  dir,
];

beforeAll(async () => {
  pbx = await startDemoPbx({ extensions: 40, tenants: 1, agent: { cdrFilter: 'ignored' } });
  dir = await tempDir('vpbx-agent-cli-');
});
afterAll(async () => {
  await pbx?.close();
  await removeDir(dir);
});

describe('command line: call, calls, export --contacts', () => {
  it('call exits 0 when the PBX accepts, 10 with its message when it refuses, 2 on a bad number', async () => {
    const ok = await cli(['call', '555-1234', '--from', '100', ...conn()]);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain('100 rings first, then 5551234');
    expect(pbx.originated.at(-1)).toMatchObject({ caller: '100', callee: '5551234' });
    const refused = await cli(['call', '5551234', '--from', '999', ...conn()]);
    expect(refused.code).toBe(10);
    expect(refused.stderr).toContain('error CALL_REFUSED');
    expect(refused.stderr).toContain('Caller extension 999 not found');
    expect((await cli(['call', 'abc', '--from', '100', ...conn()])).code).toBe(2);
    expect(pbx.originated).toHaveLength(1);
  }, 60_000);

  it("calls prints that extension's calls, deduplicated and newest first, as CSV or JSON", async () => {
    const csv = await cli(['calls', '--extension', '100', '--since', '7d', ...conn()]);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toContain('ignored the extension filter');
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('calldate,uniqueid,src,dst,clid,calltype,disposition,duration,billsec');
    expect(lines.length).toBeGreaterThan(1);
    const out = join(dir, 'calls.json');
    expect(
      (
        await cli([
          'calls',
          '--extension',
          '100',
          '--since',
          '24h',
          '--format',
          'json',
          '--out',
          out,
          ...conn(),
        ])
      ).code,
    ).toBe(0);
    const json = JSON.parse(await readFile(out, 'utf8')) as {
      calls: { uniqueid: string; calldate: number; src: string; dst: string }[];
    };
    const ids = json.calls.map((c) => c.uniqueid);
    expect(new Set(ids).size).toBe(ids.length);
    const dates = json.calls.map((c) => c.calldate);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(json.calls.every((c) => c.src === '100' || c.dst === '100')).toBe(true);
    expect(dates.every((d) => d >= Date.now() / 1000 - 86_400 - 60)).toBe(true);
    expect((await cli(['calls', '--extension', '100', '--since', '3w', ...conn()])).code).toBe(2);
  }, 60_000);

  it('export --contacts adds the phonebook contacts', async () => {
    const plain = await cli(['export', '--format', 'json', ...conn()]);
    const withContacts = await cli(['export', '--contacts', '--format', 'json', ...conn()]);
    expect(withContacts.code).toBe(0);
    const a = JSON.parse(plain.stdout) as { extensions: unknown[]; contacts?: unknown[] };
    const b = JSON.parse(withContacts.stdout) as { extensions: unknown[]; contacts: { name: string }[] };
    expect(a.contacts).toBeUndefined();
    expect(b.extensions).toHaveLength(a.extensions.length);
    expect(b.contacts.length).toBeGreaterThan(20);
    const csv = await cli(['export', '--contacts', '--format', 'csv', ...conn()]);
    expect(csv.stdout).toContain(b.contacts[0]!.name);
  }, 60_000);
});
