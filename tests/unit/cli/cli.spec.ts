import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { PbxClient } from '../../../electron/core/pbx/client.js';
import { parseCsv, parseVcard } from '../../support/export-parsers.js';
import { toRow } from '../../../electron/core/export/rows.js';
import type { Extension } from '../../../electron/core/shared/domain.js';
import { removeDir, tempDir } from '../../support/core-harness.js';

const run = promisify(execFile);
let pbx: DemoPbx;
let dataDir: string;
let directory: Extension[];

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await run('node_modules/.bin/tsx', ['electron/core/cli/main.ts', ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  pbx = await startDemoPbx({ extensions: 10_000, tenants: 1 });
  dataDir = await tempDir('vpbx-cli-');
  const client = PbxClient.forDemo(pbx);
  directory = (await client.listExtensions()).extensions;
}, 60_000);
afterAll(async () => {
  await pbx?.close();
  await removeDir(dataDir);
});

const conn = () => [
  '--url',
  pbx.origin,
  '--tenant',
  pbx.tenant,
  '--app-key-env',
  'VPBX_KEY',
  '--allow-http',
  '--data-dir',
  dataDir,
];

describe('command line', () => {
  it('checks the connection', async () => {
    const r = await cli(['check', ...conn()], { VPBX_KEY: pbx.appKey });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('OK: 10000 extensions');
  });

  it('exits with a code per error, saying what to do', async () => {
    const [bad, http, tenant, down, usage, noKey] = await Promise.all([
      cli(['check', ...conn()], { VPBX_KEY: 'wrong' }),
      cli(['check', '--url', pbx.origin, '--tenant', '1', '--app-key-env', 'VPBX_KEY'], {
        VPBX_KEY: pbx.appKey,
      }),
      cli(['check', ...conn().map((a) => (a === pbx.tenant ? 'nobody' : a))], { VPBX_KEY: pbx.appKey }),
      cli(
        [
          'check',
          '--url',
          'http://127.0.0.1:9',
          '--tenant',
          '1',
          '--app-key-env',
          'VPBX_KEY',
          '--allow-http',
        ],
        { VPBX_KEY: 'k' },
      ),
      cli(['frobnicate']),
      cli(['check', ...conn()], {}),
    ]);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/^error AUTH_BAD_KEY: /);
    expect(bad.stderr).not.toContain('wrong');
    expect(http.code).toBe(5);
    expect(tenant.code).toBe(6);
    expect(down.code).toBe(3);
    expect(usage.code).toBe(2);
    expect(noKey.code).toBe(4);
  }, 60_000);

  it('exports a 10,000-extension tenant to CSV and vCard that re-parse to the same directory', async () => {
    const expected = directory.map(toRow);
    const csvFile = `${dataDir}/d.csv`;
    const csv = await cli(['export', '--format', 'csv', '--out', csvFile, ...conn()], {
      VPBX_KEY: pbx.appKey,
    });
    expect(csv.code).toBe(0);
    expect(parseCsv(await readFile(csvFile, 'utf8'))).toEqual(expected);
    const vcf = await cli(['export', '--format', 'vcard', ...conn()], { VPBX_KEY: pbx.appKey });
    expect(vcf.code).toBe(0);
    expect(parseVcard(vcf.stdout)).toEqual(expected);
  }, 60_000);

  it('syncs into a profile and exports it offline', async () => {
    const sync = await cli(['sync', '--profile', 'office', ...conn()], { VPBX_KEY: pbx.appKey });
    expect(sync.code).toBe(0);
    const json = await cli([
      'export',
      '--offline',
      '--profile',
      'office',
      '--format',
      'json',
      '--data-dir',
      dataDir,
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).extensions).toHaveLength(10_000);
  }, 60_000);
});
